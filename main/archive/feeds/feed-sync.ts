// Subscribing to feeds and refreshing them: fetch (outside the write queue, so a slow server
// never holds up the user's edits), complete summary-only items from their pages, then store
// the new items through the import pipeline, each item once (guid or address).
import { QuireError } from '../../../shared/errors.ts'
import type { Feed, ImportResult } from '../../../shared/model.ts'
import type { ImportEntry } from '../import/extracted.ts'
import { feedEntries } from '../import/feeds/feed-importer.ts'
import type { ParsedFeed } from '../import/feeds/parse-feed.ts'
import type { FeedFetch, FeedNet } from '../import/online.ts'
import { findFeedByUrl, newFeed, replaceFeed, requireFeed } from './feed-list.ts'
import { mapLimit } from '../store/map-limit.ts'
import { loadLinkedom } from '../import/html/linkedom-runtime.ts'

/** What the archive offers the feed code. */
export interface FeedHost {
  feeds(): Feed[]
  saveFeeds(list: Feed[]): Promise<void>
  /** True when an item (by guid or address) is already in the archive. */
  isKnown(entry: ImportEntry, feedId: string): boolean
  storeEntries(entries: ImportEntry[], feed: Feed): Promise<ImportResult[]>
  net: FeedNet
  /** The "allow local network sources" setting; an address the user typed is always allowed. */
  allowLocalNetwork: boolean
  now(): string
}

export interface FeedRefresh {
  feed: Feed
  results: ImportResult[]
}

/** Pages fetched at once for summary-only items. */
const PAGE_FETCHES = 4

/** Subscribe to the feed at `url` (the user typed it) and import its current items. */
export async function subscribe(host: FeedHost, url: string, tags: string[]): Promise<FeedRefresh> {
  const known = findFeedByUrl(host.feeds(), url)
  if (known) return refreshOne(host, known.id)
  const fetched = await host.net.fetchFeed({ url }, { allowPrivate: true })
  if (fetched.status !== 'ok') {
    throw new QuireError('IO', `The server at ${url} sent no feed (304 Not Modified).`)
  }
  const feed: Feed = {
    ...newFeed(fetched.finalUrl, fetched.feed.title, host.now(), tags),
    ...(fetched.feed.siteUrl ? { siteUrl: fetched.feed.siteUrl } : {}),
    ...(fetched.etag ? { etag: fetched.etag } : {}),
    ...(fetched.lastModified ? { lastModified: fetched.lastModified } : {}),
  }
  return store(host, feed, fetched.feed)
}

/** Refresh one subscription; a failure is recorded on it (and thrown for the caller). */
export async function refreshOne(host: FeedHost, id: string): Promise<FeedRefresh> {
  const feed = requireFeed(host.feeds(), id)
  let fetched: FeedFetch
  try {
    fetched = await host.net.fetchFeed(feed, { allowPrivate: host.allowLocalNetwork })
  } catch (err) {
    const lastError = err instanceof Error ? err.message : String(err)
    const failed = { ...feed, lastCheckedAt: host.now(), lastError }
    await host.saveFeeds(replaceFeed(host.feeds(), failed))
    return { feed: failed, results: [] }
  }
  if (fetched.status === 'not-modified') {
    const checked: Feed = { ...feed, lastCheckedAt: host.now() }
    delete checked.lastError
    await host.saveFeeds(replaceFeed(host.feeds(), checked))
    return { feed: checked, results: [] }
  }
  const next: Feed = {
    ...feed,
    ...(fetched.etag ? { etag: fetched.etag } : {}),
    ...(fetched.lastModified ? { lastModified: fetched.lastModified } : {}),
  }
  return store(host, next, fetched.feed)
}

/** Refresh every subscription (or those given), one after the other. */
export async function refreshAll(host: FeedHost, ids?: string[]): Promise<FeedRefresh[]> {
  const targets = ids ?? host.feeds().map((f) => f.id)
  const out: FeedRefresh[] = []
  for (const id of targets) out.push(await refreshOne(host, id))
  return out
}

async function store(host: FeedHost, feed: Feed, parsed: ParsedFeed): Promise<FeedRefresh> {
  await loadLinkedom()
  const fresh = feedEntries(parsed, feed.title).filter((e) => !host.isKnown(e, feed.id))
  const entries = await mapLimit(fresh, PAGE_FETCHES, (e) => completeFromPage(host, e))
  const results = entries.length ? await host.storeEntries(entries, feed) : []
  const now = host.now()
  const next: Feed = {
    ...feed,
    title: feed.title === feed.url && parsed.title ? parsed.title : feed.title,
    lastCheckedAt: now,
    ...(results.some((r) => r.status === 'imported') ? { lastNewAt: now } : {}),
  }
  delete next.lastError
  await host.saveFeeds(replaceFeed(host.feeds(), next))
  return { feed: next, results }
}

/** A summary-only item gets its page's text; when the page cannot be had it stays a link. */
async function completeFromPage(host: FeedHost, entry: ImportEntry): Promise<ImportEntry> {
  if (entry.article || !entry.url) return entry
  try {
    const article = await host.net.fetchArticle(entry.url, {
      allowPrivate: host.allowLocalNetwork,
    })
    return article ? { ...entry, article } : entry
  } catch {
    return entry
  }
}
