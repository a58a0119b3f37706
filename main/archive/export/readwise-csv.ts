// Readwise's CSV import: one row per highlight, `Highlight,Title,Author,URL,Note,Location,Date`
// (its template), then Color and Tags (the names of Readwise's own export), which Quire reads
// back so a round trip keeps colours and tags exactly; then Location Type: empty for an
// article (Location counts code points into its text), the source's type for a book's highlight
// (a Kindle location, a page), so a book's highlights come back to the same places.
import Papa from 'papaparse'
import { webAddress } from './citation-fields.ts'
import { creatorsOf } from './creators.ts'
import type { ExportItem } from './export-item.ts'
import { highlightsInOrder } from './export-item.ts'
import { locationCells } from '../../../shared/book.ts'
import { htmlToText } from '../../../shared/html-text.ts'
import { codePointCounter } from './web-annotation.ts'

export const READWISE_COLUMNS = [
  'Highlight',
  'Title',
  'Author',
  'URL',
  'Note',
  'Location',
  'Date',
  'Color',
  'Tags',
  'Location Type',
]

/** The header row (CRLF ended). */
export function readwiseHeader(): string {
  return Papa.unparse([READWISE_COLUMNS], { newline: '\r\n' }) + '\r\n'
}

/**
 * One article's rows, CRLF ended ('' when it has no highlights). Tags also ride in the note
 * as `.tag` tokens, which is how Readwise reads tags from a CSV. Location is the highlight's
 * start in the article's text, in code points, so Readwise keeps reading order.
 */
export function readwiseRows(item: ExportItem): string {
  const a = item.article
  const highlights = highlightsInOrder(item)
  if (!highlights.length) return ''
  const counter = codePointCounter(htmlToText(item.body))
  const { people, organizations } = creatorsOf(a)
  const author = [...people, ...organizations].join(', ')
  const url = webAddress(a) ?? ''
  const rows = highlights.map((h) => {
    const ann = h.annotation
    const place = ann.target.location
      ? locationCells(ann.target.location)
      : { type: '', value: String(counter(h.start)) }
    const tags = ann.tags.map((t) => `.${t.replace(/\s+/g, '_')}`).join(' ')
    return [
      ann.target.quote.exact,
      a.title,
      author,
      url,
      [ann.note.trim(), tags].filter(Boolean).join(' '),
      place.value,
      new Date(ann.createdAt).toISOString(),
      ann.sourceColor ?? ann.color,
      ann.tags.join(', '),
      place.type,
    ].map(guardFormula)
  })
  return Papa.unparse(rows, { quotes: false, newline: '\r\n', header: false }) + '\r\n'
}

/** The whole CSV of `items`. */
export function readwiseCsv(items: ExportItem[]): string {
  return readwiseHeader() + items.map(readwiseRows).join('')
}

/**
 * Spreadsheets run a cell that starts with = + - @ (or a tab/CR that hides one) as a
 * formula; a leading `'` makes it text (OWASP's CSV injection advice). Import strips it.
 */
export function guardFormula(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell
}
