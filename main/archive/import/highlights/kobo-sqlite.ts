// Kobo's KoboReader.sqlite (.kobo/ on the e-reader): its Bookmark table holds highlights,
// notes and dog-ears; its content table the books (ContentType 6) and their chapters. Read
// with node:sqlite from a private temporary copy, opened read-only, deleted afterwards.
import { randomBytes } from 'node:crypto'
import { rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DatabaseSync } from 'node:sqlite'
import type { Location } from '../../../../shared/book.ts'
import {
  ImportFailure,
  type ImportEntry,
  type ImportedBookmark,
  type ImportedHighlight,
} from '../extracted.ts'
import { MAX_ZIP_BYTES } from '../services/limits.ts'
import { defineService, type RowProblem } from '../services/result.ts'
import { isoDate, text } from '../services/values.ts'
import { splitAuthors } from './authors.ts'
import { cleanIsbn } from './identity.ts'

interface Row {
  BookmarkID: string
  VolumeID: string
  ContentID: string | null
  Text: string | null
  Annotation: string | null
  DateCreated: string | null
  Type: string | null
  ChapterProgress: number | null
  Hidden: string | number | null
  BookTitle: string | null
  Author: string | null
  ISBN: string | null
  Language: string | null
  Chapter: string | null
}

const QUERY = `
  SELECT b.BookmarkID, b.VolumeID, b.ContentID, b.Text, b.Annotation, b.DateCreated, b.Type,
         b.ChapterProgress, b.Hidden,
         book.Title AS BookTitle, book.Attribution AS Author, book.ISBN, book.Language,
         chapter.Title AS Chapter
  FROM Bookmark b
  LEFT JOIN content book ON book.ContentID = b.VolumeID AND book.ContentType = 6
  LEFT JOIN content chapter ON chapter.ContentID = b.ContentID
  ORDER BY b.VolumeID, b.DateCreated, b.BookmarkID`

export const koboSqliteImporter = defineService({
  id: 'kobo-sqlite',
  label: 'Kobo highlights (KoboReader.sqlite)',
  maxBytes: MAX_ZIP_BYTES,
  matches: (s) => s.head.startsWith('SQLite format 3\0') && /kobo/i.test(s.name),
  parse: (bytes, name) => {
    const path = join(
      tmpdir(),
      `quire-kobo-${process.pid}-${randomBytes(6).toString('hex')}.sqlite`,
    )
    writeFileSync(path, bytes, { mode: 0o600 })
    let rows: Row[]
    try {
      const db = new DatabaseSync(path, { readOnly: true })
      try {
        rows = db.prepare(QUERY).all() as unknown as Row[]
      } finally {
        db.close()
      }
    } catch (err) {
      throw new ImportFailure(
        'INVALID_INPUT',
        `this is not a Kobo database Quire can read: ${(err as Error).message}`,
      )
    } finally {
      rmSync(path, { force: true })
    }
    return booksOf(rows, name)
  },
})

function booksOf(rows: Row[], name: string): { entries: ImportEntry[]; problems: RowProblem[] } {
  const problems: RowProblem[] = []
  const books = new Map<
    string,
    ImportEntry & { highlights: ImportedHighlight[]; bookmarks: ImportedBookmark[] }
  >()
  for (const r of rows) {
    const source = `${name} › bookmark ${r.BookmarkID}`
    if (String(r.Hidden ?? 'false') === 'true' || r.Hidden === 1) {
      problems.push({ source, reason: 'is deleted on the Kobo (hidden)' })
      continue
    }
    const title = text(r.BookTitle) ?? bookTitleFromId(r.VolumeID)
    let book = books.get(r.VolumeID)
    if (!book) {
      const isbn = cleanIsbn(text(r.ISBN))
      book = {
        source: `${name} › ${title}`,
        title,
        tags: [],
        highlights: [],
        bookmarks: [],
        book: {
          title,
          authors: splitAuthors(text(r.Author)),
          ...(isbn ? { isbn } : {}),
          ...(text(r.Language) ? { language: text(r.Language)! } : {}),
          source: 'Kobo',
        },
      }
      books.set(r.VolumeID, book)
    }
    const location: Location = { type: 'chapter' }
    const chapter = text(r.Chapter)
    if (chapter) location.label = chapter.slice(0, 500)
    if (typeof r.ChapterProgress === 'number' && r.ChapterProgress >= 0) {
      // Kobo's progress is through the chapter: kept as a value, the chapter as the label.
      location.value = Math.round(r.ChapterProgress * 1000) / 10
    }
    const createdAt = isoDate(text(r.DateCreated))
    const note = text(r.Annotation)
    const quote = text(r.Text)
    const key = `kobo:${r.BookmarkID}`.slice(0, 300)
    if (quote) {
      book.highlights.push({
        quote,
        ...(note ? { note } : {}),
        ...(createdAt ? { createdAt } : {}),
        location,
        key,
      })
    } else if (note || r.Type === 'dogear') {
      book.bookmarks.push({
        location,
        ...(note ? { note } : {}),
        ...(createdAt ? { createdAt } : {}),
        key,
      })
    } else {
      problems.push({ source, reason: 'has no text, note or place' })
    }
  }
  return { entries: [...books.values()], problems }
}

/** A book the content table does not name: its file name from the volume id. */
function bookTitleFromId(volumeId: string): string {
  const file = volumeId.split(/[\\/]/).pop() ?? volumeId
  return file.replace(/\.(kepub\.)?epub$|\.pdf$/i, '').trim() || volumeId
}
