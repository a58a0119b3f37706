// The feed shape Quire works with, whatever the source format (RSS, RDF, Atom, JSON Feed).

export type FeedKind = 'rss' | 'atom' | 'rdf' | 'json'

export interface FeedEnclosure {
  url: string
  type?: string
  length?: number
}

export interface FeedItem {
  /** The item's guid or id, else its link, else a hash of title and date: stable across fetches. */
  guid: string
  /** Absolute http(s) URL, resolved against xml:base or the feed's URL. */
  link?: string
  /** Plain text ('' when the item has none). */
  title: string
  authors: string[]
  /** ISO 8601. */
  publishedAt?: string
  updatedAt?: string
  /** The full body as the feed gave it (unsanitised HTML). */
  contentHtml?: string
  /** The description or summary as HTML (plain-text summaries are escaped). */
  summaryHtml?: string
  categories: string[]
  enclosures?: FeedEnclosure[]
}

export interface ParsedFeed {
  kind: FeedKind
  title: string
  siteUrl?: string
  description?: string
  items: FeedItem[]
  /** Items in the file that could not be read (no title, text or link) or past the limit. */
  unreadable?: number
}

export interface ParseFeedOptions {
  /** Where the feed was fetched from: the base for relative links. */
  url?: string
}
