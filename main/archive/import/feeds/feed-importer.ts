// The feed file importer: each item becomes an article when the feed carries its text, else a
// link to fetch later.
import { htmlToParagraphs } from '../../../../shared/html-text.ts'
import type { EntryDetails, ExtractedArticle, ImportEntry } from '../extracted.ts'
import { cleanCredits } from '../../../../shared/credits.ts'
import type { EntriesImporter, Sniff } from '../importer.ts'
import type { FeedItem, ParsedFeed } from './feed-types.ts'
import { MAX_FEED_BYTES, parseFeed } from './parse-feed.ts'
import { sanitizeFeedHtml } from './sanitize-feed-html.ts'

/** A summary this long (in characters of text) is taken as the article itself. */
export const FULL_SUMMARY_CHARS = 1200

const FEED_EXTENSIONS = new Set(['.rss', '.atom', '.rdf'])
/** Compressed feeds keep their own extension before ".gz" ("feed.xml.gz"). */
const GZIPPED_FEED = /\.(?:rss|atom|rdf|xml|json)\.gz$/i

export const feedImporter: EntriesImporter = {
  id: 'feed',
  label: 'feeds (.rss, .atom, .xml, .json feed)',
  kind: 'entries',
  maxBytes: MAX_FEED_BYTES,
  matches: (s) =>
    FEED_EXTENSIONS.has(s.ext) ||
    GZIPPED_FEED.test(s.name) ||
    (isAmbiguous(s) && looksLikeFeed(s.head)),
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

/**
 * One entry per feed item, in feed order. An item with nothing to keep (no text, no link)
 * and one the parser could not read are reported as failed, never dropped silently.
 */
export function feedEntries(feed: ParsedFeed, fileName: string): ImportEntry[] {
  const entries = feed.items.map((item, i) => {
    const source = `${fileName} › item ${i + 1}`
    return (
      toEntry(item, feed, source) ?? {
        source,
        tags: [],
        highlights: [],
        problem: 'the item has no text and no link to fetch it from',
      }
    )
  })
  for (let i = 0; i < (feed.unreadable ?? 0); i++) {
    entries.push({
      source: `${fileName} › unreadable item ${i + 1}`,
      tags: [],
      highlights: [],
      problem: 'the item could not be read (no title, text or link, or past the item limit)',
    })
  }
  return entries
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
  // Link-only: fetched later, with what the feed says about it until then.
  return item.link ? { ...base, details: detailsOf(item, feed) } : undefined
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
    ...creditsOf(item.authors, feed.title),
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

/** Title aside, what a link-only item keeps: its summary, date, authors and the feed's name. */
function detailsOf(item: FeedItem, feed: ParsedFeed): EntryDetails {
  const summary = item.summaryHtml ? htmlToParagraphs(item.summaryHtml).join(' ') : ''
  const credits = cleanCredits(item.authors, { siteNames: [feed.title] })
  return {
    authors: credits.people,
    ...(credits.organizations.length ? { organizations: credits.organizations } : {}),
    ...(item.authors.length ? { byline: item.authors.join(', ') } : {}),
    ...(feed.title ? { source: feed.title } : {}),
    ...(item.publishedAt ? { publishedAt: item.publishedAt } : {}),
    ...(item.updatedAt ? { modifiedAt: item.updatedAt } : {}),
    ...(summary ? { excerpt: summary } : {}),
  }
}

function firstWords(text: string): string {
  const words = text.split(/\s+/).slice(0, 12).join(' ')
  return words.length < text.length ? `${words}…` : words
}

function creditsOf(names: string[], site: string): { authors: string[]; organizations?: string[] } {
  const c = cleanCredits(names, { siteNames: [site] })
  return {
    authors: c.people,
    ...(c.organizations.length ? { organizations: c.organizations } : {}),
  }
}
