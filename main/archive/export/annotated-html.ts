// Annotated HTML: one self-contained page per article (or a bundle with a table of
// contents), highlights as coloured <mark>s in the text and each note listed after it.
// The body is Quire's sanitised HTML; everything added here is escaped.
import { escapeHtml } from '../../../shared/html-text.ts'
import { webAddress } from './citation-fields.ts'
import { creatorsOf } from './creators.ts'
import type { ExportItem } from './export-item.ts'
import { highlightsInOrder, isoDay, quireLink } from './export-item.ts'
import { markHighlights } from './html-marks.ts'
import { ANNOTATED_CSS } from './annotated-html-css.ts'
import { renderNoteHtml } from './note-markdown.ts'

export interface HtmlExportOptions {
  /** Bytes of an archive asset (`assets/<name>`), inlined as a data: URI; null drops it. */
  readAsset?: (name: string) => Promise<Uint8Array | null>
  title?: string
}

export async function annotatedHtml(
  item: ExportItem,
  opts: HtmlExportOptions = {},
): Promise<string> {
  return page(item.article.title, item.article.language, await articleSection(item, opts))
}

/** Several articles in one page, with a table of contents linking to each. */
export async function annotatedHtmlBundle(
  items: ExportItem[],
  opts: HtmlExportOptions = {},
): Promise<string> {
  const toc = items
    .map((i) => {
      const n = i.article.annotations.length
      const count = n ? ` <span class="count">(${n} highlight${n === 1 ? '' : 's'})</span>` : ''
      return `<li><a href="#a-${i.article.id}">${escapeHtml(i.article.title)}</a>${count}</li>`
    })
    .join('\n')
  const title = opts.title ?? 'Quire export'
  const sections = []
  for (const item of items) sections.push(await articleSection(item, opts))
  const nav = `<nav class="toc"><h1>${escapeHtml(title)}</h1>\n<ol>\n${toc}\n</ol></nav>`
  return page(title, undefined, `${nav}\n${sections.join('\n')}`)
}

function page(title: string, lang: string | undefined, content: string): string {
  const { head, tail } = annotatedHtmlPage(title, lang)
  return `${head}${content}\n${tail}`
}

/** The document around the content, split where the content goes (the writer streams it). */
export function annotatedHtmlPage(title: string, lang: string | undefined) {
  const head = `<!doctype html>
<html lang="${escapeHtml(lang ?? 'und')}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Quire">
<title>${escapeHtml(title)}</title>
<style>${ANNOTATED_CSS}</style>
</head>
<body>
`
  return { head, tail: '</body>\n</html>\n' }
}

/** One article: its header, its note, its body with marks, then its highlights. */
export async function articleSection(item: ExportItem, opts: HtmlExportOptions): Promise<string> {
  const a = item.article
  const highlights = highlightsInOrder(item)
  const ranges = highlights
    .filter((h) => !h.orphaned)
    .map((h, i) => ({
      id: h.annotation.id,
      start: h.start,
      end: h.end,
      className: `q-${h.annotation.color}`,
      after: `<sup class="q-ref"><a href="#n-${h.annotation.id}">${i + 1}</a></sup>`,
    }))
  const marked = markHighlights(item.body, ranges) ?? item.body
  const body = await inlineAssets(marked, opts.readAsset)
  const { people, organizations } = creatorsOf(a)
  const names = [...people, ...organizations]
  const url = webAddress(a)
  const meta = [
    names.length ? `By ${escapeHtml(names.join(', '))}` : '',
    escapeHtml(a.source ?? ''),
    escapeHtml(isoDay(a.publishedAt)),
    url ? `<a href="${escapeHtml(url)}">${escapeHtml(url)}</a>` : '',
  ].filter(Boolean)
  const parts = [
    `<article class="quire-article" id="a-${a.id}" dir="auto">`,
    `<header><h1>${escapeHtml(a.title)}</h1>`,
    a.subtitle ? `<p class="subtitle">${escapeHtml(a.subtitle)}</p>` : '',
    `<p class="meta">${meta.join(' · ')}</p>`,
    a.tags.length
      ? `<p class="tags">${a.tags.map((t) => `<span class="tag">${escapeHtml(t)}</span>`).join(' ')}</p>`
      : '',
    `</header>`,
    a.note.trim()
      ? `<section class="article-note"><h2>Note</h2>${renderNoteHtml(a.note, 3)}</section>`
      : '',
    `<div class="body">${body}</div>`,
  ]
  if (highlights.length) {
    const list = highlights.map((h, i) => {
      const ann = h.annotation
      const tags = ann.tags.map((t) => `<span class="tag">${escapeHtml(t)}</span>`).join(' ')
      return [
        `<li id="n-${ann.id}" class="q-${ann.color}">`,
        `<blockquote dir="auto"><mark class="q-${ann.color}">${escapeHtml(ann.target.quote.exact)}</mark></blockquote>`,
        `<p class="h-meta">${h.orphaned ? 'Not found in the current text · ' : `${i + 1} · `}${ann.color}`,
        ` · <a href="${escapeHtml(quireLink(a.id, ann.id))}">Open in Quire</a></p>`,
        ann.note.trim() ? `<div class="note" dir="auto">${renderNoteHtml(ann.note, 3)}</div>` : '',
        tags ? `<p class="tags">${tags}</p>` : '',
        `</li>`,
      ].join('')
    })
    parts.push(
      `<section class="highlights"><h2>Highlights and notes</h2><ol>\n${list.join('\n')}\n</ol></section>`,
    )
  }
  parts.push('</article>')
  return parts.filter(Boolean).join('\n')
}

const ASSET_SRC = /(<img\b[^>]*?\ssrc=")assets\/([^"/\\]+)(")/gi
const MIME: Record<string, string> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  svg: 'image/svg+xml',
  avif: 'image/avif',
}

/** Archive images as data: URIs, so the file stands alone; missing ones lose their src. */
async function inlineAssets(
  html: string,
  readAsset: HtmlExportOptions['readAsset'],
): Promise<string> {
  const names = [...new Set([...html.matchAll(ASSET_SRC)].map((m) => m[2]!))]
  const uris = new Map<string, string>()
  for (const name of names) {
    const bytes = readAsset ? await readAsset(name) : null
    const mime = MIME[name.split('.').pop()!.toLowerCase()]
    // SVG could carry script into a data: URI page; only raster formats are inlined.
    if (bytes && mime && mime !== 'image/svg+xml') {
      uris.set(name, `data:${mime};base64,${Buffer.from(bytes).toString('base64')}`)
    }
  }
  return html.replace(
    ASSET_SRC,
    (_m, head: string, name: string, tail: string) => `${head}${uris.get(name) ?? ''}${tail}`,
  )
}
