// The feed file importer: each item becomes an article when the feed carries its text, else a
// link to fetch later.
import { htmlToParagraphs } from '../../../../shared/html-text.ts'
import type { ExtractedArticle, ImportEntry } from '../extracted.ts'
import type { EntriesImporter, Sniff } from '../importer.ts'
import type { FeedItem, ParsedFeed } from './feed-types.ts'
import { MAX_FEED_BYTES, parseFeed } from './parse-feed.ts'
import { sanitizeFeedHtml } from './sanitize-feed-html.ts'

/** A summary this long (in characters of text) is taken as the article itself. */
export const FULL_SUMMARY_CHARS = 1200

const FEED_EXTENSIONS = new Set(['.rss', '.atom', '.rdf'])

export const feedImporter: EntriesImporter = {
  id: 'feed',
  label: 'feeds (.rss, .atom, .xml, .json feed)',
  kind: 'entries',
  maxBytes: MAX_FEED_BYTES,
  matches: (s) => FEED_EXTENSIONS.has(s.ext) || (isAmbiguous(s) && looksLikeFeed(s.head)),
  entries: (bytes, ctx) => feedEntries(parseFeed(bytes), ctx.name),
}

function isAmbiguous(s: Sniff): boolean {
  return s.ext === '.xml' || s.ext === '.json'
}

/** Whether the first 8 KB of a .xml or .json file is a feed's start. */
export function looksLikeFeed(head: string): boolean {
  // NULs out: a UTF-16 file read as Latin-1 has one between every ASCII character.
  const text = head.replace(/\0/g, '')
  return (
    /<rss[\s>]|<feed[\s>]|<rdf:RDF[\s>]/.test(text) ||
    /"version"\s*:\s*"https?:\/\/jsonfeed\.org\/version\//.test(text)
  )
}

/** One entry per feed item, in feed order; items with nothing to keep are left out. */
export function feedEntries(feed: ParsedFeed, fileName: string): ImportEntry[] {
  return feed.items.flatMap((item, i) => {
    const entry = toEntry(item, feed, `${fileName} › item ${i + 1}`)
    return entry ? [entry] : []
  })
}

function toEntry(item: FeedItem, feed: ParsedFeed, source: string): ImportEntry | undefined {
  const title = item.title || undefined
  const base: ImportEntry = {
    source,
    ...(item.link ? { url: item.link } : {}),
    ...(title ? { title } : {}),
    tags: [],
    highlights: [],
    guid: item.guid,
  }
  const article = toArticle(item, feed)
  if (article) return { ...base, article, title: article.title }
  // Link-only: fetched later, so an item without a link has nothing to offer.
  return item.link ? base : undefined
}

function toArticle(item: FeedItem, feed: ParsedFeed): ExtractedArticle | undefined {
  const summaryText = item.summaryHtml ? htmlToParagraphs(item.summaryHtml).join(' ') : ''
  const raw =
    item.contentHtml ?? (summaryText.length >= FULL_SUMMARY_CHARS ? item.summaryHtml : undefined)
  if (!raw) return undefined
  const body = sanitizeFeedHtml(raw, item.link ?? feed.siteUrl)
  const paragraphs = htmlToParagraphs(body.html)
  if (paragraphs.length === 0) return undefined
  const title = item.title || firstWords(paragraphs[0] ?? '') || 'Untitled'
  return {
    title,
    authors: item.authors,
    ...(item.authors.length ? { byline: item.authors.join(', ') } : {}),
    ...(feed.title ? { source: feed.title } : {}),
    paragraphs,
    bodyHtml: body.html,
    images: body.images.map((src) => ({ src })),
    ...(item.link ? { url: item.link } : {}),
    ...(item.publishedAt ? { publishedAt: item.publishedAt } : {}),
    ...(item.updatedAt ? { modifiedAt: item.updatedAt } : {}),
    format: 'feed',
  }
}

function firstWords(text: string): string {
  const words = text.split(/\s+/).slice(0, 12).join(' ')
  return words.length < text.length ? `${words}…` : words
}
