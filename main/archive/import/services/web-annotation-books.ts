// Books in W3C Web Annotation JSON-LD (Quire's own export, web-annotation.ts): a source that
// is not a web page and says who wrote it or what it is (`dcterms:creator`, `schema:isbn`, an
// ASIN `schema:identifier`), or whose annotations carry a book location (Quire's location
// FragmentSelector) or mark a place (`bookmarking`). Its highlights and bookmarks come back as
// one book entry, onto the book already here (by title, author and identifiers) or a new one.
import type { Location } from '../../../../shared/book.ts'
import {
  LOCATION_FRAGMENT_FORM,
  parseLocationFragment,
} from '../../../../shared/location-fragment.ts'
import type {
  ImportedBook,
  ImportedBookmark,
  ImportEntry,
  ImportedHighlight,
} from '../extracted.ts'
import { isRecord, text } from './values.ts'

/** What a source says about the book it is; undefined for a web page or a bare IRI. */
export function bookOfSource(source: unknown, url: string | undefined): ImportedBook | undefined {
  if (url || !isRecord(source)) return undefined
  const title = text(source['dcterms:title']) ?? text(source['dc:title']) ?? text(source.title)
  if (!title) return undefined
  const creators = source['dcterms:creator'] ?? source['dc:creator']
  const authors = (Array.isArray(creators) ? creators : [creators]).flatMap((c) => {
    const name = isRecord(c) ? text(c.name) : text(c)
    return name ? [name] : []
  })
  const isbn = text(source['schema:isbn'])
  const asin = identifiers(source['schema:identifier']).find((i) => i.id === 'ASIN')?.value
  const language = text(source.language)
  return {
    title,
    authors,
    ...(isbn ? { isbn } : {}),
    ...(asin ? { asin } : {}),
    ...(language ? { language } : {}),
  }
}

/** True when the source names the book by more than its title (so it is one, not a page). */
export function saysItIsABook(book: ImportedBook): boolean {
  return book.authors.length > 0 || !!book.isbn || !!book.asin
}

function identifiers(value: unknown): { id: string; value: string }[] {
  return (Array.isArray(value) ? value : [value]).flatMap((v) => {
    if (!isRecord(v)) return []
    const id = text(v['schema:propertyID'])
    const val = text(v['schema:value'])
    return id && val ? [{ id, value: val }] : []
  })
}

/** The place in Quire's location form among the target's selectors, if any. */
export function locationOfSelectors(selectors: unknown): Location | undefined {
  for (const s of Array.isArray(selectors) ? selectors : [selectors]) {
    if (!isRecord(s) || s.conformsTo !== LOCATION_FRAGMENT_FORM) continue
    const loc = typeof s.value === 'string' ? parseLocationFragment(s.value) : undefined
    if (loc) return loc
  }
  return undefined
}

export interface BookRow {
  source: string
  book: ImportedBook
  highlight?: ImportedHighlight
  bookmark?: ImportedBookmark
}

/** One entry per book (same title, authors and identifiers), in first-seen order. */
export function groupByBook(rows: BookRow[]): ImportEntry[] {
  const groups = new Map<string, ImportEntry & { book: ImportedBook }>()
  for (const row of rows) {
    const b = row.book
    const key = [b.title, b.authors.join(';'), b.isbn ?? '', b.asin ?? ''].join('\n').toLowerCase()
    let entry = groups.get(key)
    if (!entry) {
      entry = {
        source: row.source,
        title: b.title,
        tags: [],
        highlights: [],
        bookmarks: [],
        book: b,
      }
      groups.set(key, entry)
    }
    if (row.highlight) entry.highlights.push(row.highlight)
    if (row.bookmark) entry.bookmarks!.push(row.bookmark)
  }
  return [...groups.values()]
}
