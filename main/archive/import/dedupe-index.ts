// What makes two imports one article: the same text (content hash), the same address
// (canonical URL key) or the same feed item (guid). Built from the catalog on first import.
import type { Article } from '../../../shared/model.ts'
import { canonicalUrlKey } from './canonical-url.ts'

export interface DedupeKeys {
  hash?: string
  urls?: (string | undefined)[]
  guid?: string
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
    if (keys.guid) {
      const id = this.#byGuid.get(keys.guid)
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
    if (keys.guid && !this.#byGuid.has(keys.guid)) this.#byGuid.set(keys.guid, id)
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
    ...(a.origin.guid ? { guid: `${a.origin.feedId ?? ''}\u0000${a.origin.guid}` } : {}),
  }
}
