// Kindle's `My Clippings.txt` -> one entry per book: its highlights (an edited highlight's
// earlier copies folded into the latest), its notes attached to the highlight they were typed
// on, its bookmarks, and every clipping that could not be used reported with its reason.
import type { Location } from '../../../../shared/book.ts'
import type { ImportEntry, ImportedBookmark, ImportedHighlight } from '../extracted.ts'
import { decodeExport } from '../services/decode.ts'
import { MAX_CSV_BYTES } from '../services/limits.ts'
import { defineService, type RowProblem } from '../services/result.ts'
import { headText } from '../services/sniff-text.ts'
import { splitAuthors } from './authors.ts'
import { digest, titleKey } from './identity.ts'
import { parseClippingHeader, type ClippingHeader } from './kindle-header.ts'

const SEPARATOR = /^={8,}\s*$/m

/** What Kindle writes instead of the text when a publisher's clipping limit is reached. */
const LIMIT = /clipping limit|limite de (coupure|extraits)|Ausschnittslimit|límite de recortes/i

interface Clipping extends ClippingHeader {
  n: number
  text: string
}

interface Book {
  title: string
  authors: string[]
  clips: Clipping[]
}

export const kindleClippingsImporter = defineService({
  id: 'kindle-clippings',
  label: 'Kindle clippings (My Clippings.txt)',
  maxBytes: MAX_CSV_BYTES,
  matches: (s) => {
    if (s.ext !== '.txt') return false
    const head = headText(s)
    return /\r?\n={8,}\r?\n/.test(head) && /^[^\n]*\r?\n- [^\n]*\|/.test(head.replace(/^\s+/, ''))
  },
  parse: (bytes, name) =>
    parseClippings(decodeExport(bytes, MAX_CSV_BYTES, 'Kindle clippings'), name),
})

/** The whole file read; exported for the tests. */
export function parseClippings(
  text: string,
  name: string,
): { entries: ImportEntry[]; problems: RowProblem[] } {
  const problems: RowProblem[] = []
  const books = new Map<string, Book>()
  text
    .replace(/\r\n?/g, '\n')
    .split(SEPARATOR)
    .forEach((block, i) => {
      const n = i + 1
      const lines = block
        .replace(/^\uFEFF/, '')
        .replace(/^\n+/, '')
        .split('\n')
      if (lines.every((l) => !l.trim())) return
      const source = `${name} › clipping ${n}`
      const header = parseClippingHeader(lines[1] ?? '')
      const titleLine = lines[0]!.replace(/^\uFEFF/, '').trim()
      if (!header || !titleLine) {
        problems.push({ source, reason: 'is not a Kindle clipping (no title and metadata line)' })
        return
      }
      const body = lines.slice(2).join('\n').trim()
      if (header.kind !== 'bookmark' && !body) {
        problems.push({ source, reason: `is an empty ${header.kind}` })
        return
      }
      if (LIMIT.test(body) && body.length < 200) {
        problems.push({ source, reason: 'has no text: the book’s clipping limit was reached' })
        return
      }
      const { title, authors } = titleAndAuthors(titleLine)
      const key = `${titleKey(title)}|${authors.join(';').toLowerCase()}`
      let book = books.get(key)
      if (!book) books.set(key, (book = { title, authors, clips: [] }))
      book.clips.push({ ...header, n, text: body })
    })
  return { entries: [...books.values()].map((b) => bookEntry(name, b)), problems }
}

/** "Sapiens (Harari, Yuval Noah)" -> the title and its authors (the last bracket's). */
export function titleAndAuthors(line: string): { title: string; authors: string[] } {
  const m = /^(.*\S)\s*\(([^()]+)\)$/.exec(line)
  if (!m) return { title: line, authors: [] }
  return { title: m[1]!, authors: splitAuthors(m[2]) }
}

function locationOf(c: ClippingHeader): Location | undefined {
  if (c.start !== undefined) {
    const loc: Location = { type: 'location', value: c.start }
    if (c.end !== undefined && c.end !== c.start) loc.end = c.end
    return loc
  }
  if (c.page === undefined) return undefined
  return /^\d+$/.test(c.page)
    ? { type: 'page', value: Number(c.page) }
    : { type: 'page', label: c.page.slice(0, 500) }
}

/** [start, end] in locations (or the page), for overlap tests. */
function span(c: ClippingHeader): [number, number] | undefined {
  if (c.start !== undefined) return [c.start, c.end ?? c.start]
  const p = c.page && /^\d+$/.test(c.page) ? Number(c.page) : undefined
  return p === undefined ? undefined : [p, p]
}

function overlaps(a: ClippingHeader, b: ClippingHeader): boolean {
  const x = span(a)
  const y = span(b)
  return !!x && !!y && x[0] <= y[1] && y[0] <= x[1]
}

function bookEntry(name: string, b: Book): ImportEntry {
  // Highlights in file order; one overlapping a kept one replaces it (the Kindle appends a
  // new clipping when a highlight is extended or shortened, and never removes the old one).
  const kept: Clipping[] = []
  let folded = 0
  for (const c of b.clips.filter((c) => c.kind === 'highlight')) {
    const at = kept.findIndex((k) => overlaps(k, c))
    if (at >= 0) {
      kept[at] = c
      folded++
    } else kept.push(c)
  }
  const notes = new Map<Clipping, string[]>()
  const bookmarks: ImportedBookmark[] = []
  const bookId = digest([titleKey(b.title), b.authors.join(';').toLowerCase()])
  for (const c of b.clips) {
    const loc = locationOf(c)
    if (c.kind === 'note') {
      // A note is placed at its highlight's last location (or inside it, on some firmware).
      const owner =
        kept.find((k) => c.start !== undefined && (k.end ?? k.start) === c.start) ??
        kept.find((k) => overlaps(k, c))
      if (owner) notes.set(owner, [...(notes.get(owner) ?? []), c.text])
      else if (loc)
        bookmarks.push({
          location: loc,
          note: c.text,
          ...(c.addedAt ? { createdAt: c.addedAt } : {}),
          key: `kindle:${bookId}:note:${digest([loc, c.text])}`,
        })
      continue
    }
    if (c.kind === 'bookmark' && loc)
      bookmarks.push({
        location: loc,
        ...(c.addedAt ? { createdAt: c.addedAt } : {}),
        key: `kindle:${bookId}:mark:${digest([loc])}`,
      })
  }
  const highlights: ImportedHighlight[] = kept.map((c) => {
    const loc = locationOf(c)
    const note = notes.get(c)?.join('\n\n')
    return {
      quote: c.text,
      ...(note ? { note } : {}),
      ...(c.addedAt ? { createdAt: c.addedAt } : {}),
      ...(loc ? { location: loc } : {}),
      // By where it starts: an edited highlight found again in a later file is updated.
      key: `kindle:${bookId}:${digest([c.start ?? null, c.page ?? null, c.start === undefined && c.page === undefined ? c.text : ''])}`,
    }
  })
  const unplaced = b.clips.filter((c) => c.kind !== 'highlight' && !locationOf(c)).length
  const detail = [
    folded ? `${folded} edited highlight${folded === 1 ? '' : 's'} folded into the latest` : '',
    notes.size ? `${[...notes.values()].flat().length} notes on their highlights` : '',
    unplaced ? `${unplaced} notes or bookmarks without a place left out` : '',
  ]
    .filter(Boolean)
    .join('; ')
  return {
    source: `${name} › ${b.title}`,
    title: b.title,
    tags: [],
    highlights,
    bookmarks,
    book: { title: b.title, authors: b.authors, source: 'Kindle' },
    ...(detail ? { detail } : {}),
  }
}
