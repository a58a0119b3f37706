// The one seam between the service importers and the HTML importer's sanitiser: an export's
// article body (Wallabag content, Omnivore content/<slug>.html) becomes an ExtractedArticle.
// The body is already the article (the app ran its own extraction), so Readability is not
// run again: it is purified (DOMPurify allow-list) and serialised by main/archive/import/html.
import { htmlToParagraphs } from '../../../../shared/html-text.ts'
import type { ExtractedArticle } from '../extracted.ts'
import { parseDocument, type DomElement, type DomNode } from '../html/dom.ts'
import { purifyInPlace } from '../html/purifier.ts'
import { serializeBody } from '../html/serialize.ts'
import { cleanCredits } from '../../../../shared/credits.ts'

export interface ArticleMeta {
  title: string
  url?: string
  byline?: string
  publishedAt?: string
  language?: string
  leadImage?: string
  source?: string
}

/** The article; or neither (a body with no text: a link-only item); or why it failed. */
export interface BodyResult {
  article?: ExtractedArticle
  problem?: string
}

/**
 * Deeper element nesting than this is refused before sanitising: no article needs it, and the
 * sanitiser's work (and its recursion) grows with depth × size, so a hostile body of 50,000
 * nested <div>s would otherwise take seconds or overflow the stack.
 */
export const MAX_BODY_DEPTH = 512

/**
 * Sanitises an export's HTML body into an article. Never throws: a body the sanitiser cannot
 * handle (too deeply nested, or whatever else it throws on) leaves the item link-only, with
 * the reason.
 */
export function articleFromHtml(html: string, meta: ArticleMeta): BodyResult {
  let body: { html: string; images: string[] }
  try {
    body = sanitise(html, meta.url)
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err)
    return { problem: `its article body could not be sanitised (${why}); imported as a link only` }
  }
  const paragraphs = htmlToParagraphs(body.html)
  if (paragraphs.length === 0) return {}
  return {
    article: {
      title: meta.title,
      ...creditsOf(meta.byline, meta.source),
      ...(meta.byline ? { byline: meta.byline } : {}),
      ...(meta.source ? { source: meta.source } : {}),
      paragraphs,
      bodyHtml: body.html,
      images: body.images.map((src) => ({ src })),
      ...(meta.url ? { url: meta.url } : {}),
      ...(meta.publishedAt ? { publishedAt: meta.publishedAt } : {}),
      ...(meta.language ? { language: meta.language } : {}),
      ...(meta.leadImage ? { leadImage: meta.leadImage } : {}),
      format: 'html',
    },
  }
}

/** The people and organisations an export's author field names ("Ann Lee, Reuters"). */
export function creditsOf(
  byline: string | undefined,
  site: string | undefined,
): { authors: string[]; organizations?: string[] } {
  const c = cleanCredits([byline], { siteNames: [site] })
  return {
    authors: c.people,
    ...(c.organizations.length ? { organizations: c.organizations } : {}),
  }
}

function sanitise(fragment: string, url: string | undefined): { html: string; images: string[] } {
  // Parsing itself slows down quadratically with nesting (50,000 levels: 7 s), so the markup
  // is measured before it is parsed, and the tree again after.
  if (markupDepth(fragment) > MAX_MARKUP_DEPTH) {
    throw new Error(`its elements are nested more than ${MAX_BODY_DEPTH} deep`)
  }
  const doc = parseDocument(`<!doctype html><html><head></head><body>${fragment}</body></html>`)
  const body = doc.querySelector('body')
  // DOMPurify sanitises in place only under an allowed root, and a stray </div> in the body
  // would close a wrapper written into the string: so the wrapper is made, then filled.
  const root = doc.createElement('div')
  const children: DomNode[] = []
  for (let c = body?.firstChild ?? null; c; c = c.nextSibling) children.push(c)
  ;(root as DomElement & { append(...nodes: DomNode[]): void }).append(...children)
  if (depthOf(root) > MAX_BODY_DEPTH) {
    throw new Error(`its elements are nested more than ${MAX_BODY_DEPTH} deep`)
  }
  purifyInPlace(root)
  return serializeBody(root, url ? { linkBase: url, imageBase: url } : {})
}

/** A string-level bound, above the DOM one since unclosed tags make the count run high. */
const MAX_MARKUP_DEPTH = 4 * MAX_BODY_DEPTH
const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)[^>]*?(\/?)>/g
/** Void elements, and those whose end tag HTML lets authors leave out: they never nest deep. */
const FLAT = new Set(
  'area base br col embed hr img input link meta source track wbr p li dt dd tr td th option'.split(
    ' ',
  ),
)

/** The deepest open-tag nesting in the markup, counted without parsing it. */
function markupDepth(html: string): number {
  let depth = 0
  let max = 0
  for (const m of html.matchAll(TAG)) {
    if (FLAT.has(m[2]!.toLowerCase()) || m[3] === '/') continue
    depth = m[1] === '/' ? Math.max(0, depth - 1) : depth + 1
    if (depth > max && (max = depth) > MAX_MARKUP_DEPTH) break
  }
  return max
}

/** The deepest element nesting under `root`, walked without recursion. */
function depthOf(root: DomNode): number {
  let max = 0
  const stack: [DomNode, number][] = [[root, 0]]
  for (let top = stack.pop(); top; top = stack.pop()) {
    const [node, depth] = top
    if (depth > max) max = depth
    if (max > MAX_BODY_DEPTH) break
    for (let c = node.firstChild; c; c = c.nextSibling)
      if (c.nodeType === 1) stack.push([c, depth + 1])
  }
  return max
}
