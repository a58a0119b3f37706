// What makes two imports one article: the same text (content hash), the same address
// (canonical URL key) or the same feed item (guid). Built from the catalog on first import.
import type { Article } from '../../../shared/model.ts'
import { canonicalUrlKey } from './canonical-url.ts'

export interface DedupeKeys {
  hash?: string
  urls?: (string | undefined)[]
  /** A feed item: its guid is unique within its feed (feedId absent for a feed file). */
  item?: { feedId?: string | undefined; guid: string }
}

/** One key per feed item: the same guid in two feeds is two items. */
function itemKey(item: NonNullable<DedupeKeys['item']>): string {
  return `${item.feedId ?? ''}\u0000${item.guid}`
}

export class DedupeIndex {
  readonly #byHash = new Map<string, string>()
  readonly #byUrl = new Map<string, string>()
  readonly #byGuid = new Map<string, string>()

  static of(articles: Iterable<Article>): DedupeIndex {
    const index = new DedupeIndex()
    for (const a of articles) index.claim(a.id, keysOf(a))
    return index
  }

  /** The id of an article that already has one of these keys. */
  find(keys: DedupeKeys): string | undefined {
    if (keys.hash) {
      const id = this.#byHash.get(keys.hash)
      if (id) return id
    }
    if (keys.item) {
      const id = this.#byGuid.get(itemKey(keys.item))
      if (id) return id
    }
    for (const url of keys.urls ?? []) {
      const key = url ? canonicalUrlKey(url) : null
      const id = key ? this.#byUrl.get(key) : undefined
      if (id) return id
    }
    return undefined
  }

  /** Record `id` under its keys; the first article to claim a key keeps it. */
  claim(id: string, keys: DedupeKeys): void {
    if (keys.hash && !this.#byHash.has(keys.hash)) this.#byHash.set(keys.hash, id)
    if (keys.item && !this.#byGuid.has(itemKey(keys.item))) this.#byGuid.set(itemKey(keys.item), id)
    for (const url of keys.urls ?? []) {
      const key = url ? canonicalUrlKey(url) : null
      if (key && !this.#byUrl.has(key)) this.#byUrl.set(key, id)
    }
  }

  /** Forget every key of these articles (removed from the archive, or never saved). */
  forget(ids: Set<string>): void {
    for (const map of [this.#byHash, this.#byUrl, this.#byGuid]) {
      for (const [key, id] of map) if (ids.has(id)) map.delete(key)
    }
  }
}

export function keysOf(a: Article): DedupeKeys {
  return {
    hash: a.contentHash,
    urls: [a.url, a.canonicalUrl],
    ...itemOf(a.origin),
  }
}

/** The feed-item key of an article's origin, if it came from a feed. */
export function itemOf(origin: Article['origin']): Pick<DedupeKeys, 'item'> {
  return origin.guid ? { item: { feedId: origin.feedId, guid: origin.guid } } : {}
}
