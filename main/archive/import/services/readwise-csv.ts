// Readwise CSV (its export: Highlight,Book Title,Book Author,…; or its import template:
// Highlight,Title,Author,URL,Note,…) -> one entry per document, carrying its highlights.
import { parseCsv } from './csv.ts'
import { decodeExport } from './decode.ts'
import { groupByDocument, type DocumentHighlight } from './group-by-document.ts'
import { MAX_CSV_BYTES } from './limits.ts'
import { defineService } from './result.ts'
import { csvHeader } from './sniff-text.ts'
import { cleanTags, highlightColor, httpUrl, isoDate, text } from './values.ts'

export const readwiseCsvImporter = defineService({
  id: 'readwise-csv',
  label: 'Readwise highlights (.csv)',
  maxBytes: MAX_CSV_BYTES,
  matches: (s) => {
    // The extension first: every file imported passes here, and decoding the head costs.
    if (s.ext !== '.csv') return false
    const h = csvHeader(s)
    return h.includes('highlight') && (h.includes('book title') || h.includes('title'))
  },
  parse: (bytes, name) => {
    const table = parseCsv(decodeExport(bytes, MAX_CSV_BYTES, 'a CSV export'), name, ['highlight'])
    const problems = [...table.problems]
    const rows: DocumentHighlight[] = []
    for (const { index, cells } of table.rows) {
      const source = `${name} › row ${index}`
      const quote = text(cells.highlight)
      if (!quote) {
        problems.push({ source, reason: 'has no highlight text' })
        continue
      }
      const title = text(cells['book title']) ?? text(cells.title)
      const url = httpUrl(cells.url) ?? httpUrl(cells['source url'])
      const note = text(cells.note)
      const color = highlightColor(cells.color)
      const createdAt = isoDate(cells['highlighted at']) ?? isoDate(cells.date)
      const tags = cleanTags((cells.tags ?? '').split(','))
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
        },
      })
    }
    return { entries: groupByDocument(rows), problems }
  },
})
