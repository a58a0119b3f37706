// Valid XHTML (what epubcheck accepts) from Quire's sanitised body HTML, for EPUB: an
// allow-list of elements and attributes, every text and value escaped, and the HTML content
// model enforced, because a saved page's markup often breaks it (a <div> inside a <p>, a <dl>
// with only <dd>, text straight in a <ul>, a link to a fragment that is gone).
import {
  isElement,
  parseDocument,
  TEXT_NODE,
  type DomElement,
  type DomNode,
} from '../import/html/dom.ts'
import { toUri } from './iri.ts'

/**
 * Elements that hold phrasing content only (text and inline elements). Not <time>: without a
 * machine-readable datetime its text must itself be a date, which a saved page's rarely is.
 */
const PHRASING = new Set(
  'em strong b i u s sub sup a code q cite abbr small span mark br img'.split(' '),
)
/** Flow elements kept as they are (their children checked in turn). */
const FLOW = new Set(
  'p h1 h2 h3 h4 h5 h6 ul ol li blockquote pre figure figcaption hr table div section article'.split(
    ' ',
  ),
)
/** Elements whose children must be phrasing: a block inside one is unwrapped or turned to a div. */
const PHRASING_ONLY = new Set('p h1 h2 h3 h4 h5 h6 pre'.split(' ').concat([...PHRASING]))
const VOID = new Set(['img', 'br', 'hr'])
const TABLE_PARTS = new Set(['thead', 'tbody', 'tfoot'])

/** What to do with an image: its path inside the book, or null to leave it out. */
export type ImageResolver = (src: string) => string | null

type Node = { tag: string; attrs: [string, string][]; children: Node[] } | string

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

/**
 * The XHTML of `html` as flow content for a chapter's body. `keepIds` are ids the chapter
 * itself adds (note anchors), which fragment links may point at besides the body's own.
 */
export function toXhtml(
  html: string,
  resolveImage: ImageResolver,
  keepIds = new Set<string>(),
): string {
  const doc = parseDocument(`<!doctype html><html><body>${html}</body></html>`)
  const body = doc.querySelector('body')
  if (!body) return ''
  const ids = new Set<string>()
  const tree = children(body, resolveImage, ids)
  const targets = new Set([...ids, ...keepIds])
  return serialize(flow(tree), targets)
}

function children(el: DomNode, resolveImage: ImageResolver, ids: Set<string>): Node[] {
  const out: Node[] = []
  for (let c = el.firstChild; c; c = c.nextSibling) out.push(...convert(c, resolveImage, ids))
  return out
}

/** One DOM node as kept nodes: unknown elements give their children, images may vanish. */
function convert(node: DomNode, resolveImage: ImageResolver, ids: Set<string>): Node[] {
  if (node.nodeType === TEXT_NODE) return node.textContent ? [node.textContent] : []
  if (!isElement(node)) return []
  let tag = node.localName.toLowerCase()
  if (tag === 'dl')
    tag = 'div' // dt/dd below become paragraphs: always valid, never half a list
  else if (tag === 'dt') tag = 'p'
  else if (tag === 'dd') tag = 'div'
  else if (
    tag === 'caption' ||
    tag === 'tr' ||
    tag === 'td' ||
    tag === 'th' ||
    TABLE_PARTS.has(tag)
  ) {
    // Table parts are rebuilt only inside a table (see table()); elsewhere they are blocks.
  } else if (!PHRASING.has(tag) && !FLOW.has(tag)) {
    return children(node, resolveImage, ids)
  }
  const attrs = attributes(node, tag, resolveImage, ids)
  if (attrs === null) {
    const alt = node.getAttribute('alt')?.trim()
    return alt ? [{ tag: 'span', attrs: [['class', 'img-alt']], children: [alt] }] : []
  }
  const kids = VOID.has(tag) ? [] : children(node, resolveImage, ids)
  return [{ tag, attrs, children: kids }]
}

