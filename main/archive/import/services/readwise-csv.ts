// Readwise CSV (its export: Highlight,Book Title,Book Author,…; or its import template:
// Highlight,Title,Author,URL,Note,…) -> one entry per document, carrying its highlights.
import { parseCsv } from './csv.ts'
import { groupByDocument, type DocumentHighlight } from './group-by-document.ts'
import { defineCsvService } from './text-services.ts'
import { cleanTags, highlightColor, httpUrl, isoDate, text } from './values.ts'

export const readwiseCsvImporter = defineCsvService({
  id: 'readwise-csv',
  label: 'Readwise highlights (.csv)',
  matches: (h) => h.includes('highlight') && (h.includes('book title') || h.includes('title')),
  parse: (csv, name) => {
    const table = parseCsv(csv, name, ['highlight'])
    const problems = [...table.problems]
    const rows: DocumentHighlight[] = []
    const hasTags = table.header.includes('tags')
    for (const { index, cells: raw } of table.rows) {
      const source = `${name} › row ${index}`
      const cells = unguarded(raw)
      // Not trimmed: Quire's own quotes keep the paragraph breaks they span.
      const quote = text(cells.highlight) ? cells.highlight! : undefined
      if (!quote) {
        problems.push({ source, reason: 'has no highlight text' })
        continue
      }
      const title = text(cells['book title']) ?? text(cells.title)
      const url = httpUrl(cells.url) ?? httpUrl(cells['source url'])
      const { note, tags: inline } = noteTags(text(cells.note) ?? '', hasTags)
      const color = highlightColor(cells.color)
      const createdAt = isoDate(cells['highlighted at']) ?? isoDate(cells.date)
      const tags = cleanTags([...(cells.tags ?? '').split(','), ...inline])
      const start = location(cells)
      rows.push({
        source,
        ...(url ? { url } : {}),
        ...(title ? { title } : {}),
        tags: cleanTags((cells['document tags'] ?? '').split(',')),
        highlight: {
          quote,
          ...(note ? { note } : {}),
          ...(color ? { color } : {}),
          ...(tags.length ? { tags } : {}),
          ...(createdAt ? { createdAt } : {}),
          ...(start !== undefined ? { start } : {}),
        },
      })
    }
    return { entries: groupByDocument(rows), problems }
  },
})

/** Cells a spreadsheet would run as formulas are written with a leading `'`; read it off. */
function unguarded(cells: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [k, v] of Object.entries(cells)) out[k] = /^'[=+\-@\t\r]/.test(v) ? v.slice(1) : v
  return out
}

/**
 * Readwise's inline tags: `.tag` tokens ending a note. With a Tags column (Readwise's export,
 * Quire's own) the column is the truth and the tokens are only dropped from the note.
 */
function noteTags(note: string, hasTags: boolean): { note: string; tags: string[] } {
  const m = /(^|\s)((?:\.[^\s.,;:!?]\S*\s*)+)$/.exec(note)
  if (!m) return { note, tags: [] }
  const tags = m[2]!
    .trim()
    .split(/\s+/)
    .map((t) => t.slice(1))
  return { note: note.slice(0, m.index).trim(), tags: hasTags ? [] : tags }
}

/**
 * Quire's Location: where the quote starts in the article's text, in code points. Only in
 * Quire's own CSV (a Color column, no Location Type): Readwise's are pages or Kindle locations.
 */
function location(cells: Record<string, string>): number | undefined {
  if ('location type' in cells || !('color' in cells)) return undefined
  const t = text(cells.location)
  return t && /^\d{1,9}$/.test(t) ? Number(t) : undefined
}
