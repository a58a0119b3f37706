// Reads a stored article body (sanitised HTML written by Quire) into a small tree of allowed
// elements, so the reader renders it as React elements and never assigns HTML to the page.
// DOMParser documents are inert: nothing in them runs or loads.

export type BodyTag =
  | 'p'
  | 'h2'
  | 'h3'
  | 'h4'
  | 'h5'
  | 'h6'
  | 'blockquote'
  | 'ul'
  | 'ol'
  | 'li'
  | 'pre'
  | 'em'
  | 'strong'
  | 'code'
  | 'a'
  | 'br'
  | 'img'
  | 'figure'
  | 'figcaption'
  | 'table'
  | 'thead'
  | 'tbody'
  | 'tr'
  | 'th'
  | 'td'
  | 'hr'
  | 'sub'
  | 'sup'
  | 's'
  | 'u'
  | 'q'
  | 'cite'
  | 'abbr'
  | 'dl'
  | 'dt'
  | 'dd'

export interface BodyElement {
  tag: BodyTag
  href?: string
  /** Images: an asset of the archive or a data: image, never a web address. */
  src?: string
  alt?: string
  children: BodyNode[]
}
export type BodyNode = string | BodyElement

/** Source tags and what they become; headings step down one level under the article's h1. */
const TAG_MAP: Record<string, BodyTag> = {
  p: 'p',
  h1: 'h2',
  h2: 'h3',
  h3: 'h4',
  h4: 'h5',
  h5: 'h6',
  h6: 'h6',
  blockquote: 'blockquote',
  ul: 'ul',
  ol: 'ol',
  li: 'li',
  pre: 'pre',
  em: 'em',
  i: 'em',
  strong: 'strong',
  b: 'strong',
  code: 'code',
  a: 'a',
  br: 'br',
  img: 'img',
  figure: 'figure',
  figcaption: 'figcaption',
  table: 'table',
  thead: 'thead',
  tbody: 'tbody',
  tr: 'tr',
  th: 'th',
  td: 'td',
  hr: 'hr',
  sub: 'sub',
  sup: 'sup',
  s: 's',
  del: 's',
  u: 'u',
  q: 'q',
  cite: 'cite',
  abbr: 'abbr',
  dl: 'dl',
  dt: 'dt',
  dd: 'dd',
}

const BLOCK_TAGS = new Set<BodyTag>([
  'p',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'blockquote',
  'ul',
  'ol',
  'pre',
  'figure',
  'table',
  'hr',
  'dl',
  'img',
])
/** Elements that stand for something without text: kept although they have no children. */
const VOID = new Set<BodyTag>(['img', 'hr', 'br'])
const DROPPED = new Set(['script', 'style', 'template', 'noscript', 'iframe', 'object', 'svg'])
const SAFE_HREF = /^(https?:|mailto:)/i
/** What importers store: a content-addressed asset, or an inline raster image. */
const SAFE_SRC =
  /^(assets\/[0-9a-f]{64}\.(png|jpg|gif|webp|avif|bmp|ico)|data:image\/(png|jpeg|gif|webp|avif);base64,[a-z0-9+/=\s]+)$/i

function convert(node: Node): BodyNode[] {
  if (node.nodeType === Node.TEXT_NODE) return node.textContent ? [node.textContent] : []
  if (node.nodeType !== Node.ELEMENT_NODE) return []
  const el = node as Element
  const name = el.localName
  if (DROPPED.has(name)) return []
  const children = [...el.childNodes].flatMap(convert)
  const tag = TAG_MAP[name]
  if (!tag) return children
  if (tag === 'a') {
    const href = el.getAttribute('href')?.trim() ?? ''
    return SAFE_HREF.test(href) ? [{ tag, href, children }] : children
  }
  if (tag === 'img') {
    const src = el.getAttribute('src')?.trim() ?? ''
    if (!SAFE_SRC.test(src)) return []
    const alt = el.getAttribute('alt') ?? ''
    return [{ tag, src, alt, children: [] }]
  }
  return [{ tag, children: VOID.has(tag) ? [] : children }]
}

function isBlock(node: BodyNode): boolean {
  return typeof node !== 'string' && BLOCK_TAGS.has(node.tag)
}

function isBlank(node: BodyNode): boolean {
  return typeof node === 'string' && node.trim() === ''
}

/** Top-level runs of loose text and inline elements become paragraphs; blank text goes. */
function toBlocks(nodes: BodyNode[]): BodyElement[] {
  const blocks: BodyElement[] = []
  let run: BodyNode[] = []
  const flush = () => {
    if (run.some((n) => !isBlank(n))) blocks.push({ tag: 'p', children: run })
    run = []
  }
  for (const node of nodes) {
    if (isBlock(node)) {
      flush()
      blocks.push(node as BodyElement)
    } else run.push(node)
  }
  flush()
  return blocks.filter((b) => !isEmptyElement(b))
}

function isEmptyElement(el: BodyElement): boolean {
  if (VOID.has(el.tag)) return false
  return el.children.every((c) => (typeof c === 'string' ? c.trim() === '' : isEmptyElement(c)))
}

/** The body's blocks in order; an empty list for an empty body. */
export function htmlToBlocks(html: string): BodyElement[] {
  const doc = new DOMParser().parseFromString(html, 'text/html')
  return toBlocks([...doc.body.childNodes].flatMap(convert))
}
