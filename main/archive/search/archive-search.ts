// Keeps the search index in step with the catalog and answers searches through the worker.
// The index is derived: on start it resyncs the shards that changed since it last saw them
// (all of them when it is new, damaged or outdated), reporting progress.
//
// Writes reach it a moment after they commit (UPDATE_DELAY_MS), several at once: reindexing
// an article (its body read, converted and tokenized again, in the index process) took the
// machine's time while the next write waited for its journal append, and made a highlight
// save at 100k about 6x the append alone. The index is derived and follows the journal, so
// nothing is lost by the wait: a search or list sends what is held first (each answers with
// every change made before it), so do a checkpoint's stamps and a close; a crash before the
// send leaves the changes in the journal, whose shards the next start reindexes.
import { join } from 'node:path'
import type { Article } from '../../../shared/model.ts'
import { shardKey, shardPath, type ArchiveLayout } from '../store/layout.ts'
import { IndexClient } from './index-client.ts'
import type { IndexHost } from './index-host.ts'
import { shardStamp } from '../store/shard-stamp.ts'
import type { SearchArgs, SearchPage } from './search-index.ts'

/** A start-up sync that reindexed this many articles or more was a rebuild (see #restart). */
const RESTART_AFTER_ARTICLES = 10_000

/** How long committed changes are held before the index is sent them, all in one update. */
export const UPDATE_DELAY_MS = 100

/** Changes not yet sent to the index, merged by id (a later change replaces an earlier one). */
interface Held {
  articles: Map<string, Article>
  removed: Set<string>
  stamps: Record<string, string>
  timer: NodeJS.Timeout
  /** Settles when this batch has been sent and applied (or failed: see #missed). */
  sent: Promise<void>
  send: () => void
}

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
  #held: Held | null = null

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

  /**
   * Tell the index what a write changed; call after the catalog flush. The change is sent
   * with the others of the next UPDATE_DELAY_MS (or before the next search, checkpoint or
   * close); the promise settles once the index has it. Never throws.
   */
  changed(articles: Article[], removedIds: string[] = []): Promise<void> {
    const held = (this.#held ??= this.#hold())
    for (const a of articles) {
      held.removed.delete(a.id)
      held.articles.set(a.id, a)
    }
    for (const id of removedIds) {
      held.articles.delete(id)
      held.removed.add(id)
    }
    const keys = new Set([...articles.map((a) => a.id), ...removedIds].map(shardKey))
    Object.assign(held.stamps, this.#stamps(keys))
    return held.sent
  }

  /** Send the held changes now; settles once the index has applied them. Never throws. */
  flush(): Promise<void> {
    const held = this.#held
    if (!held) return Promise.resolve()
    held.send()
    return held.sent
  }

  #hold(): Held {
    let send!: () => void
    const sent = new Promise<void>((resolve) => {
      send = () => {
        if (this.#held !== held) return
        this.#held = null
        clearTimeout(held.timer)
        const articles = [...held.articles.values()]
        this.#client
          .update(articles, [...held.removed], held.stamps)
          .catch((err: Error) => {
            this.#missed = true
            this.#status = { ...this.#status, message: `index update failed: ${err.message}` }
          })
          .then(resolve)
      }
    })
    const timer = setTimeout(() => send(), UPDATE_DELAY_MS)
    // The held changes do not keep a process alive: close() sends them, and a process that
    // ends without closing leaves them to the journal (see above).
    timer.unref()
    const held: Held = { articles: new Map(), removed: new Set(), stamps: {}, timer, sent, send }
    return held
  }

  /**
   * A checkpoint rewrote these shard files, after every change in them was sent here: the
   * index holds what they hold, so it takes their new stamps and does not read them again at
   * the next start. Skipped once an update failed (the index may lack a change: the next
   * start's sync must see those shards as changed). Never throws.
   */
  async checkpointed(keys: string[]): Promise<void> {
    await this.flush() // the changes the files hold go before their stamps
    if (this.#missed) return
    await this.#closing // a replaced index process has finished the updates it was sent
    await this.#client.update([], [], this.#stamps(keys)).catch(() => {})
  }

  #stamps(keys: Iterable<string>): Record<string, string> {
    return Object.fromEntries([...keys].map((k) => [k, shardStamp(shardPath(this.#layout, k))]))
  }

  search(...args: SearchArgs): Promise<SearchPage> {
    // Sent first, so the answer holds every change made before it (requests keep their order).
    void this.flush()
    return this.#client.search(...args)
  }

  async close(): Promise<void> {
    await this.flush()
    await Promise.all([this.#client.close(), this.#closing])
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
