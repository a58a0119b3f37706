// A saved web page -> one article: decode, parse once with linkedom, read the page's metadata,
// let Readability find the body, purify it in place and serialise it ourselves.
import { Readability } from '@mozilla/readability'
import { looksBinary } from '../text/binary.ts'
import { ImportFailure, type ExtractedArticle } from '../extracted.ts'
import { decodeHtml } from './decode-html.ts'
import { parseDocument, type DomDocument, type DomElement } from './dom.ts'
import type { OnRemoved } from './clean/clean-article.ts'
import { articleBody, goodBlocksElement, missesGoodText, pageView } from './article-body.ts'
import { withBlocksBeside } from './beside-pick.ts'
import { flattenDeepNesting } from './flatten-deep.ts'
import { stripOverlays } from './strip-overlays.ts'
import { readMetadata, languageTag } from './metadata.ts'
import { cleanCredits } from '../../../../shared/credits.ts'
import { decodeTwice } from './page-authors.ts'

export const MAX_HTML_BYTES = 32 * 1024 * 1024
export interface ExtractHtmlOptions {
  /** The address the page came from (URL imports): relative links and images resolve to it. */
  url?: string
  /** The charset of the HTTP Content-Type, which outranks the page's own declaration. */
  headerCharset?: string
  /** Told of each block the cleaning takes out (quality tools); imports leave it unset. */
  onRemoved?: OnRemoved
}

/**
 * Extracts the article of a web page. Throws ImportFailure only: 'TOO_LARGE', 'EMPTY' (an
 * empty file, or no readable article, with what was missing), 'BINARY'.
 */
export function extractHtml(bytes: Uint8Array, opts: ExtractHtmlOptions = {}): ExtractedArticle {
  if (bytes.length > MAX_HTML_BYTES)
    throw new ImportFailure('TOO_LARGE', `the page is ${mb(bytes.length)} MB, over the 32 MB limit`)
  const decoded = decodeHtml(bytes, opts.headerCharset)
  if (decoded.text.trim() === '') throw new ImportFailure('EMPTY', 'the file is empty')
  if (looksBinary(decoded.text.slice(0, 65536)))
    throw new ImportFailure('BINARY', 'the file is binary data, not a web page')
  // A few stray NUL bytes (a CMS pads an ad slot with them) do not make a page binary:
  // browsers drop them while parsing, and so do we.
  const text = decoded.text.replace(/\u0000/g, '')
  const { encoding } = decoded
  try {
    return extractFromText(text, encoding, opts)
  } catch (err) {
    if (err instanceof ImportFailure) throw err
    // Readability and linkedom are third-party code fed hostile input: whatever they throw
    // becomes this file's failure, never the batch's.
    throw new ImportFailure('INVALID_INPUT', `the page could not be read: ${String(err)}`)
  }
}

