// EPUB 3 of selected articles for e-readers, made to pass epubcheck: one XHTML chapter per
// article in its own language (highlights marked, the article note and every highlight's
// note after the text), archive images in the core media types, a nav table of contents.
// Streamed: each chapter is written to the zip as it is made, the package document last.
import { createHash } from 'node:crypto'
import type { Writable } from 'node:stream'
import { finished } from 'node:stream/promises'
import yazl from 'yazl'
import { imageTypeOf } from '../store/asset-store.ts'
import { loadLinkedom } from '../import/html/linkedom-runtime.ts'
import { creatorsOf } from './creators.ts'
import type { ExportItem } from './export-item.ts'
import { highlightsInOrder, isoDay } from './export-item.ts'
import { markHighlights } from './html-marks.ts'
import { renderNoteHtml } from './note-markdown.ts'
import { escapeXml, toXhtml } from './xhtml.ts'

export interface EpubOptions {
  title?: string
  /** Bytes of an archive asset (`assets/<name>`); null when it is missing. */
  readAsset?: (name: string) => Promise<Uint8Array | null>
  /** The book's modification time (EPUB requires one); tests pass a fixed one. */
  modified?: Date
  /** Called after each chapter. */
  onItem?: (done: number) => void
}

/** EPUB's core image types (what every reading system shows without a fallback). */
const CORE_IMAGES: Record<string, string> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  gif: 'image/gif',
}
const ASSET = /^assets\/([0-9A-Za-z][0-9A-Za-z_-]*\.[0-9A-Za-z]{1,10})$/

const CONTAINER = `<?xml version="1.0" encoding="UTF-8"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
  <rootfiles>
    <rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/>
  </rootfiles>
</container>
`

const CSS = `body { font-family: serif; line-height: 1.5; }
h1 { font-size: 1.5em; } .meta, .h-meta { color: #555; font-size: .9em; }
mark { background: #fff3a3; } mark.q-green { background: #c8f0c0; } mark.q-blue { background: #c4defc; }
mark.q-pink { background: #fbcfe2; } mark.q-purple { background: #e0d0fa; }
img { max-width: 100%; } .note { border-left: 3px solid #999; padding-left: .6em; }
`

interface Chapter {
  id: string
  file: string
  title: string
  lang: string
}

/** The .epub bytes, for a selection small enough to hold (tests, the app's download). */
export async function exportEpub(items: ExportItem[], opts: EpubOptions = {}): Promise<Uint8Array> {
  const chunks: Buffer[] = []
  const { PassThrough } = await import('node:stream')
  const sink = new PassThrough()
  sink.on('data', (c: Buffer) => chunks.push(c))
  await writeEpub(items, sink, opts)
  return new Uint8Array(Buffer.concat(chunks))
}

/**
 * Write the book to `out` (ended when done). Throws an Error when there is no article, and
 * what `out` throws when it cannot be written.
 */
