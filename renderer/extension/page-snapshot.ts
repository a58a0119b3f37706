// Runs in the page (injected on capture): the DOM as the reader sees it after scripts, as
// one HTML document. Shadow roots (open and closed) are flattened with their slots filled,
// lazy images get the address the browser shows or would load, and what cannot be article
// (scripts, styles, frames) stays behind. The page's metadata (<meta>, JSON-LD, canonical
// link) goes with it, so the import reads it as it reads a saved page.

const SKIP = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'IFRAME',
  'FRAME',
  'OBJECT',
  'EMBED',
  'LINK',
  'CANVAS',
  'DIALOG',
])
const LAZY_SRC = [
  'data-src',
  'data-lazy-src',
  'data-original',
  'data-lazy',
  'data-url',
  'data-hi-res-src',
  'data-full-src',
]
const LAZY_SRCSET = ['data-srcset', 'data-lazy-srcset', 'srcset']
const HEAD_KEEP = 'title, meta, link[rel~="canonical"], script[type="application/ld+json"]'

export interface Snapshot {
  html: string
  /** The absolute addresses of the images the snapshot's <img> elements show. */
  images: string[]
}

export function snapshotDocument(doc: Document): Snapshot {
  const out = doc.implementation.createHTMLDocument('')
  // createHTMLDocument makes an empty <title>; the page's own comes below.
  out.head.replaceChildren()
  const lang = doc.documentElement.getAttribute('lang')
  if (lang) out.documentElement.setAttribute('lang', lang)
  for (const el of Array.from(doc.head.querySelectorAll(HEAD_KEEP)))
    out.head.append(out.importNode(el, true))
  const body = out.importNode(doc.body, false) as HTMLElement
  const images = new Set<string>()
  for (const child of childrenOf(doc.body)) append(child, body, out, images)
  out.body.replaceWith(body)
  return { html: `<!doctype html>\n${out.documentElement.outerHTML}`, images: [...images] }
}

/** What an element shows: its shadow root's content (open or closed) or its own children. */
function childrenOf(el: Element): Node[] {
  const root = shadowRootOf(el)
  return Array.from((root ?? el).childNodes)
}

function shadowRootOf(el: Element): ShadowRoot | null {
  // Chromium gives extensions closed roots through chrome.dom, Firefox through the element.
  const firefox = (el as Element & { openOrClosedShadowRoot?: () => ShadowRoot | null })
    .openOrClosedShadowRoot
  if (typeof firefox === 'function') return firefox.call(el)
  const dom = (
    globalThis as { chrome?: { dom?: { openOrClosedShadowRoot?(e: Element): ShadowRoot | null } } }
  ).chrome?.dom
  return dom?.openOrClosedShadowRoot?.(el) ?? el.shadowRoot
}

function append(node: Node, parent: Node, out: Document, images: Set<string>): void {
  if (node.nodeType === Node.TEXT_NODE) {
    parent.appendChild(out.createTextNode((node as Text).data))
    return
  }
  if (node.nodeType !== Node.ELEMENT_NODE) return
  const el = node as Element
  if (el instanceof HTMLSlotElement) {
    const assigned = el.assignedNodes({ flatten: true })
    for (const n of assigned.length ? assigned : Array.from(el.childNodes))
      append(n, parent, out, images)
    return
  }
  if (SKIP.has(el.tagName) && !isJsonLd(el)) return
  const copy = out.importNode(el, false) as Element
  for (const attr of Array.from(copy.attributes))
    if (/^on/i.test(attr.name) || attr.name === 'style') copy.removeAttribute(attr.name)
  if (el instanceof HTMLImageElement) {
    const src = imageAddress(el)
    for (const name of [...LAZY_SRC, ...LAZY_SRCSET, 'sizes', 'loading']) copy.removeAttribute(name)
    if (!src) return
    copy.setAttribute('src', src)
    if (/^https?:/i.test(src)) images.add(src)
    parent.appendChild(copy)
    return
  }
  // <picture> keeps only its <img>, which already says what the browser chose.
  if (el.tagName === 'SOURCE') return
  // Inline scripts' JSON-LD is the page's metadata; keep it whole.
  if (isJsonLd(el)) {
    parent.appendChild(out.importNode(el, true))
    return
  }
  parent.appendChild(copy)
  for (const child of childrenOf(el)) append(child, copy, out, images)
}

function isJsonLd(el: Element): boolean {
  return el.tagName === 'SCRIPT' && el.getAttribute('type') === 'application/ld+json'
}

/**
 * The address an <img> shows: what the browser loaded, unless that is a lazy-loading
 * placeholder; then the real one from data-src/srcset (the widest candidate).
 */
export function imageAddress(img: HTMLImageElement): string | null {
  const base = img.ownerDocument.baseURI
  const current = img.currentSrc || img.getAttribute('src') || ''
  if (current && !isPlaceholder(current) && img.complete && img.naturalWidth > 1)
    return absolute(current, base)
  for (const name of LAZY_SRC) {
    const v = img.getAttribute(name)?.trim()
    if (v && !isPlaceholder(v)) return absolute(v, base)
  }
  for (const name of LAZY_SRCSET) {
    const widest = widestCandidate(img.getAttribute(name) ?? '')
    if (widest && !isPlaceholder(widest)) return absolute(widest, base)
  }
  const picture = img.parentElement?.tagName === 'PICTURE' ? img.parentElement : null
  for (const source of Array.from(picture?.querySelectorAll('source') ?? [])) {
    const widest = widestCandidate(
      source.getAttribute('srcset') ?? source.getAttribute('data-srcset') ?? '',
    )
    if (widest) return absolute(widest, base)
  }
  return current && !isPlaceholder(current) ? absolute(current, base) : null
}

function isPlaceholder(src: string): boolean {
  if (src.startsWith('data:')) return src.length < 400
  return /(?:^|\/)(?:blank|spacer|pixel|placeholder|transparent|lazy)[\w-]*\.(?:gif|png|svg)/i.test(
    src,
  )
}

function widestCandidate(srcset: string): string | null {
  let best: { url: string; w: number } | null = null
  for (const part of srcset.split(/,\s+/)) {
    const [url, size] = part.trim().split(/\s+/)
    if (!url) continue
    const w = size ? parseFloat(size) : 1
    if (!best || w > best.w) best = { url, w }
  }
  return best?.url ?? null
}

function absolute(src: string, base: string): string | null {
  try {
    const u = new URL(src, base)
    return u.protocol === 'http:' || u.protocol === 'https:' || u.protocol === 'data:'
      ? u.href
      : null
  } catch {
    return null
  }
}
