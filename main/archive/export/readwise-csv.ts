// Readwise's CSV import: one row per highlight, `Highlight,Title,Author,URL,Note,Location,Date`.
import Papa from 'papaparse'
import type { ExportItem } from './export-item.ts'
import { highlightsInOrder } from './export-item.ts'

export const READWISE_COLUMNS = ['Highlight', 'Title', 'Author', 'URL', 'Note', 'Location', 'Date']

/**
 * The CSV text (CRLF rows, every text cell quoted when it needs to be). Tags ride in the
 * note as `.tag` tokens, which is how Readwise reads tags from a CSV. Location is the
 * highlight's start offset in the article's text, so Readwise keeps reading order.
 */
export function readwiseCsv(items: ExportItem[]): string {
  const rows: string[][] = []
  for (const item of items) {
    const a = item.article
    for (const h of highlightsInOrder(item)) {
      const ann = h.annotation
      const tags = ann.tags.map((t) => `.${t.replace(/\s+/g, '_')}`).join(' ')
      rows.push([
        ann.target.quote.exact,
        a.title,
        a.authors.join(', '),
        a.url ?? a.canonicalUrl ?? '',
        [ann.note.trim(), tags].filter(Boolean).join(' '),
        String(h.start),
        new Date(ann.createdAt).toISOString(),
      ])
    }
  }
  return Papa.unparse(
    { fields: READWISE_COLUMNS, data: rows.map((r) => r.map(guardFormula)) },
    { quotes: false, newline: '\r\n', header: true },
  )
}

/**
 * Spreadsheets run a cell that starts with = + - @ (or a tab/CR that hides one) as a
 * formula; a leading `'` makes it text (OWASP's CSV injection advice).
 */
export function guardFormula(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell
}
