// KOReader's highlight exports (Export highlights → JSON or Markdown): one book or many per
// file, each with its title, author and clippings (page, chapter, time, text, note).
import type { ImportEntry } from '../extracted.ts'
import { ImportFailure } from '../extracted.ts'
import { decodeExport } from '../services/decode.ts'
import { MAX_JSON_BYTES } from '../services/limits.ts'
import { defineService, type RowProblem } from '../services/result.ts'
import { headText } from '../services/sniff-text.ts'
import { isRecord, isoDate, text, unixTime } from '../services/values.ts'
import { splitAuthors } from './authors.ts'
import { kindleDate } from './kindle-header.ts'
import { koreaderEntry, type KoreaderClip } from './koreader-book.ts'

export const koreaderJsonImporter = defineService({
  id: 'koreader-json',
  label: 'KOReader highlights (.json)',
  maxBytes: MAX_JSON_BYTES,
  matches: (s) =>
    s.ext === '.json' &&
    /"entries"\s*:/.test(headText(s)) &&
    /"(number_of_pages|exported|file)"\s*:/.test(headText(s)),
  parse: (bytes, name) => {
    let root: unknown
    try {
      root = JSON.parse(decodeExport(bytes, MAX_JSON_BYTES, 'a KOReader export'))
    } catch (err) {
      if (err instanceof ImportFailure) throw err
      throw new ImportFailure(
        'INVALID_INPUT',
        `this KOReader export is not valid JSON: ${(err as Error).message}`,
      )
    }
    const docs = Array.isArray(root)
      ? root
      : isRecord(root) && Array.isArray(root.documents)
        ? root.documents
        : [root]
    const entries: ImportEntry[] = []
    const problems: RowProblem[] = []
    docs.forEach((d, i) => {
      const source = `${name} › book ${i + 1}`
      if (!isRecord(d) || !Array.isArray(d.entries)) {
        problems.push({ source, reason: 'is not a KOReader book (no entries)' })
        return
      }
      const title = text(d.title) ?? `${name} book ${i + 1}`
      const clips = d.entries.flatMap((e, k): KoreaderClip[] => {
        if (!isRecord(e) || (!text(e.text) && !text(e.note))) {
          problems.push({ source: `${source} › entry ${k + 1}`, reason: 'has no text or note' })
          return []
        }
        const createdAt = unixTime(e.time) ?? isoDate(e.datetime)
        const page = typeof e.page === 'number' ? e.page : text(e.page)
        return [
          {
            text: text(e.text) ?? '',
            ...(text(e.note) ? { note: text(e.note)! } : {}),
            ...(page !== undefined ? { page } : {}),
            ...(text(e.chapter) ? { chapter: text(e.chapter)! } : {}),
            ...(createdAt ? { createdAt } : {}),
            ...(text(e.color) ? { color: text(e.color)! } : {}),
          },
        ]
      })
      const authors = splitAuthors(text(d.author)?.replace(/\n/g, '; '))
      entries.push(koreaderEntry(`${name} › ${title}`, { title, authors, clips }))
    })
    return { entries, problems }
  },
})

/** Markup KOReader wraps a highlight in, by its drawer style (bold, italic, ==, ~~, <u>). */
function unstyled(s: string): string {
  return s
    .replace(/^<u>([\s\S]*)<\/u>$/, '$1')
    .replace(/^(\*\*|\*|==|~~|_)([\s\S]*)\1$/, '$2')
    .trim()
}

const PAGE_LINE = /^###\s+(?:Page|Seite|Página|Page)\s+(\S+)\s*(?:@\s*(.+))?$/i

export const koreaderMarkdownImporter = defineService({
  id: 'koreader-md',
  label: 'KOReader highlights (.md)',
  maxBytes: MAX_JSON_BYTES,
  matches: (s) => {
    if (s.ext !== '.md') return false
    const head = headText(s)
    return /^# .+\n#####\s/m.test(head) && /^### Page \S+ @ /m.test(head)
  },
  parse: (bytes, name) => {
    const lines = decodeExport(bytes, MAX_JSON_BYTES, 'a KOReader export')
      .replace(/\r\n?/g, '\n')
      .split('\n')
    const entries: ImportEntry[] = []
    let book: { title: string; authors: string[]; clips: KoreaderClip[] } | undefined
    let chapter: string | undefined
    let clip: (KoreaderClip & { body: string[]; noteLines?: string[] }) | undefined
    const endClip = () => {
      if (clip && book) {
        const textOf = unstyled(clip.body.join('\n').trim())
        const note = clip.noteLines?.join('\n').trim()
        const { body: _b, noteLines: _n, ...rest } = clip
        book.clips.push({ ...rest, text: textOf, ...(note ? { note } : {}) })
      }
      clip = undefined
    }
    const endBook = () => {
      endClip()
      if (book) entries.push(koreaderEntry(`${name} › ${book.title}`, book))
      book = undefined
      chapter = undefined
    }
    for (const line of lines) {
      if (/^# /.test(line)) {
        endBook()
        book = { title: line.slice(2).trim() || name, authors: [], clips: [] }
      } else if (/^#####\s/.test(line) && book && !clip) {
        book.authors = splitAuthors(line.replace(/^#####\s*/, '').replace(/,\s*/g, '; '))
      } else if (/^## /.test(line)) {
        endClip()
        chapter = line.slice(3).trim()
      } else if (PAGE_LINE.test(line) && book) {
        endClip()
        const m = PAGE_LINE.exec(line)!
        const createdAt = m[2] ? (kindleDate(m[2]) ?? isoDate(m[2])) : undefined
        clip = {
          text: '',
          body: [],
          page: m[1]!,
          ...(chapter ? { chapter } : {}),
          ...(createdAt ? { createdAt } : {}),
        }
      } else if (clip) {
        if (clip.noteLines) clip.noteLines.push(line)
        else if (/^---\s*$/.test(line) && clip.body.some((l) => l.trim())) clip.noteLines = []
        else clip.body.push(line)
      }
    }
    endBook()
    if (!entries.length)
      throw new ImportFailure('INVALID_INPUT', 'this KOReader export names no book')
    return { entries, problems: [] }
  },
})
