// Keeps the search index in step with the catalog and answers searches through the worker.
// The index is derived: on start it resyncs the shards that changed since it last saw them
// (all of them when it is new, damaged or outdated), reporting progress.
import type { Article } from '../../../shared/model.ts'
import type { Query } from '../../../shared/search/query.ts'
import type { LibraryView } from '../../../shared/api.ts'
import { shardKey, shardPath, type ArchiveLayout } from '../store/layout.ts'
import { IndexClient } from './index-client.ts'
import type { IndexHost } from './index-host.ts'
import { shardStamp } from './shard-stamp.ts'
import type { IndexSort, SearchPage } from './search-index.ts'

export interface IndexStatus {
  state: 'syncing' | 'ready' | 'failed'
  done: number
  total: number
  message?: string
}

export class ArchiveSearch {
  readonly #layout: ArchiveLayout
  readonly #client: IndexClient
  #status: IndexStatus = { state: 'syncing', done: 0, total: 0 }
  /** What the start-up sync did (for benchmarks and diagnostics). */
  lastSync: { reindexed: number; shards: number; ms: number; peakRssMb: number } | null = null
  readonly #ready: Promise<void>

  constructor(
    layout: ArchiveLayout,
    opts: { host?: IndexHost; onStatus?: (s: IndexStatus) => void } = {},
  ) {
    this.#layout = layout
    this.#client = new IndexClient(layout.root, opts.host)
    const report = (s: IndexStatus) => {
      this.#status = s
      opts.onStatus?.(s)
    }
    this.#client.onProgress((p) => report({ state: 'syncing', ...p }))
    this.#ready = this.#client.sync().then(
      (r) => {
        this.lastSync = r
        report({ state: 'ready', done: r.shards, total: r.shards })
      },
      (err: Error) => report({ state: 'failed', done: 0, total: 0, message: err.message }),
    )
  }

  get status(): IndexStatus {
    return this.#status
  }

  /** Resolves when the start-up sync is over (whether or not it succeeded). */
  whenReady(): Promise<void> {
    return this.#ready
  }

  /** Tell the index what a write changed; call after the catalog flush. Never throws. */
  changed(articles: Article[], removedIds: string[] = []): Promise<void> {
    const keys = new Set([...articles.map((a) => a.id), ...removedIds].map(shardKey))
    const stamps = Object.fromEntries(
      [...keys].map((k) => [k, shardStamp(shardPath(this.#layout, k))]),
    )
    return this.#client.update(articles, removedIds, stamps).catch((err: Error) => {
      this.#status = { ...this.#status, message: `index update failed: ${err.message}` }
    })
  }

  search(
    query: Query,
    view: LibraryView,
    sort: IndexSort,
    order: 'asc' | 'desc',
    offset: number,
    limit: number,
  ): Promise<SearchPage> {
    return this.#client.search(query, view, sort, order, offset, limit)
  }

  close(): Promise<void> {
    return this.#client.close()
  }
}
