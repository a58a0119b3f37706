// The subscription list in quire.json: adding (once per address), updating, removing.
import { randomBytes } from 'node:crypto'
import { QuireError } from '../../../shared/errors.ts'
import type { Feed } from '../../../shared/model.ts'
import { canonicalUrlKey } from '../import/canonical-url.ts'

/** The subscription with this address, whatever tracking parameters or variant it carries. */
export function findFeedByUrl(feeds: Feed[], url: string): Feed | undefined {
  const key = canonicalUrlKey(url)
  return key ? feeds.find((f) => canonicalUrlKey(f.url) === key) : undefined
}

/** A new subscription record; throws INVALID_INPUT for an address that is not http(s). */
export function newFeed(url: string, title: string, now: string, tags: string[] = []): Feed {
  if (!canonicalUrlKey(url)) {
    throw new QuireError('INVALID_INPUT', `"${url}" is not a web address (http or https).`)
  }
  return { id: randomBytes(8).toString('hex'), url, title: title || url, addedAt: now, tags }
}

export function requireFeed(feeds: Feed[], id: string): Feed {
  const feed = feeds.find((f) => f.id === id)
  if (!feed) throw new QuireError('NOT_FOUND', `No feed subscription with id ${id}.`)
  return feed
}

export function replaceFeed(feeds: Feed[], next: Feed): Feed[] {
  const at = feeds.findIndex((f) => f.id === next.id)
  return at === -1 ? [...feeds, next] : feeds.map((f, i) => (i === at ? next : f))
}
