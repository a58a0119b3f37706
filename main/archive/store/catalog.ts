// The article catalog: 256 lowdb shards (catalog/<00..ff>.json) keyed by id. A write
// rewrites only the shards it touched, so its cost does not grow with the archive.
import { Low } from 'lowdb'
import { QuireError } from '../../../shared/errors.ts'
import type { Article } from '../../../shared/model.ts'
import type { FileWriter } from './atomic-write.ts'
import { allShardKeys, shardKey, shardPath, type ArchiveLayout } from './layout.ts'
import { upgradeRecord, type MigrationStep } from './migrations.ts'
import { mapLimit } from './map-limit.ts'
import { readOrRecover, type Recover } from './recovery.ts'
import { describeWriteError } from './write-failure.ts'
import { ShardFileAdapter } from './shard-file.ts'
import type { Shard } from './shard-schema.ts'

/** Shards read at once on open (see map-limit.ts for why not all). */
const OPEN_CONCURRENCY = 4

export interface CatalogOptions {
  write?: FileWriter
  /** Restores a damaged shard; without it a damaged shard makes open() throw. */
  recover?: Recover
  assertWritable?: () => void
}

/** Changes a failed flush could not save; they were undone in memory. */
export interface UnsavedChanges {
  /** Ids whose record in memory went back to what the disk holds. */
  ids: string[]
  error: unknown
}

export class Catalog {
  readonly #shards = new Map<string, Low<Shard>>()
  readonly #dirty = new Set<string>()
  /** Shards that failed to parse and were left on disk as they are: never written over. */
  readonly #damaged = new Set<string>()
  readonly #assertWritable: () => void
  #holding = false

  private constructor(assertWritable: () => void) {
    this.#assertWritable = assertWritable
  }

  /**
   * Load every shard. A damaged shard goes to `recover`; one it cannot restore stays empty
   * in memory (and untouched on disk). Without `recover`, throws DamagedFileError.
   */
  static async open(
    layout: ArchiveLayout,
    steps: readonly MigrationStep[],
    opts: CatalogOptions = {},
  ): Promise<Catalog> {
    const catalog = new Catalog(opts.assertWritable ?? (() => {}))
    const upgrade = (raw: unknown) => (steps.length ? upgradeShard(raw, steps) : raw)
    await mapLimit(allShardKeys(), OPEN_CONCURRENCY, async (key) => {
      const adapter = new ShardFileAdapter(shardPath(layout, key), upgrade, opts.write)
      const db = new Low<Shard>(adapter, { articles: {} })
      if (!(await readOrRecover(db, opts.recover))) catalog.#damaged.add(key)
      catalog.#shards.set(key, db)
      if (steps.length && Object.keys(db.data.articles).length) catalog.#dirty.add(key)
    })
    return catalog
  }

  /** Shard keys left damaged on disk (their articles are missing from this catalog). */
  get damagedShards(): string[] {
    return [...this.#damaged].sort()
  }

  get(id: string): Article | undefined {
    return this.#shard(id).data.articles[id]
  }

  has(id: string): boolean {
    return Object.hasOwn(this.#shard(id).data.articles, id)
  }

  /** Insert or replace a record; it reaches disk on the next flush(). */
  put(article: Article): void {
    const key = shardKey(article.id)
    this.#shard(article.id).data.articles[article.id] = article
    this.#dirty.add(key)
  }

  remove(id: string): void {
    const shard = this.#shard(id)
    if (!Object.hasOwn(shard.data.articles, id)) return
    delete shard.data.articles[id]
    this.#dirty.add(shardKey(id))
  }

  *all(): IterableIterator<Article> {
    for (const db of this.#shards.values()) yield* Object.values(db.data.articles)
  }

  /**
   * Records in one shard ('5c') as its file on disk holds them. Throws when the shard has
   * changes not written yet: then memory does not say what the file holds.
   */
  shardSize(key: string): number {
    if (this.#dirty.has(key)) throw new Error(`catalog/${key}.json has changes not yet saved`)
    const db = this.#shards.get(key)
    return db ? Object.keys(db.data.articles).length : 0
  }

  get size(): number {
    let n = 0
    for (const db of this.#shards.values()) n += Object.keys(db.data.articles).length
    return n
  }

  /**
   * Write every shard changed since the last flush, each atomically. When a write fails,
   * its shard goes back in memory to what the disk holds (memory never claims what the
   * disk lacks) and QuireError('IO') is thrown. Inside batch(), the failure is held instead.
   */
  async flush(): Promise<void> {
    const failure = await this.#write()
    if (!failure) return
    if (this.#holding) return // batch() retries and reports it
    const unsaved = await this.#revert(failure)
    throw new QuireError('IO', `Could not save the change: ${describeWriteError(unsaved.error)}.`)
  }

  /**
   * Run a batch of changes (an import) whose per-item results must survive a failed flush:
   * flushes inside it do not throw; at its end one more flush is tried, and what still
   * cannot be written is undone in memory and returned, for the caller to report per item.
   */
  async batch<T>(fn: () => Promise<T>): Promise<{ value: T; unsaved: UnsavedChanges | null }> {
    if (this.#holding) throw new Error('Catalog.batch does not nest')
    this.#holding = true
    let value: T
    try {
      value = await fn()
    } finally {
      this.#holding = false
    }
    const failure = await this.#write()
    return { value, unsaved: failure ? await this.#revert(failure) : null }
  }

  /** Write the dirty shards; the first error, or null. Failed shards stay dirty. */
  async #write(): Promise<{ error: unknown } | null> {
    if (!this.#dirty.size) return null
    this.#assertWritable()
    const keys = [...this.#dirty]
    const damaged = keys.find((k) => this.#damaged.has(k))
    if (damaged) throw new Error(`catalog/${damaged}.json is damaged and is never written over`)
    this.#dirty.clear()
    // allSettled, not all: every write must be over before a failed shard is re-read.
    const outcomes = await Promise.allSettled(keys.map((key) => this.#shards.get(key)!.write()))
    let failure: { error: unknown } | null = null
    outcomes.forEach((o, i) => {
      if (o.status === 'fulfilled') return
      this.#dirty.add(keys[i]!)
      failure ??= { error: o.reason }
    })
    return failure
  }

  /** Re-read every dirty shard from disk; the ids whose record changed back. */
  async #revert(failure: { error: unknown }): Promise<UnsavedChanges> {
    const ids = new Set<string>()
    for (const key of this.#dirty) {
      const db = this.#shards.get(key)!
      const mine = db.data.articles
      // Straight from the adapter: Low.read() keeps the memory copy when the file is absent.
      db.data = (await db.adapter.read()) ?? { articles: {} }
      const disk = db.data.articles
      for (const id of new Set([...Object.keys(mine), ...Object.keys(disk)])) {
        if (JSON.stringify(mine[id]) !== JSON.stringify(disk[id])) ids.add(id)
      }
    }
    this.#dirty.clear()
    return { ids: [...ids], error: failure.error }
  }

  #shard(id: string): Low<Shard> {
    const db = this.#shards.get(shardKey(id))
    if (!db) throw new Error(`no catalog shard for id ${id}`)
    return db
  }
}

function upgradeShard(raw: unknown, steps: readonly MigrationStep[]): unknown {
  const articles = (raw as { articles?: unknown } | null)?.articles
  if (!articles || typeof articles !== 'object') return raw
  const upgraded = Object.entries(articles as Record<string, Record<string, unknown>>).map(
    ([id, record]) => [id, upgradeRecord(record, steps)],
  )
  return { ...(raw as object), articles: Object.fromEntries(upgraded) }
}
