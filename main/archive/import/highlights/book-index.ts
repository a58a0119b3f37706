// Finding the book record a file's highlights belong to: by ASIN, by ISBN, by title and the
// first author's family name, then by the main title (without its subtitle). Built once per
// import batch from the catalog; books created in the batch are claimed as they are made.
import { isBook } from '../../../../shared/book.ts'
import type { Article } from '../../../../shared/model.ts'
import type { Catalog } from '../../store/catalog.ts'
import type { ImportedBook } from '../extracted.ts'
import { cleanAsin, cleanIsbn, mainTitleKey, surnameKey, titleKey } from './identity.ts'

type BookFields = Pick<ImportedBook, 'title' | 'authors' | 'asin' | 'isbn'>

/** The keys a book answers to, most specific first. */
export function bookKeys(b: BookFields): string[] {
  const keys: string[] = []
  const asin = cleanAsin(b.asin)
  const isbn = cleanIsbn(b.isbn)
  if (asin) keys.push(`asin:${asin}`)
  if (isbn) keys.push(`isbn:${isbn}`)
  const surname = surnameKey(b.authors)
  const full = titleKey(b.title)
  const main = mainTitleKey(b.title)
  if (full) keys.push(`title:${full}|${surname}`)
  if (main && main !== full) keys.push(`title:${main}|${surname}`)
  return keys
}

function fieldsOf(a: Article): BookFields {
  return { title: a.title, authors: a.authors, ...a.identifiers }
}

export class BookIndex {
  readonly #byKey = new Map<string, string>()
  /** Title-only keys, for a file that names no author: used only when one book has it. */
  readonly #byTitle = new Map<string, Set<string>>()
  /** Titles of books stored without an author: any author may claim them. */
  readonly #authorless = new Set<string>()

  static of(records: Iterable<Article>): BookIndex {
    const index = new BookIndex()
    for (const a of records) if (isBook(a) && a.deletedAt === null) index.claim(a.id, fieldsOf(a))
    return index
  }

  /** The id of the book these fields name, if the archive (or this batch) has it. */
  find(b: BookFields): string | undefined {
    for (const key of bookKeys(b)) {
      const id = this.#byKey.get(key)
      if (id) return id
    }
    // No author on one side (a Kindle title without one, a CSV without the column).
    for (const t of new Set([titleKey(b.title), mainTitleKey(b.title)])) {
      const ids = this.#byTitle.get(t)
      if (ids?.size === 1 && (!surnameKey(b.authors) || this.#authorless.has(t))) {
        return [...ids][0]
      }
    }
    return undefined
  }

  claim(id: string, b: BookFields): void {
    for (const key of bookKeys(b)) if (!this.#byKey.has(key)) this.#byKey.set(key, id)
    for (const t of new Set([titleKey(b.title), mainTitleKey(b.title)])) {
      if (!t) continue
      const ids = this.#byTitle.get(t) ?? new Set()
      ids.add(id)
      this.#byTitle.set(t, ids)
      if (!surnameKey(b.authors)) this.#authorless.add(t)
    }
  }

  forget(id: string): void {
    for (const [key, owner] of this.#byKey) if (owner === id) this.#byKey.delete(key)
    for (const ids of this.#byTitle.values()) ids.delete(id)
  }
}

/** One index per catalog and batch: the batch's context object is the key. */
const indexes = new WeakMap<object, BookIndex>()

export function bookIndexFor(batch: object, catalog: Catalog): BookIndex {
  let index = indexes.get(batch)
  if (!index) {
    index = BookIndex.of(catalog.all())
    indexes.set(batch, index)
  }
  return index
}
