// A saved web page -> one article: decode, parse once with linkedom, read the page's metadata,
// let Readability find the body, purify it in place and serialise it ourselves.
import { Readability } from '@mozilla/readability'
import { htmlToParagraphs } from '../../../../shared/html-text.ts'
import { looksBinary } from '../text/binary.ts'
import { ImportFailure, type ExtractedArticle } from '../extracted.ts'
import { decodeHtml } from './decode-html.ts'
import { parseDocument, type DomDocument, type DomElement } from './dom.ts'
import { cleanArticle, type OnRemoved } from './clean/clean-article.ts'
import { flattenDeepNesting } from './flatten-deep.ts'
import { readMetadata, languageTag } from './metadata.ts'
import { cleanCredits } from '../../../../shared/credits.ts'
import { pickImageSources } from './pick-image-src.ts'
import { purifyInPlace } from './purifier.ts'
import { serializeBody } from './serialize.ts'

export const MAX_HTML_BYTES = 32 * 1024 * 1024
/** Readability returns what is left of a page with no article: a menu's links. */
const SHORT_TEXT_CHARS = 200

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
  const { text, encoding } = decodeHtml(bytes, opts.headerCharset)
  if (text.trim() === '') throw new ImportFailure('EMPTY', 'the file is empty')
  if (text.includes('\u0000') || looksBinary(text.slice(0, 65536)))
    throw new ImportFailure('BINARY', 'the file is binary data, not a web page')
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
  const doc = parseDocument(/<html[\s>]/i.test(text.slice(0, 65536)) ? text : wrap(text))
  const savedFrom = opts.url ? undefined : savedFromUrl(text)
  const pageUrl = opts.url ?? savedFrom
  const meta = readMetadata(doc, pageUrl ? { url: pageUrl } : {})
  flattenDeepNesting(doc)
  const article = new Readability<DomElement>(doc as never, {
    serializer: (node) => node as unknown as DomElement,
    // The cleaning reads class names; the sanitiser drops them afterwards.
    keepClasses: true,
  }).parse()
  const content = article?.content
  if (!article || !content)
    throw new ImportFailure(
      'EMPTY',
      'no article text was found in the page (only navigation, scripts or markup)',
    )
  cleanArticle(content, opts.onRemoved)
  pickImageSources(content)
  purifyInPlace(content)
  const linkBase = opts.url ?? meta.canonicalUrl ?? savedFrom
  const body = serializeBody(content, {
    ...(linkBase ? { linkBase } : {}),
    ...(opts.url ? { imageBase: opts.url } : {}),
  })
  const paragraphs = htmlToParagraphs(body.html)
  if (paragraphs.length === 0)
    throw new ImportFailure('EMPTY', 'no article text was found in the page (only markup)')
  if (isOnlyLinks(content))
    throw new ImportFailure(
      'EMPTY',
      'no article text was found in the page (only a few links, as in a menu or an index page)',
    )
  const title = meta.title ?? clean(article.title) ?? titleOf(doc) ?? paragraphs[0]!.slice(0, 120)
  // Readability's byline is the last resort: the metadata reader looked at the page first.
  const credits = { people: meta.authors, organizations: meta.organizations }
  if (!meta.authors.length && article.byline) {
    // The organisations the metadata credits stay, beside what the byline names.
    const shown = cleanCredits([article.byline], { siteNames: [meta.source] })
    credits.people = shown.people
    credits.organizations = [...new Set([...meta.organizations, ...shown.organizations])]
  }
  // No one credited: the work is its publisher's, as citation styles (APA, CSL) cite it.
  if (!credits.people.length && !credits.organizations.length && meta.publisher)
    credits.organizations = [meta.publisher]
  const credited = [...credits.people, ...credits.organizations]
  const byline = credited.length ? credited.join(', ') : clean(article.byline)
  const source = meta.source ?? clean(article.siteName)
  const publishedAt = meta.publishedAt
  const language = meta.language ?? languageTag(article.lang)
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

/** True for a short "article" whose text is mostly link text: a menu, not prose. */
function isOnlyLinks(content: DomElement): boolean {
  const text = (content.textContent ?? '').replace(/\s+/g, '')
  if (text.length >= SHORT_TEXT_CHARS) return false
  const links = content.querySelectorAll('a')
  let linkChars = 0
  for (let i = 0; i < links.length; i++)
    linkChars += (links[i]!.textContent ?? '').replace(/\s+/g, '').length
  return linkChars * 2 > text.length
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