export async function writeEpub(
  items: Iterable<ExportItem> | AsyncIterable<ExportItem>,
  out: Writable,
  opts: EpubOptions = {},
): Promise<number> {
  await loadLinkedom()
  const time = opts.modified ?? new Date()
  const modified = time.toISOString().replace(/\.\d{3}Z$/, 'Z')
  const zip = new yazl.ZipFile()
  const entry = { mtime: time, forceDosTimestamp: true }
  let failed: Error | null = null
  zip.outputStream.on('error', (e: Error) => (failed ??= e))
  zip.outputStream.pipe(out)
  // First and stored, no extra field: reading systems find the type at a fixed offset.
  zip.addBuffer(Buffer.from('application/epub+zip'), 'mimetype', { ...entry, compress: false })
  zip.addBuffer(Buffer.from(CONTAINER), 'META-INF/container.xml', entry)
  zip.addBuffer(Buffer.from(CSS), 'OEBPS/style.css', entry)

  const images = new Map<string, string>() // asset src -> OEBPS path, or '' when left out
  const manifestImages: { path: string; media: string }[] = []
  const chapters: Chapter[] = []
  const creators = new Set<string>()
  const ids = createHash('sha256')
  for await (const item of items) {
    for (const m of item.body.matchAll(/\ssrc="(assets\/[^"]+)"/g)) {
      const src = m[1]!
      if (images.has(src)) continue
      const asset = ASSET.exec(src)
      const bytes = asset && opts.readAsset ? await opts.readAsset(asset[1]!) : null
      const kind = bytes ? imageTypeOf(bytes) : undefined
      const media = kind ? CORE_IMAGES[kind] : undefined
      if (!asset || !bytes || !media) {
        images.set(src, '')
        continue
      }
      // Named by content: the extension always matches the type.
      const path = `images/${asset[1]!.replace(/\.[^.]+$/, '')}.${kind}`
      images.set(src, path)
      manifestImages.push({ path, media })
      zip.addBuffer(Buffer.from(bytes), `OEBPS/${path}`, { ...entry, compress: false })
    }
    const a = item.article
    const lang = languageTag(a.language)
    const chapter = { id: `a-${a.id}`, file: `a-${a.id}.xhtml`, title: a.title, lang }
    const xhtml = chapterXhtml(item, (src) => images.get(src) || null, lang)
    zip.addBuffer(Buffer.from(xhtml), `OEBPS/${chapter.file}`, entry)
    chapters.push(chapter)
    for (const c of [...creatorsOf(a).people, ...creatorsOf(a).organizations]) creators.add(c)
    ids.update(`${a.id},`)
    opts.onItem?.(chapters.length)
    if (failed) throw failed
  }
  if (!chapters.length) {
    zip.outputStream.unpipe(out)
    throw new Error('An EPUB needs at least one article.')
  }
  const title = opts.title ?? (chapters.length === 1 ? chapters[0]!.title : 'Quire articles')
  const lang = bookLanguage(chapters)
  zip.addBuffer(Buffer.from(nav(title, lang, chapters)), 'OEBPS/nav.xhtml', entry)
  const opfText = opf({
    identifier: `urn:uuid:${uuidFrom(ids.digest('hex'))}`,
    title,
    lang,
    modified,
    creators: [...creators],
    chapters,
    images: manifestImages,
  })
  zip.addBuffer(Buffer.from(opfText), 'OEBPS/content.opf', entry)
  zip.end()
  await finished(out)
  if (failed) throw failed
  return chapters.length
}

function opf(b: {
  identifier: string
  title: string
  lang: string
  modified: string
  creators: string[]
  chapters: Chapter[]
  images: { path: string; media: string }[]
}): string {
  const manifest = [
    '<item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>',
    '<item id="css" href="style.css" media-type="text/css"/>',
    ...b.chapters.map(
      (c) => `<item id="${c.id}" href="${c.file}" media-type="application/xhtml+xml"/>`,
    ),
    ...b.images.map(
      (img, i) =>
        `<item id="img${i + 1}" href="${escapeXml(img.path)}" media-type="${img.media}"/>`,
    ),
  ]
  const spine = ['<itemref idref="nav"/>', ...b.chapters.map((c) => `<itemref idref="${c.id}"/>`)]
  return `<?xml version="1.0" encoding="UTF-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="uid" xml:lang="${b.lang}">
  <metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
    <dc:identifier id="uid">${b.identifier}</dc:identifier>
    <dc:title>${escapeXml(b.title)}</dc:title>
    <dc:language>${b.lang}</dc:language>
${b.creators.map((c) => `    <dc:creator>${escapeXml(c)}</dc:creator>`).join('\n')}
    <dc:publisher>Quire</dc:publisher>
    <meta property="dcterms:modified">${b.modified}</meta>
  </metadata>
  <manifest>
    ${manifest.join('\n    ')}
  </manifest>
  <spine>
    ${spine.join('\n    ')}
  </spine>
</package>
`.replace(/\n\n/g, '\n')
}

