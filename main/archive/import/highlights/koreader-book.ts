// What KOReader's three outputs (the metadata.*.lua sidecar, the JSON and Markdown exports)
// share once read: a book and its clippings, turned into one import entry.
import type { Location } from '../../../../shared/book.ts'
import type { ImportEntry, ImportedBookmark, ImportedHighlight } from '../extracted.ts'
import { highlightColor } from '../services/values.ts'
import { digest, squash, titleKey } from './identity.ts'

export interface KoreaderClip {
  text: string
  note?: string
  page?: number | string
  chapter?: string
  createdAt?: string
  color?: string
}

export interface KoreaderBook {
  title: string
  authors: string[]
  isbn?: string
  language?: string
  clips: KoreaderClip[]
}

function locationOf(c: KoreaderClip): Location | undefined {
  const chapter = c.chapter?.trim().slice(0, 1000)
  const page = typeof c.page === 'number' ? c.page : c.page?.trim()
  if (page === undefined || page === '')
    return chapter ? { type: 'chapter', label: chapter } : undefined
  const loc: Location =
    typeof page === 'number' || /^\d+$/.test(page)
      ? { type: 'page', value: Number(page) }
      : { type: 'page', label: page.slice(0, 500) }
  if (chapter) loc.chapter = chapter
  return loc
}

/**
 * One entry for the book. A clipping with text is a highlight, keyed by its page and words
 * (KOReader's edits change the note, which then updates in place; the same highlight read
 * from the sidecar and from an export is one); one without text is a bookmark.
 */
export function koreaderEntry(source: string, b: KoreaderBook, app = 'KOReader'): ImportEntry {
  const bookId = digest([titleKey(b.title), b.authors.join(';').toLowerCase()])
  const highlights: ImportedHighlight[] = []
  const bookmarks: ImportedBookmark[] = []
  for (const c of b.clips) {
    const location = locationOf(c)
    const note = c.note?.trim()
    const text = c.text.trim()
    if (!text) {
      if (location)
        bookmarks.push({
          location,
          ...(note ? { note } : {}),
          ...(c.createdAt ? { createdAt: c.createdAt } : {}),
          key: `koreader:${bookId}:mark:${digest([location])}`,
        })
      continue
    }
    const colorName = c.color?.trim().toLowerCase()
    const color = highlightColor(colorName)
    highlights.push({
      quote: text,
      ...(note ? { note } : {}),
      ...(c.createdAt ? { createdAt: c.createdAt } : {}),
      ...(location ? { location } : {}),
      ...(color ? { color } : {}),
      ...(colorName && colorName !== color ? { sourceColor: colorName.slice(0, 50) } : {}),
      key: `koreader:${bookId}:${digest([location?.value ?? location?.label ?? null, squash(text)])}`,
    })
  }
  return {
    source,
    title: b.title,
    tags: [],
    highlights,
    bookmarks,
    book: {
      title: b.title,
      authors: b.authors,
      ...(b.isbn ? { isbn: b.isbn } : {}),
      ...(b.language ? { language: b.language } : {}),
      source: app,
    },
  }
}
