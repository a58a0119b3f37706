// KOReader's `metadata.<ext>.lua` sidecar (in `<book>.sdr/`): the book's properties and its
// annotations (KOReader 2024+) or its older `highlight` and `bookmarks` tables.
import { ImportFailure } from '../extracted.ts'
import { decodeExport } from '../services/decode.ts'
import { defineService } from '../services/result.ts'
import { isoDate, text } from '../services/values.ts'
import { splitAuthors } from './authors.ts'
import { cleanIsbn } from './identity.ts'
import { koreaderEntry, type KoreaderClip } from './koreader-book.ts'
import { isTable, listOf, readLuaReturn, type LuaTable, type LuaValue } from './lua-table.ts'

const MAX_LUA_BYTES = 32 * 1024 * 1024

export const koreaderLuaImporter = defineService({
  id: 'koreader-lua',
  label: 'KOReader book data (metadata.*.lua)',
  maxBytes: MAX_LUA_BYTES,
  matches: (s) => s.ext === '.lua' && /(^|[\\/])metadata\.[\w-]+\.lua$/i.test(s.name),
  parse: (bytes, name) => {
    let root: LuaValue
    try {
      root = readLuaReturn(decodeExport(bytes, MAX_LUA_BYTES, 'a KOReader sidecar'))
    } catch (err) {
      if (err instanceof ImportFailure) throw err
      throw new ImportFailure(
        'INVALID_INPUT',
        `this KOReader file cannot be read: ${(err as Error).message}`,
      )
    }
    if (!isTable(root))
      throw new ImportFailure('INVALID_INPUT', 'this KOReader file holds no table')
    const props = isTable(root.doc_props) ? root.doc_props : {}
    const title = str(props.title) ?? bookName(name)
    const clips = isTable(root.annotations)
      ? listOf(root.annotations).map(annotation)
      : legacy(root)
    const isbn = /isbn:?\s*([\dxX-]{10,17})/i.exec(str(props.identifiers) ?? '')?.[1]
    const entry = koreaderEntry(`${name} › ${title}`, {
      title,
      authors: splitAuthors(str(props.authors)?.replace(/\n/g, '; ')),
      ...(cleanIsbn(isbn) ? { isbn: cleanIsbn(isbn)! } : {}),
      ...(str(props.language) ? { language: str(props.language)! } : {}),
      clips: clips.filter((c): c is KoreaderClip => c !== undefined),
    })
    return { entries: [entry], problems: [] }
  },
})

function str(v: LuaValue | undefined): string | undefined {
  return typeof v === 'string' || typeof v === 'number' ? text(v) : undefined
}

/** "…/Salt Road.sdr/metadata.epub.lua" -> "Salt Road", for a book without a title. */
function bookName(name: string): string {
  return /([^\\/]+)\.sdr[\\/][^\\/]+$/.exec(name)?.[1] ?? name
}

function annotation(v: LuaValue): KoreaderClip | undefined {
  if (!isTable(v)) return undefined
  // `pageno` is the page number; `page` is an xpointer in reflowable books, a number in PDFs.
  const page =
    typeof v.pageno === 'number' ? v.pageno : typeof v.page === 'number' ? v.page : undefined
  const createdAt = isoDate(str(v.datetime))
  return clip(v, page, createdAt)
}

function clip(v: LuaTable, page: number | undefined, createdAt: string | undefined): KoreaderClip {
  const note = str(v.note) ?? str(v.notes)
  return {
    text: str(v.text) ?? '',
    ...(note && note !== str(v.text) ? { note } : {}),
    ...(page !== undefined ? { page } : {}),
    ...(str(v.chapter) ? { chapter: str(v.chapter)! } : {}),
    ...(createdAt ? { createdAt } : {}),
    ...(str(v.color) ? { color: str(v.color)! } : {}),
  }
}

/** Before 2024: `highlight[page][n]` holds the highlights, `bookmarks` the notes and marks. */
function legacy(root: LuaTable): KoreaderClip[] {
  const out: KoreaderClip[] = []
  const byText = new Map<string, KoreaderClip>()
  if (isTable(root.highlight)) {
    for (const [page, list] of Object.entries(root.highlight)) {
      for (const h of listOf(list)) {
        if (!isTable(h)) continue
        const c = clip(h, Number(page) || undefined, isoDate(str(h.datetime)))
        out.push(c)
        byText.set(`${c.text}\n${str(h.datetime) ?? ''}`, c)
      }
    }
  }
  for (const b of listOf(root.bookmarks)) {
    if (!isTable(b)) continue
    const textOf = str(b.text) ?? ''
    const notes = str(b.notes)
    const page = typeof b.page === 'number' ? b.page : undefined
    const twin = byText.get(`${notes ?? ''}\n${str(b.datetime) ?? ''}`)
    // A highlight's bookmark repeats its text in `notes`; a typed note is in `text`.
    if (b.highlighted === true && twin) {
      if (textOf && textOf !== twin.text && !/^Page \d+ /.test(textOf)) twin.note = textOf
      continue
    }
    if (b.highlighted !== true) {
      const createdAt = isoDate(str(b.datetime))
      out.push({
        text: '',
        ...(page !== undefined ? { page } : {}),
        ...(createdAt ? { createdAt } : {}),
      })
    }
  }
  return out
}
