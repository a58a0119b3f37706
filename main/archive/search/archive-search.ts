// Keeps the search index in step with the catalog and answers searches through the worker.
// The index is derived: on start it resyncs the shards that changed since it last saw them
// (all of them when it is new, damaged or outdated), reporting progress.
import { join } from 'node:path'
import type { Article } from '../../../shared/model.ts'
import { shardKey, shardPath, type ArchiveLayout } from '../store/layout.ts'
import { IndexClient } from './index-client.ts'
import type { IndexHost } from './index-host.ts'
import { shardStamp } from '../store/shard-stamp.ts'
import type { SearchArgs, SearchPage } from './search-index.ts'

/** A start-up sync that reindexed this many articles or more was a rebuild (see #restart). */
const RESTART_AFTER_ARTICLES = 10_000

export interface IndexStatus {
  state: 'syncing' | 'ready' | 'failed'
  done: number
  total: number
  message?: string
}

export class ArchiveSearch {
  readonly #layout: ArchiveLayout
  readonly #host: IndexHost | undefined
  readonly #indexPath: string | undefined
  #client: IndexClient
  #status: IndexStatus = { state: 'syncing', done: 0, total: 0 }
  /** What the start-up sync did (for benchmarks and diagnostics). */
  lastSync: { reindexed: number; shards: number; ms: number; peakRssMb: number } | null = null
  readonly #ready: Promise<void>
  /** The replaced index process, while it shuts down. */
  #closing: Promise<void> = Promise.resolve()
  /** An update failed: the index may lack a change the shard files hold. */
  #missed = false

  constructor(
    layout: ArchiveLayout,
    opts: {
      host?: IndexHost
      onStatus?: (s: IndexStatus) => void
      /** Articles reindexed at start from which the index process is replaced; for tests. */
      restartAfter?: number
      /** The index file, when not the archive's own (a read-only archive's temporary one). */
      indexPath?: string
    } = {},
  ) {
    this.#layout = layout
    this.#host = opts.host
    this.#indexPath = opts.indexPath ?? join(layout.indexDir, 'search.sqlite')
    this.#client = new IndexClient(layout.root, opts.host, this.#indexPath)
    const report = (s: IndexStatus) => {
      this.#status = s
      opts.onStatus?.(s)
    }
    this.#client.onProgress((p) => report({ state: 'syncing', ...p }))
    this.#ready = this.#client.sync().then(
      async (r) => {
        if (r.reindexed >= (opts.restartAfter ?? RESTART_AFTER_ARTICLES)) {
          try {
            await this.#restart()
          } catch (err) {
            return report({ state: 'failed', done: 0, total: 0, message: (err as Error).message })
          }
        }
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
    return this.#client.update(articles, removedIds, this.#stamps(keys)).catch((err: Error) => {
      this.#missed = true
      this.#status = { ...this.#status, message: `index update failed: ${err.message}` }
    })
  }

  /**
   * A checkpoint rewrote these shard files, after every change in them was sent here: the
   * index holds what they hold, so it takes their new stamps and does not read them again at
   * the next start. Skipped once an update failed (the index may lack a change: the next
   * start's sync must see those shards as changed). Never throws.
   */
  async checkpointed(keys: string[]): Promise<void> {
    if (this.#missed) return
    await this.#closing // a replaced index process has finished the updates it was sent
    await this.#client.update([], [], this.#stamps(keys)).catch(() => {})
  }

  #stamps(keys: Iterable<string>): Record<string, string> {
    return Object.fromEntries([...keys].map((k) => [k, shardStamp(shardPath(this.#layout, k))]))
  }

  search(...args: SearchArgs): Promise<SearchPage> {
    return this.#client.search(...args)
  }

  close(): Promise<void> {
    return Promise.all([this.#client.close(), this.#closing]).then(() => {})
  }

  /**
   * A new index process in place of the one that just rebuilt the index: at 100k articles
   * the one that wrote the index answers searches about half as fast as a new one on the
   * same file (measured; the cause is not found, and a new SQLite connection in the old
   * process does not help). Requests from now on go to the new process; the old one finishes
   * what it was sent first (SQLite's busy timeout makes a write in the new one wait). Ready
   * once the new process has started and synced (nothing to do unless a write raced), so the
   * first page after a rebuild does not wait for it to boot.
   */
  async #restart(): Promise<void> {
    const old = this.#client
    this.#client = new IndexClient(this.#layout.root, this.#host, this.#indexPath)
    this.#closing = old.close()
    await this.#client.sync()
  }
}