function extractFromText(text: string, encoding: string, opts: ExtractHtmlOptions) {
  const doc = parsePage(text)
  const savedFrom = opts.url ? undefined : savedFromUrl(text)
  const pageUrl = opts.url ?? savedFrom
  const meta = readMetadata(doc, pageUrl ? { url: pageUrl } : {})
  prepare(doc)
  const view = pageView(doc)
  const article = new Readability<DomElement>(doc as never, {
    serializer: (node) => node as unknown as DomElement,
    // The cleaning reads class names; the sanitiser drops them afterwards.
    keepClasses: true,
  }).parse()
  const linkBase = opts.url ?? meta.canonicalUrl ?? savedFrom
  const bodyOpts = {
    ...(opts.onRemoved ? { onRemoved: opts.onRemoved } : {}),
    ...(linkBase ? { linkBase } : {}),
    ...(opts.url ? { imageBase: opts.url } : {}),
  }
  let body = article?.content ? articleBody(article.content, bodyOpts) : undefined
  if (missesGoodText(body?.paragraphs ?? [], view)) {
    // Readability read the page afresh would pick the same: the good blocks of a new parse
    // make the article instead.
    const again = parsePage(text)
    prepare(again)
    const content = goodBlocksElement(again)
    const alt = content && articleBody(content, bodyOpts)
    if (alt && alt.paragraphs.length > 0) body = alt
  } else if (body && !body.onlyLinks) {
    body = withBlocksBeside(body, view, () => prepared(text), bodyOpts)
  }
  if (!body)
    throw new ImportFailure(
      'EMPTY',
      'no article text was found in the page (only navigation, scripts or markup)',
    )
  const paragraphs = body.paragraphs
  if (paragraphs.length === 0)
    throw new ImportFailure('EMPTY', 'no article text was found in the page (only markup)')
  if (body.onlyLinks)
    throw new ImportFailure(
      'EMPTY',
      'no article text was found in the page (only a few links, as in a menu or an index page)',
    )
  const title = meta.title ?? clean(article?.title) ?? titleOf(doc) ?? paragraphs[0]!.slice(0, 120)
  // Readability's byline is the last resort: the metadata reader looked at the page first.
  const credits = { people: meta.authors, organizations: meta.organizations }
  if (!meta.authors.length && article?.byline) {
    // The organisations the metadata credits stay, beside what the byline names.
    // Readability reads JSON-LD's author as written, entities and all ("Redacci&oacute;n").
    const shown = cleanCredits([decodeTwice(article.byline)], { siteNames: [meta.source] })
    credits.people = shown.people
    credits.organizations = [...new Set([...meta.organizations, ...shown.organizations])]
  }
  // No one credited: the person whose copyright the page states (a personal site), else the
  // work is its publisher's, as citation styles (APA, CSL) cite it.
  if (!credits.people.length && !credits.organizations.length) {
    if (meta.rightsHolder) credits.people = [meta.rightsHolder]
    else if (meta.publisher) credits.organizations = [meta.publisher]
  }
  const credited = [...credits.people, ...credits.organizations]
  const byline = credited.length ? credited.join(', ') : clean(article?.byline)
  const source = meta.source ?? clean(article?.siteName)
  const publishedAt = meta.publishedAt
  const language = meta.language ?? languageTag(article?.lang)
  const out: ExtractedArticle = {
    title,
    authors: credits.people,
    organizations: credits.organizations,
    paragraphs,
    bodyHtml: body.html,
    images: body.images.map((src) => ({ src })),
    format: 'html',
    encoding,
  }
  if (meta.subtitle) out.subtitle = meta.subtitle
  if (byline) out.byline = byline
  if (source) out.source = source
  if (opts.url ?? savedFrom) out.url = opts.url ?? savedFrom
  if (meta.canonicalUrl) out.canonicalUrl = meta.canonicalUrl
  if (publishedAt) out.publishedAt = publishedAt
  if (meta.modifiedAt) out.modifiedAt = meta.modifiedAt
  if (language) out.language = language
  if (meta.leadImage) out.leadImage = meta.leadImage
  return out
}

/** The address a browser noted when saving the page: `<!-- saved from url=(0042)https://… -->`. */
function savedFromUrl(text: string): string | undefined {
  const m = /<!--\s*saved from url=\(\d+\)(\S+?)\s*-->/i.exec(text.slice(0, 2048))
  if (!m) return undefined
  try {
    const url = new URL(m[1]!)
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined
  } catch {
    return undefined
  }
}

function parsePage(text: string): DomDocument {
  return parseDocument(/<html[\s>]/i.test(text.slice(0, 65536)) ? text : wrap(text))
}

function prepared(text: string): DomDocument {
  const doc = parsePage(text)
  prepare(doc)
  return doc
}

/** What every reading of the page starts from: nesting flattened, overlays out. */
function prepare(doc: DomDocument): void {
  flattenDeepNesting(doc)
  stripOverlays(doc)
}

function wrap(fragment: string): string {
  return `<!doctype html><html><head></head><body>${fragment}</body></html>`
}

function titleOf(doc: DomDocument): string | undefined {
  return clean(doc.title)
}

function clean(s: string | null | undefined): string | undefined {
  const v = s?.replace(/\s+/g, ' ').trim()
  return v ? v : undefined
}

function mb(n: number): string {
  return (n / 1024 / 1024).toFixed(1)
}
