// Parses a feed file of any supported format (RSS 0.9x/2.0, RSS 1.0, Atom, JSON Feed) into
// Quire's feed shape, refusing hostile or oversized input with a clear ImportFailure.
import { parseFeed as feedsmithParse, type AnyFeed } from 'feedsmith'
import { gunzipSync } from 'fflate'
import { ImportFailure } from '../extracted.ts'
import { decodeXml } from './decode-xml.ts'
import type { ParsedFeed, ParseFeedOptions } from './feed-types.ts'
import { stripSafeDoctype } from './hostile-xml.ts'
import { readAtom } from './read-atom.ts'
import { readJson } from './read-json.ts'
import { readRdf, readRss } from './read-rss.ts'

export type { FeedItem, ParsedFeed, ParseFeedOptions } from './feed-types.ts'

/** No real feed is this large; parsing is in memory. */
export const MAX_FEED_BYTES = 16 * 1024 * 1024
/** Items past this many are dropped (feeds list the newest first). */
export const MAX_FEED_ITEMS = 10_000

/**
 * Reads a feed. Throws ImportFailure: 'TOO_LARGE' past MAX_FEED_BYTES, 'EMPTY' for no bytes,
 * 'INVALID_INPUT' for entity declarations and damaged JSON, 'UNSUPPORTED_FORMAT' for
 * anything that is not a feed (an HTML page, an OPML list).
 */
export function parseFeed(bytes: Uint8Array, opts: ParseFeedOptions = {}): ParsedFeed {
  if (bytes.length > MAX_FEED_BYTES) {
    throw new ImportFailure(
      'TOO_LARGE',
      `the feed is ${mb(bytes.length)} MB, larger than the ${mb(MAX_FEED_BYTES)} MB limit`,
    )
  }
  const text = decodeXml(gunzipped(bytes)).text.replace(/^\uFEFF/, '')
  if (text.trim() === '') throw new ImportFailure('EMPTY', 'the file is empty')
  const json = /^\s*[[{]/.test(text)
  const source = json ? parseJsonText(text) : stripSafeDoctype(text)
  let parsed: AnyFeed<string>
  try {
    parsed = feedsmithParse<string>(source, { maxItems: MAX_FEED_ITEMS })
  } catch (err) {
    throw notAFeed(err, text, json)
  }
  try {
    const feed = read(parsed, opts.url)
    // feedsmith leaves out entries it cannot read and those past the limit: they are
    // counted here so the import reports them instead of losing them silently.
    const unreadable = json ? 0 : countItemTags(text) - feed.items.length
    return unreadable > 0 ? { ...feed, unreadable } : feed
  } catch (err) {
    // feedsmith is lenient: a value of an unexpected type can still reach the readers.
    throw new ImportFailure('INVALID_INPUT', `the feed could not be read: ${message(err)}`)
  }
}

function read(parsed: AnyFeed<string>, url: string | undefined): ParsedFeed {
  switch (parsed.format) {
    case 'rss':
      return readRss(parsed.feed, url)
    case 'rdf':
      return readRdf(parsed.feed, url)
    case 'atom':
      return readAtom(parsed.feed, url)
    case 'json':
      return readJson(parsed.feed, url)
  }
}

/** The <item> and <entry> elements of an XML feed, as written. */
function countItemTags(text: string): number {
  return (text.match(/<(?:[\w-]+:)?(?:item|entry)[\s>/]/g) ?? []).length
}

/** A gzip-compressed feed file (feed.xml.gz), inflated within the size limit. */
function gunzipped(bytes: Uint8Array): Uint8Array {
  if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) return bytes
  let out: Uint8Array
  try {
    out = gunzipSync(bytes)
  } catch (err) {
    throw new ImportFailure('INVALID_INPUT', `the compressed feed is damaged: ${message(err)}`)
  }
  if (out.length > MAX_FEED_BYTES) {
    throw new ImportFailure(
      'TOO_LARGE',
      `the feed is ${mb(out.length)} MB uncompressed, larger than the ${mb(MAX_FEED_BYTES)} MB limit`,
    )
  }
  return out
}

function parseJsonText(text: string): unknown {
  try {
    return JSON.parse(text) as unknown
  } catch (err) {
    throw new ImportFailure('INVALID_INPUT', `the JSON is damaged: ${message(err)}`)
  }
}

function notAFeed(err: unknown, text: string, json: boolean): ImportFailure {
  if (json) return new ImportFailure('UNSUPPORTED_FORMAT', 'this JSON is not a JSON Feed')
  const head = text.slice(0, 2000).toLowerCase()
  if (/<html[\s>]|<head[\s>]|<body[\s>]/.test(head)) {
    return new ImportFailure(
      'UNSUPPORTED_FORMAT',
      'this is a web page, not a feed (no <rss>, <feed> or <rdf:RDF>)',
    )
  }
  if (/<opml[\s>]/.test(head)) {
    return new ImportFailure('UNSUPPORTED_FORMAT', 'this is an OPML subscription list, not a feed')
  }
  if (err instanceof RangeError) {
    return new ImportFailure('INVALID_INPUT', 'the feed is nested too deeply to read')
  }
  return new ImportFailure(
    'UNSUPPORTED_FORMAT',
    `this is not an RSS, Atom, RDF or JSON feed (${message(err)})`,
  )
}

function message(err: unknown): string {
  return err instanceof Error ? err.message : String(err)
}

function mb(n: number): string {
  return (n / (1024 * 1024)).toFixed(1).replace(/\.0$/, '')
}
