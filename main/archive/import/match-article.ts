// Finding the article a carried highlight belongs to when its export names no address Quire
// knows: by the article's id (Quire's own JSON-LD), else by its title. Several articles with
// one title: the one whose text holds the first highlight's quote.
import { htmlToText } from '../../../shared/html-text.ts'
import type { Article } from '../../../shared/model.ts'
import type { Catalog } from '../store/catalog.ts'
import type { ContentStore } from '../store/content-store.ts'
import type { ImportEntry } from './extracted.ts'

/** Titles compared as a reader would: Unicode-folded, case and spacing ignored. */
export function titleKey(title: string): string {
  return title
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\u00a0]+/g, ' ')
    .replace(/^[\s"'“”‘’«»]+|[\s"'“”‘’«».:;!?]+$/g, '')
}

/** Title -> ids of articles not in the trash; built once per catalog state, on first need. */
const indexes = new WeakMap<Catalog, Map<string, string[]>>()

function titleIndex(catalog: Catalog): Map<string, string[]> {
  let index = indexes.get(catalog)
  if (!index) {
    index = new Map()
    for (const a of catalog.all()) {
      if (a.deletedAt !== null || a.origin.format === 'link') continue
      const key = titleKey(a.title)
      if (!key) continue
      const ids = index.get(key)
      if (ids) ids.push(a.id)
      else index.set(key, [a.id])
    }
    indexes.set(catalog, index)
  }
  return index
}

/** Forget the title index (the catalog changed in a way the import did not make). */
export function forgetTitles(catalog: Catalog): void {
  indexes.delete(catalog)
}

/**
 * The id of the stored article `entry` carries highlights for, found by id or title; null when
 * there is none (or the entry carries an article of its own: that goes through dedupe).
 */
export async function matchArticle(
  entry: ImportEntry,
  catalog: Catalog,
  content: ContentStore,
): Promise<string | null> {
  if (entry.article) return null
  if (entry.articleId) {
    const found: Article | undefined = catalog.get(entry.articleId)
    if (found && found.deletedAt === null) return found.id
  }
  const key = entry.title ? titleKey(entry.title) : ''
  const ids = key ? titleIndex(catalog).get(key) : undefined
  if (!ids?.length) return null
  if (ids.length === 1) return ids[0]!
  const quote = entry.highlights[0]?.quote.replace(/\s+/g, ' ').trim()
  if (quote) {
    for (const id of ids) {
      const text = htmlToText((await content.read(id)) ?? '')
      if (text.includes(quote)) return id
    }
  }
  return ids[0]!
}