function attributes(
  el: DomElement,
  tag: string,
  resolveImage: ImageResolver,
  ids: Set<string>,
): [string, string][] | null {
  const out: [string, string][] = []
  const cls = el.getAttribute('class')
  if (cls && /^[\w -]{1,100}$/.test(cls)) out.push(['class', cls])
  const id = el.getAttribute('id')
  if (id && /^[A-Za-z][\w-]{0,100}$/.test(id) && !ids.has(id)) {
    ids.add(id)
    out.push(['id', id])
  }
  const title = el.getAttribute('title')
  if (title) out.push(['title', title])
  if ((tag === 'td' || tag === 'th') && /^[1-9]\d{0,3}$/.test(el.getAttribute('colspan') ?? '')) {
    out.push(['colspan', el.getAttribute('colspan')!])
  }
  if ((tag === 'td' || tag === 'th') && /^[1-9]\d{0,3}$/.test(el.getAttribute('rowspan') ?? '')) {
    out.push(['rowspan', el.getAttribute('rowspan')!])
  }
  if (tag === 'ol' && /^-?\d{1,6}$/.test(el.getAttribute('start') ?? '')) {
    out.push(['start', el.getAttribute('start')!])
  }
  if (tag === 'a') {
    const href = (el.getAttribute('href') ?? '').trim()
    const uri = /^(https?:|mailto:)/i.test(href) ? toUri(href) : null
    if (uri) out.push(['href', uri])
    else if (/^#[A-Za-z][\w-]*$/.test(href)) out.push(['href', href])
  }
  if (tag === 'img') {
    const src = resolveImage(el.getAttribute('src') ?? '')
    if (!src) return null
    out.push(['src', src], ['alt', el.getAttribute('alt') ?? ''])
    for (const name of ['width', 'height']) {
      const v = el.getAttribute(name)?.trim()
      if (v && /^\d{1,5}$/.test(v)) out.push([name, v])
    }
  }
  return out
}

const isBlock = (n: Node) => typeof n !== 'string' && !PHRASING.has(n.tag)
const isBlank = (n: Node) => typeof n === 'string' && !/\S/.test(n)

/** Nodes fit for flow content (a body, a div, a list item, a table cell). */
function flow(nodes: Node[]): Node[] {
  return nodes.flatMap((n) => (typeof n === 'string' ? [n] : fix(n, false)))
}

/** Nodes fit for phrasing content: a block found here gives its children instead. */
function phrasing(nodes: Node[], inLink: boolean): Node[] {
  return nodes.flatMap((n) => {
    if (typeof n === 'string') return [n]
    if (n.tag === 'hr') return []
    if (isBlock(n)) return [' ', ...phrasing(n.children, inLink), ' ']
    if (n.tag === 'a' && inLink) return phrasing(n.children, inLink)
    // An inline element here keeps to phrasing inside it too, whatever it holds.
    if (VOID.has(n.tag)) return [{ ...n, children: [] }]
    return [{ ...n, children: phrasing(n.children, inLink || n.tag === 'a') }]
  })
}

/** One element made valid; `inLink` when inside an <a> (links do not nest). */
function fix(n: Exclude<Node, string>, inLink: boolean): Node[] {
  const { tag } = n
  if (PHRASING_ONLY.has(tag)) {
    // A paragraph or inline element holding blocks: the paragraph becomes a div, an inline
    // element gives way to its children, so no block ever sits inside phrasing content.
    if (n.children.some(isBlock)) {
      if (PHRASING.has(tag)) return flow(n.children)
      if (tag !== 'pre' && tag !== 'figcaption' && !tag.startsWith('h')) {
        return [{ ...n, tag: 'div', children: flow(n.children) }]
      }
    }
    return [{ ...n, children: phrasing(n.children, inLink || tag === 'a') }]
  }
  if (tag === 'ul' || tag === 'ol') {
    const items: Node[] = []
    for (const c of n.children) {
      if (isBlank(c)) continue
      if (typeof c !== 'string' && c.tag === 'li') items.push({ ...c, children: flow(c.children) })
      else items.push({ tag: 'li', attrs: [], children: flow([c]) })
    }
    return [{ ...n, children: items }]
  }
  if (tag === 'li') return [{ ...n, tag: 'div', children: flow(n.children) }]
  if (tag === 'figure') return figure(n)
  if (tag === 'table') return table(n)
  if (tag === 'caption' || TABLE_PARTS.has(tag) || tag === 'tr') {
    return [{ tag: 'div', attrs: n.attrs, children: flow(n.children) }]
  }
  if (tag === 'td' || tag === 'th') return [{ tag: 'div', attrs: [], children: flow(n.children) }]
  // A figcaption outside a figure (or a second one in it) is a plain block.
  if (tag === 'figcaption') return [{ ...n, tag: 'div', children: flow(n.children) }]
  return [{ ...n, children: VOID.has(tag) ? [] : flow(n.children) }]
}

/** A figure keeps one figcaption, as its first or last child; any other becomes a div. */
function figure(n: Exclude<Node, string>): Node[] {
  const isCaption = (c: Node | undefined) => typeof c !== 'string' && c?.tag === 'figcaption'
  const kids = n.children.filter((c) => !isBlank(c))
  const keep = isCaption(kids[0]) ? kids[0] : isCaption(kids.at(-1)) ? kids.at(-1) : undefined
  const children = kids.flatMap((c): Node[] => {
    if (c === keep && typeof c !== 'string') return [{ ...c, children: flow(c.children) }]
    return flow([c])
  })
  return [{ ...n, children }]
}

/** A table kept only when it is made of rows of cells; anything else becomes plain blocks. */
function table(n: Exclude<Node, string>): Node[] {
  const caption: Node[] = []
  const rows: Node[] = []
  const rowOf = (tr: Exclude<Node, string>): Node | null => {
    const cells: Node[] = []
    for (const c of tr.children) {
      if (isBlank(c)) continue
      if (typeof c === 'string' || (c.tag !== 'td' && c.tag !== 'th')) return null
      cells.push({ ...c, children: flow(c.children) })
    }
    return { tag: 'tr', attrs: [], children: cells }
  }
  for (const c of n.children) {
    if (isBlank(c)) continue
    if (typeof c === 'string') return [{ tag: 'div', attrs: n.attrs, children: flow(n.children) }]
    if (c.tag === 'caption' && !caption.length && !rows.length) {
      caption.push({ ...c, children: flow(c.children) })
      continue
    }
    const trs = TABLE_PARTS.has(c.tag) ? c.children.filter((x) => !isBlank(x)) : [c]
    for (const tr of trs) {
      const row = typeof tr !== 'string' && tr.tag === 'tr' ? rowOf(tr) : null
      if (!row) return [{ tag: 'div', attrs: n.attrs, children: flow(n.children) }]
      rows.push(row)
    }
  }
  return [{ tag: 'table', attrs: n.attrs, children: [...caption, ...rows] }]
}

function serialize(nodes: Node[], targets: Set<string>): string {
  let out = ''
  for (const n of nodes) {
    if (typeof n === 'string') {
      out += escapeXml(n)
      continue
    }
    // A fragment link whose target is gone loses its href (it stays as text).
    const attrs = n.attrs.filter(
      ([k, v]) => k !== 'href' || !v.startsWith('#') || targets.has(v.slice(1)),
    )
    const a = attrs.map(([k, v]) => ` ${k}="${escapeXml(v)}"`).join('')
    out += VOID.has(n.tag)
      ? `<${n.tag}${a}/>`
      : `<${n.tag}${a}>${serialize(n.children, targets)}</${n.tag}>`
  }
  return out
}
