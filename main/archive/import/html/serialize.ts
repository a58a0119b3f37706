// Writes the purified article DOM out as HTML we can vouch for: only allow-listed elements
// and attributes, every text and value escaped, links and image sources checked once more.
// Escaping everything means whatever parser reads the body later (Chromium in the reader,
// not linkedom) can only ever build allow-listed elements from it.
import { isElement, TEXT_NODE, type DomElement, type DomNode } from './dom.ts'
import { ALLOWED_TAGS } from './purifier.ts'

export interface SerializeOptions {
  /** The page's address, to resolve relative links against (canonical URL for saved files). */
  linkBase?: string
  /** The address the page was fetched from: relative images become remote ones (URL imports). */
  imageBase?: string
}

export interface SerializedBody {
  html: string
  /** Each distinct img src in `html`, in order of appearance. */
  images: string[]
}

const TAGS = new Set(ALLOWED_TAGS)
const VOID = new Set(['img', 'br', 'hr'])
const NUMBER_ATTRS = new Set(['width', 'height', 'colspan', 'rowspan', 'start'])
const TEXT_ATTRS = new Set(['alt', 'title', 'datetime'])
/** Raster images only: SVG can carry script, and data: is only ever allowed on <img>. */
const DATA_IMAGE = /^data:image\/(?:png|jpeg|jpg|gif|webp|avif|bmp|x-icon|vnd\.microsoft\.icon);/i

export function serializeBody(root: DomElement, opts: SerializeOptions = {}): SerializedBody {
  const out: string[] = []
  const images: string[] = []
  const write = (node: DomNode): void => {
    if (node.nodeType === TEXT_NODE) {
      out.push(escapeText(node.textContent ?? ''))
      return
    }
    if (!isElement(node)) return
    const tag = node.localName.toLowerCase()
    if (!TAGS.has(tag)) {
      writeChildren(node)
      return
    }
    const attrs = tag === 'img' ? imageAttrs(node, opts, images) : attributesOf(node, tag, opts)
    if (attrs === null) return
    out.push(`<${tag}${attrs}>`)
    if (VOID.has(tag)) return
    // (A newline right after <pre> is kept as linkedom parsed it: the browser drops it
    // again, as it did when it rendered the original page.)
    writeChildren(node)
    out.push(`</${tag}>`)
  }
  const writeChildren = (node: DomNode): void => {
    for (let c = node.firstChild; c; c = c.nextSibling) write(c)
  }
  writeChildren(root)
  return { html: out.join(''), images }
}

function attributesOf(el: DomElement, tag: string, opts: SerializeOptions): string {
  let s = ''
  const attrs = el.attributes
  for (let i = 0; i < attrs.length; i++) {
    const { name, value } = attrs[i]!
    const v = attrValue(name.toLowerCase(), value, tag)
    if (v !== undefined) s += v
  }
  if (tag === 'a') {
    const href = linkHref(el.getAttribute('href'), opts.linkBase)
    if (href !== undefined) {
      s += ` href="${escapeAttr(href)}"`
      if (!href.startsWith('#')) s += ' rel="noopener noreferrer"'
    }
  }
  return s
}

function attrValue(name: string, value: string, tag: string): string | undefined {
  if (NUMBER_ATTRS.has(name))
    return /^\d{1,5}$/.test(value.trim()) ? ` ${name}="${value.trim()}"` : undefined
  if (TEXT_ATTRS.has(name)) return ` ${name}="${escapeAttr(value)}"`
  if (name === 'scope' && /^(?:row|col|rowgroup|colgroup)$/i.test(value)) return ` scope="${value}"`
  if (name === 'reversed' && tag === 'ol') return ' reversed'
  if (name === 'dir' && /^(?:ltr|rtl|auto)$/i.test(value)) return ` dir="${value.toLowerCase()}"`
  if (name === 'lang' && /^[a-z]{2,3}(?:-[a-z0-9]{1,8})*$/i.test(value)) return ` lang="${value}"`
  return undefined
}

/** The img's attributes, or null to drop the image (no usable source). */
function imageAttrs(el: DomElement, opts: SerializeOptions, images: string[]): string | null {
  const src = imageSrc(el.getAttribute('src'), opts.imageBase)
  if (src === undefined) return null
  if (!images.includes(src)) images.push(src)
  let s = ` src="${escapeAttr(src)}"`
  for (const name of ['alt', 'title', 'width', 'height']) {
    const value = el.getAttribute(name)
    if (value !== null) s += attrValue(name, value, 'img') ?? ''
  }
  return s
}

/**
 * A src the asset step can handle: a raster data: URI, an absolute http(s) URL, or a
 * relative path (a file saved next to the page). Protocol-relative URLs are remote.
 */
export function imageSrc(raw: string | null, base?: string): string | undefined {
  const src = raw?.trim()
  if (!src) return undefined
  if (src.startsWith('data:')) return DATA_IMAGE.test(src) ? src : undefined
  const absolute =
    parseUrl(src) ?? parseUrl(src, src.startsWith('//') ? 'https://localhost/' : base)
  if (absolute) return /^https?:$/.test(absolute.protocol) ? absolute.href : undefined
  // A relative path: no scheme, no host, no backslashes that a file system might honour.
  if (/^[a-z][a-z0-9+.-]*:/i.test(src) || src.includes('\\')) return undefined
  return src
}

/** An href worth keeping: http(s), mailto or an in-page #fragment; else undefined. */
export function linkHref(raw: string | null, base?: string): string | undefined {
  const href = raw?.trim()
  if (!href) return undefined
  if (href.startsWith('#')) return href.length > 1 ? href : undefined
  const url = parseUrl(href) ?? parseUrl(href, href.startsWith('//') ? 'https://localhost/' : base)
  if (!url) return undefined
  return ['http:', 'https:', 'mailto:'].includes(url.protocol) ? url.href : undefined
}

function parseUrl(s: string, base?: string): URL | undefined {
  if (base === undefined && !/^[a-z][a-z0-9+.-]*:/i.test(s)) return undefined
  try {
    return new URL(s, base)
  } catch {
    return undefined
  }
}

export function escapeText(s: string): string {
  return s.replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'))
}

export function escapeAttr(s: string): string {
  return s.replace(/[&<>"]/g, (c) =>
    c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;',
  )
}
