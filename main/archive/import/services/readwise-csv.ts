// Readwise CSV (its export: Highlight,Book Title,Book Author,Amazon Book ID,…,Location Type,
// Location,Highlighted at; or its import template: Highlight,Title,Author,URL,Note,Location,
// Date) -> entries. Rows with a web address attach to that article; rows without one belong to
// a book (or document) known by its title, author and ASIN: one entry per book, its highlights
// anchored by location and keyed so a re-import updates them in place.
import type { ImportEntry, ImportedHighlight } from '../extracted.ts'
import { splitAuthors } from '../highlights/authors.ts'
import { RowKeys } from '../highlights/identity.ts'
import { parseLocation } from '../highlights/location-text.ts'
import { splitNoteTags } from '../highlights/note-tags.ts'
import { parseCsv } from './csv.ts'
import { groupByDocument, type DocumentHighlight } from './group-by-document.ts'
import type { RowProblem } from './result.ts'
import { defineCsvService } from './text-services.ts'
import { cleanTags, highlightColor, httpUrl, isoDate, text } from './values.ts'

export const readwiseCsvImporter = defineCsvService({
  id: 'readwise-csv',
  label: 'Readwise highlights (.csv)',
  matches: (h) => h.includes('highlight') && (h.includes('book title') || h.includes('title')),
  parse: (csv, name) => {
    const table = parseCsv(csv, name, ['highlight'])
    const problems: RowProblem[] = [...table.problems]
    const linked: DocumentHighlight[] = []
    const books = new Map<string, BookRows>()
    const hasType = table.header.includes('location type')
    const hasTags = table.header.includes('tags')
    const quireOwn = table.header.includes('color') && table.header.includes('title')
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
      const split = splitNoteTags(text(cells.note) ?? '')
      const colorName = text(cells.color)?.toLowerCase()
      const color = highlightColor(colorName)
      const createdAt = isoDate(cells['highlighted at']) ?? isoDate(cells.date)
      // With a Tags column (Readwise's export, Quire's own) the column is the truth and the
      // note's `.tag` tokens are only taken off the note.
      const tags = cleanTags(hasTags ? (cells.tags ?? '').split(',') : split.tags)
      const typeName = hasType ? text(cells['location type']) : undefined
      // Quire's own CSV: an empty Location Type (or none) means "code points into the text".
      const start = quireOwn && !typeName ? offset(cells.location) : undefined
      const location =
        start === undefined ? parseLocation(typeName, cells.location, 'location') : undefined
      const highlight: ImportedHighlight = {
        quote,
        ...(split.note ? { note: split.note } : {}),
        ...(color ? { color } : {}),
        ...(colorName && colorName !== color ? { sourceColor: colorName.slice(0, 50) } : {}),
        ...(tags.length ? { tags } : {}),
        ...(createdAt ? { createdAt } : {}),
        ...(start !== undefined ? { start } : {}),
        ...(location ? { location } : {}),
      }
      const documentTags = cleanTags((cells['document tags'] ?? '').split(','))
      if (url || !title) {
        if (!url) {
          problems.push({ source, reason: 'names no book, document or web address' })
          continue
        }
        linked.push({ source, url, ...(title ? { title } : {}), tags: documentTags, highlight })
        continue
      }
      const authors = splitAuthors(text(cells['book author']) ?? text(cells.author))
      const asin = text(cells['amazon book id'])
      const key = [title.toLowerCase(), authors.join(';').toLowerCase(), asin ?? ''].join('\n')
      let book = books.get(key)
      if (!book) {
        book = { first: index, last: index, title, authors, asin, tags: [], rows: [] }
        books.set(key, book)
      }
      book.last = index
      for (const t of documentTags) if (!book.tags.includes(t)) book.tags.push(t)
      book.rows.push(highlight)
    }
    const entries = [
      ...groupByDocument(linked),
      ...[...books.values()].map((b) => bookEntry(name, b)),
    ]
    return { entries, problems }
  },
})

interface BookRows {
  first: number
  last: number
  title: string
  authors: string[]
  asin: string | undefined
  tags: string[]
  rows: ImportedHighlight[]
}

/** One entry per book, its rows keyed by place and date so a re-import finds them again. */
function bookEntry(name: string, b: BookRows): ImportEntry {
  const keys = new RowKeys('readwise')
  const highlights = b.rows.map((h) => ({ ...h, key: keys.next(h.location, h.createdAt, h.quote) }))
  const rows = b.first === b.last ? `row ${b.first}` : `rows ${b.first}–${b.last}`
  return {
    source: `${name} › ${b.title}`,
    title: b.title,
    tags: b.tags,
    highlights,
    book: {
      title: b.title,
      authors: b.authors,
      ...(b.asin ? { asin: b.asin } : {}),
      source: 'Readwise',
    },
    detail: `${rows} of the file`,
  }
}

/** Cells a spreadsheet would run as formulas are written with a leading `'`; read it off. */
function unguarded(cells: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [k, v] of Object.entries(cells)) out[k] = /^'[=+\-@\t\r]/.test(v) ? v.slice(1) : v
  return out
}

/** Quire's Location: where the quote starts in the article's text, in code points. */
function offset(cell: string | undefined): number | undefined {
  const t = text(cell)
  return t && /^\d{1,9}$/.test(t) ? Number(t) : undefined
}
