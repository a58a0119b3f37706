// Groups highlight rows (Readwise, Hypothesis) into one entry per document (title + URL).
import type { ImportEntry, ImportedHighlight } from '../extracted.ts'

export interface DocumentHighlight {
  source: string
  url?: string
  title?: string
  /** Quire's own id of the article, when the export names it. */
  articleId?: string
  tags: string[]
  highlight: ImportedHighlight
}

/**
 * One link-only entry per document, in first-seen order, carrying every highlight made in
 * it: the lead attaches them to the stored article with that URL, or keeps them as orphans.
 */
export function groupByDocument(rows: DocumentHighlight[]): ImportEntry[] {
  const groups = new Map<string, ImportEntry>()
  for (const row of rows) {
    const key = `${row.url ?? ''}\n${row.url ? '' : (row.title ?? '')}\n${row.articleId ?? ''}`
    let entry = groups.get(key)
    if (!entry) {
      entry = {
        source: row.source,
        ...(row.url ? { url: row.url } : {}),
        ...(row.title ? { title: row.title } : {}),
        ...(row.articleId ? { articleId: row.articleId } : {}),
        tags: [],
        highlights: [],
      }
      groups.set(key, entry)
    }
    if (!entry.title && row.title) entry.title = row.title
    for (const t of row.tags) if (!entry.tags.includes(t)) entry.tags.push(t)
    entry.highlights.push(row.highlight)
  }
  return [...groups.values()]
}
