// One refresh of a subscription: a conditional GET (so an unchanged feed costs one 304), then
// the parsed feed and the validators to send next time. Writes nothing.
import { fetchResource, type FetchedResource, type FetchOptions } from '../../net/fetch-resource.ts'
import type { ParsedFeed } from './feed-types.ts'
import { parseFeed } from './parse-feed.ts'

export interface Subscription {
  url: string
  etag?: string
  lastModified?: string
}

export interface RefreshDeps {
  fetch: (url: string, opts: FetchOptions) => Promise<FetchedResource>
}

export type RefreshResult =
  | { status: 'not-modified' }
  | { status: 'ok'; feed: ParsedFeed; finalUrl: string; etag?: string; lastModified?: string }

const FEED_ACCEPT =
  'application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5'

/**
 * Fetches and parses `sub`. Throws the fetch's ImportFailure ('NETWORK', 'TOO_LARGE', …) and
 * parseFeed's ('UNSUPPORTED_FORMAT' when the address no longer serves a feed, …).
 * Feed URLs are saved subscriptions, not typed in this moment: the private-address guard is
 * on unless the caller's fetch says otherwise.
 */
export async function refreshFeed(
  sub: Subscription,
  deps: RefreshDeps = { fetch: fetchResource },
  opts: FetchOptions = {},
): Promise<RefreshResult> {
  const headers: Record<string, string> = {}
  if (sub.etag) headers['if-none-match'] = sub.etag
  if (sub.lastModified) headers['if-modified-since'] = sub.lastModified
  const res = await deps.fetch(sub.url, {
    accept: FEED_ACCEPT,
    ...opts,
    headers: { ...opts.headers, ...headers },
  })
  if (res.status === 304) return { status: 'not-modified' }
  const feed = parseFeed(res.bytes, { url: res.finalUrl })
  return {
    status: 'ok',
    feed,
    finalUrl: res.finalUrl,
    ...(res.etag ? { etag: res.etag } : {}),
    ...(res.lastModified ? { lastModified: res.lastModified } : {}),
  }
}
