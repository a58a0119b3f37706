// EPUB 3 of selected articles for e-readers: one XHTML chapter per article (highlights
// marked, notes after the text), archive images included, a nav table of contents.
import { createHash } from 'node:crypto'
import { strToU8, zipSync, type Zippable } from 'fflate'
import type { ExportItem } from './export-item.ts'
import { highlightsInOrder, isoDay } from './export-item.ts'
import { markHighlights } from './html-marks.ts'
import { escapeXml, toXhtml } from './xhtml.ts'

export interface EpubOptions {
  title?: string
  /** Bytes of an archive asset (`assets/<name>`); null when it is missing. */
  readAsset?: (name: string) => Promise<Uint8Array | null>
  /** The book's modification time (EPUB requires one); tests pass a fixed one. */
  modified?: Date
}

const MEDIA: Record<string, string> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
}
const ASSET = /^assets\/([0-9A-Za-z][0-9A-Za-z_-]*\.([0-9A-Za-z]{1,10}))$/

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

/** The .epub bytes. Throws an Error when `items` is empty. */
export async function exportEpub(items: ExportItem[], opts: EpubOptions = {}): Promise<Uint8Array> {
  if (!items.length) throw new Error('An EPUB needs at least one article.')
  const modified = (opts.modified ?? new Date()).toISOString().replace(/\.\d{3}Z$/, 'Z')
  const title = opts.title ?? (items.length === 1 ? items[0]!.article.title : 'Quire articles')
  const lang = items[0]!.article.language || 'en'
  const images = new Map<string, { path: string; media: string; bytes: Uint8Array }>()
  const chapters: { id: string; file: string; title: string; xhtml: string }[] = []

  for (const item of items) {
    const names = new Map<string, string | null>()
    for (const m of item.body.matchAll(/\ssrc="(assets\/[^"]+)"/g)) {
      const src = m[1]!
      if (names.has(src)) continue
      const asset = ASSET.exec(src)
      const media = asset ? MEDIA[asset[2]!.toLowerCase()] : undefined
      const bytes = asset && media && opts.readAsset ? await opts.readAsset(asset[1]!) : null
      if (!asset || !media || !bytes) {
        names.set(src, null)
        continue
      }
      const path = `images/${asset[1]}`
      images.set(path, { path, media, bytes })
      names.set(src, path)
    }
    const file = `a-${item.article.id}.xhtml`
    chapters.push({
      id: `a-${item.article.id}`,
      file,
      title: item.article.title,
      xhtml: chapter(item, (src) => names.get(src) ?? null, lang),
    })
  }

  const identifier = `urn:uuid:${uuidFrom(items.map((i) => i.article.id).join(','))}`
  const files: Zippable = {
    // First and stored: readers find the type at a fixed offset.
    mimetype: [strToU8('application/epub+zip'), { level: 0 }],
    'META-INF/container.xml': strToU8(CONTAINER),
    'OEBPS/content.opf': strToU8(
      opf({ identifier, title, lang, modified, items, chapters, images }),
    ),
    'OEBPS/nav.xhtml': strToU8(nav(title, lang, chapters)),
    'OEBPS/style.css': strToU8(CSS),
  }
  for (const c of chapters) files[`OEBPS/${c.file}`] = strToU8(c.xhtml)
  for (const img of images.values()) files[`OEBPS/${img.path}`] = [img.bytes, { level: 0 }]
  return zipSync(files, { mtime: zipTime(opts.modified ?? new Date()) })
}

function opf(b: {
  identifier: string
  title: string
  lang: string
  modified: string
  items: ExportItem[]
  chapters: { id: string; file: string }[]
  images: Map<string, { path: string; media: string }>
}): string {
  const creators = [...new Set(b.items.flatMap((i) => i.article.authors))]
  const manifest = [
    '<item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>',
    '<item id="css" href="style.css" media-type="text/css"/>',
    ...b.chapters.map(
      (c) => `<item id="${c.id}" href="${c.file}" media-type="application/xhtml+xml"/>`,
    ),
    ...[...b.images.values()].map(
      (img, i) =>
        `<item id="img${i + 1}" href="${escapeXml(img.path)}" media-type="${img.media}"/>`,
    ),
  ]
  const spine = ['<itemref idref="nav"/>', ...b.chapters.map((c) => `<itemref idref="${c.id}"/>`)]
  return `<?xml version="1.0" encoding="UTF-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="uid" xml:lang="${escapeXml(b.lang)}">
  <metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
    <dc:identifier id="uid">${b.identifier}</dc:identifier>
    <dc:title>${escapeXml(b.title)}</dc:title>
    <dc:language>${escapeXml(b.lang)}</dc:language>
${creators.map((c) => `    <dc:creator>${escapeXml(c)}</dc:creator>`).join('\n')}
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
`
}

function nav(title: string, lang: string, chapters: { file: string; title: string }[]): string {
  const list = chapters
    .map((c) => `      <li><a href="${c.file}">${escapeXml(c.title)}</a></li>`)
    .join('\n')
  return xhtmlPage(
    title,
    lang,
    `<nav epub:type="toc" id="toc"><h1>${escapeXml(title)}</h1>\n    <ol>\n${list}\n    </ol></nav>`,
  )
}

function chapter(item: ExportItem, resolve: (src: string) => string | null, lang: string): string {
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
  const body = toXhtml(markHighlights(item.body, ranges) ?? item.body, resolve)
  const meta = [a.authors.join(', '), a.source ?? '', isoDay(a.publishedAt)].filter(Boolean)
  const notes = highlights.map((h) => {
    const ann = h.annotation
    const note = ann.note.trim()
      ? `<div class="note">${ann.note
          .trim()
          .split(/\n{2,}/)
          .map((p) => `<p>${escapeXml(p).replace(/\n/g, '<br/>')}</p>`)
          .join('')}</div>`
      : ''
    return `<li id="n-${ann.id}"><blockquote><p><mark class="q-${ann.color}">${escapeXml(ann.target.quote.exact)}</mark></p></blockquote>${note}</li>`
  })
  const parts = [
    `<h1>${escapeXml(a.title)}</h1>`,
    meta.length ? `<p class="meta">${escapeXml(meta.join(' · '))}</p>` : '',
    a.note.trim()
      ? `<div class="note"><p>${escapeXml(a.note.trim()).replace(/\n/g, '<br/>')}</p></div>`
      : '',
    `<section>${body}</section>`,
    notes.length
      ? `<section><h2>Highlights and notes</h2><ol>${notes.join('')}</ol></section>`
      : '',
  ]
  return xhtmlPage(a.title, a.language || lang, parts.filter(Boolean).join('\n'))
}

function xhtmlPage(title: string, lang: string, body: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" xml:lang="${escapeXml(lang)}" lang="${escapeXml(lang)}">
<head><meta charset="UTF-8"/><title>${escapeXml(title)}</title><link rel="stylesheet" type="text/css" href="style.css"/></head>
<body dir="auto">
${body}
</body>
</html>
`
}

/** A stable UUID-shaped identifier for the same selection of articles. */
function uuidFrom(seed: string): string {
  const h = createHash('sha256').update(seed).digest('hex')
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`
}

/** Zip timestamps (DOS dates) only hold 1980–2099; fflate throws outside them. */
function zipTime(d: Date): Date {
  const t = Math.min(Math.max(d.getTime(), Date.UTC(1980, 0, 2)), Date.UTC(2099, 11, 30))
  return new Date(t)
}