function nav(title: string, lang: string, chapters: Chapter[]): string {
  const list = chapters
    .map((c) => `      <li><a href="${c.file}">${escapeXml(c.title.trim() || 'Untitled')}</a></li>`)
    .join('\n')
  return xhtmlPage(
    title,
    lang,
    `<nav epub:type="toc" id="toc"><h1>${escapeXml(title)}</h1>\n    <ol>\n${list}\n    </ol></nav>`,
  )
}

function chapterXhtml(item: ExportItem, resolve: (src: string) => string | null, lang: string) {
  const a = item.article
  const highlights = highlightsInOrder(item)
  const ranges = highlights
    .filter((h) => !h.orphaned)
    .map((h) => ({
      id: h.annotation.id,
      start: h.start,
      end: h.end,
      className: `q-${h.annotation.color}`,
      after: `<sup><a href="#n-${h.annotation.id}">*</a></sup>`,
    }))
  const noteIds = new Set(highlights.map((h) => `n-${h.annotation.id}`))
  const body = toXhtml(markHighlights(item.body, ranges) ?? item.body, resolve, noteIds)
  const { people, organizations } = creatorsOf(a)
  const meta = [[...people, ...organizations].join(', '), a.source ?? '', isoDay(a.publishedAt)]
  const shown = meta.filter(Boolean)
  const noteXhtml = (text: string) => toXhtml(renderNoteHtml(text, 3), () => null)
  const notes = highlights.map((h) => {
    const ann = h.annotation
    const note = ann.note.trim() ? `<div class="note">${noteXhtml(ann.note)}</div>` : ''
    const tags = ann.tags.length ? `<p class="h-meta">${escapeXml(ann.tags.join(', '))}</p>` : ''
    return `<li id="n-${ann.id}"><blockquote><p><mark class="q-${ann.color}">${escapeXml(ann.target.quote.exact)}</mark></p></blockquote>${note}${tags}</li>`
  })
  const parts = [
    `<h1>${escapeXml(a.title.trim() || 'Untitled')}</h1>`,
    shown.length ? `<p class="meta">${escapeXml(shown.join(' · '))}</p>` : '',
    a.note.trim() ? `<section class="note"><h2>Note</h2>${noteXhtml(a.note)}</section>` : '',
    `<section>${body}</section>`,
    notes.length
      ? `<section><h2>Highlights and notes</h2><ol>${notes.join('')}</ol></section>`
      : '',
  ]
  return xhtmlPage(a.title.trim() || 'Untitled', lang, parts.filter(Boolean).join('\n'))
}

function xhtmlPage(title: string, lang: string, body: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" xml:lang="${lang}" lang="${lang}">
<head><meta charset="UTF-8"/><title>${escapeXml(title)}</title><link rel="stylesheet" type="text/css" href="style.css"/></head>
<body dir="auto">
${body}
</body>
</html>
`
}

/** A well-formed BCP 47 tag for `language`, or `und` (undetermined) when it is not one. */
export function languageTag(language: string | undefined): string {
  const raw = language?.trim().replace(/_/g, '-')
  if (!raw) return 'und'
  try {
    const [tag] = Intl.getCanonicalLocales(raw)
    return tag && /^[A-Za-z0-9-]+$/.test(tag) ? tag : 'und'
  } catch {
    return 'und'
  }
}

/** The book's language: the one most of its chapters are in. */
function bookLanguage(chapters: Chapter[]): string {
  const count = new Map<string, number>()
  for (const c of chapters) if (c.lang !== 'und') count.set(c.lang, (count.get(c.lang) ?? 0) + 1)
  let best = 'und'
  let most = 0
  for (const [lang, n] of count) if (n > most) [best, most] = [lang, n]
  return best
}

/** A stable UUID-shaped identifier for the same selection of articles. */
function uuidFrom(seed: string): string {
  const h = createHash('sha256').update(seed).digest('hex')
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`
}
