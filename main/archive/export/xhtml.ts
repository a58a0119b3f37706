// Well-formed XHTML from Quire's sanitised body HTML, for EPUB: an allow-list of elements
// and attributes, every text and value escaped, void elements closed, images remapped.
import {
  isElement,
  parseDocument,
  TEXT_NODE,
  type DomElement,
  type DomNode,
} from '../import/html/dom.ts'

const TAGS = new Set(
  (
    'p h1 h2 h3 h4 h5 h6 ul ol li blockquote pre code em strong b i u s sub sup a img figure ' +
    'figcaption br hr table thead tbody tfoot tr th td caption dl dt dd q cite abbr small span ' +
    'div section article time mark'
  ).split(' '),
)
const VOID = new Set(['img', 'br', 'hr'])
const NUMBER_ATTRS = new Set(['colspan', 'rowspan', 'start', 'width', 'height'])

/** What to do with an image: its path inside the book, or null to leave it out. */
export type ImageResolver = (src: string) => string | null

/** XML 1.0 refuses control characters and lone surrogates even as references. */
export function escapeXml(s: string): string {
  return s
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
    .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
}

export function toXhtml(html: string, resolveImage: ImageResolver): string {
  const doc = parseDocument(`<!doctype html><html><body>${html}</body></html>`)
  const body = doc.querySelector('body')
  if (!body) return ''
  const out: string[] = []
  const write = (node: DomNode): void => {
    if (node.nodeType === TEXT_NODE) {
      out.push(escapeXml(node.textContent ?? ''))
      return
    }
    if (!isElement(node)) return
    const tag = node.localName.toLowerCase()
    if (!TAGS.has(tag)) {
      for (let c = node.firstChild; c; c = c.nextSibling) write(c)
      return
    }
    const attrs = attributes(node, tag, resolveImage)
    if (attrs === null) {
      const alt = node.getAttribute('alt')
      if (alt) out.push(`<span class="img-alt">${escapeXml(alt)}</span>`)
      return
    }
    if (VOID.has(tag)) {
      out.push(`<${tag}${attrs}/>`)
      return
    }
    out.push(`<${tag}${attrs}>`)
    for (let c = node.firstChild; c; c = c.nextSibling) write(c)
    out.push(`</${tag}>`)
  }
  for (let c = body.firstChild; c; c = c.nextSibling) write(c)
  return out.join('')
}

/** The attributes kept, as text; null when the element must go (an image we cannot ship). */
function attributes(el: DomElement, tag: string, resolveImage: ImageResolver): string | null {
  let s = ''
  const cls = el.getAttribute('class')
  if (cls && /^[\w -]{1,100}$/.test(cls)) s += ` class="${escapeXml(cls)}"`
  for (const name of NUMBER_ATTRS) {
    const v = el.getAttribute(name)?.trim()
    if (v && /^\d{1,5}$/.test(v)) s += ` ${name}="${v}"`
  }
  for (const name of ['title', 'datetime', 'id']) {
    const v = el.getAttribute(name)
    if (v && (name !== 'id' || /^[A-Za-z][\w-]{0,100}$/.test(v))) s += ` ${name}="${escapeXml(v)}"`
  }
  if (tag === 'a') {
    const href = el.getAttribute('href') ?? ''
    if (/^(https?:|mailto:)/i.test(href) || /^#[A-Za-z][\w-]*$/.test(href)) {
      s += ` href="${escapeXml(href)}"`
    }
  }
  if (tag === 'img') {
    const src = resolveImage(el.getAttribute('src') ?? '')
    if (!src) return null
    s += ` src="${escapeXml(src)}" alt="${escapeXml(el.getAttribute('alt') ?? '')}"`
  }
  return s
}
