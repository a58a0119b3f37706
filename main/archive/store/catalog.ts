// The article catalog: 256 shards (catalog/<00..ff>.json) keyed by id, held in memory. A
// change is put() in memory, then made durable by flush(): one journal entry for all the
// changes since the last one (see committer.ts), so an operation over many articles commits
// all or nothing. Shard files are rewritten by the next checkpoint, only those it touched.
import { QuireError } from '../../../shared/errors.ts'
import { ArticleSchema, type Article } from '../../../shared/model.ts'
import type { FileWriter } from './atomic-write.ts'
import type { JournalEntry } from './journal-format.ts'
import { allShardKeys, shardKey, shardPath, type ArchiveLayout } from './layout.ts'
import { upgradeRecord, type MigrationStep } from './migrations.ts'
import { mapLimit } from './map-limit.ts'
import { readOrRecover, type Recover } from './recovery.ts'
import { ShardFileAdapter } from './shard-file.ts'
import type { Shard } from './shard-schema.ts'
import { shardStamp } from './shard-stamp.ts'
import type { Tombstone } from './sync/merge-shard.ts'
import { includesChanges, lastChange, mergeRecords } from './sync/merge-record.ts'
import { stampChanges, stampOf, stampTime } from './sync/stamp.ts'
import { tendTombstones } from './sync/tombstones.ts'
import type { VerifiedShards } from './verified-shards.ts'

/** Shards read at once on open (see map-limit.ts for why not all). */
const OPEN_CONCURRENCY = 4

export interface CatalogOptions {
  write?: FileWriter
  /** Restores a damaged shard; without it a damaged shard makes open() throw. */
  recover?: Recover
  /** Committed changes the shard files may not hold yet (the journal's newest segment). */
  tail?: readonly JournalEntry[]
  /** The migration steps for a journal entry written at schema `v`. */
  stepsFor?: (v: number) => readonly MigrationStep[]
  /** Shard bytes validated before, read without the schema (used only with no steps). */
  verified?: VerifiedShards
}

/** Changes a failed flush could not save; they were undone in memory. */
export interface UnsavedChanges {
  /** Ids whose record in memory went back to what was last committed. */
  ids: string[]
  error: unknown
}

/** What makes the catalog's changes durable (committer.ts); absent when read-only. */
export interface CatalogCommits {
  flush(): Promise<void>
  batch<T>(fn: () => Promise<T>): Promise<{ value: T; unsaved: UnsavedChanges | null }>
}

/** Uncommitted changes, taken by a commit: the records as they are now. */
export interface PendingChanges {
  put: Article[]
  del: string[]
  /** Each id with the change count it was taken at (see settle). */
  taken: Map<string, { gen: number; value: Article | undefined }>
}

interface Pending {
  /** The record as last committed; undefined when it did not exist. */
  prev: Article | undefined
  /** Bumped by every put/remove, so a commit knows whether a later change came after it. */
  gen: number
}

interface Slot {
  adapter: ShardFileAdapter
  articles: Record<string, Article>
  /** Records deleted for good (sync/merge-shard.ts): a synced copy must not bring them back. */
  removed: Record<string, Tombstone>
}

export class Catalog {
  readonly #shards = new Map<string, Slot>()
  readonly #pending = new Map<string, Pending>()
  /** Shards whose file lacks committed changes (written at the next checkpoint). */
  readonly unwritten = new Set<string>()
  /** Shards that failed to parse and were left on disk as they are: never written over. */
  readonly #damaged = new Set<string>()
  #gen = 0
  #commits: CatalogCommits | null = null
  readonly #assertWritable: () => void
  /** Stamps this device's edits (sync/stamp.ts). */
  readonly #device: string
  /**
   * Each shard file's size and mtime as this process last read or wrote it: a different one
   * on disk means the sync engine replaced it, and it is merged before it is written over.
   */
  readonly diskStamps = new Map<string, string>()

  private constructor(assertWritable: () => void, device: string) {
    this.#assertWritable = assertWritable
    this.#device = device
  }

  /**
   * Load every shard, then replay `tail` over them (the shards it changes are marked
   * unwritten). A damaged shard goes to `recover`; one it cannot restore stays empty in
   * memory (and untouched on disk). Without `recover`, throws DamagedFileError.
   */
  static async open(
    layout: ArchiveLayout,
    steps: readonly MigrationStep[],
    opts: CatalogOptions & { assertWritable?: () => void } = {},
  ): Promise<Catalog> {
    const catalog = new Catalog(opts.assertWritable ?? (() => {}), layout.deviceId)
    const upgrade = (raw: unknown) => (steps.length ? upgradeShard(raw, steps) : raw)
    await mapLimit(allShardKeys(), OPEN_CONCURRENCY, async (key) => {
      const verified = opts.verified && !steps.length ? { shards: opts.verified, key } : undefined
      const adapter = new ShardFileAdapter(shardPath(layout, key), upgrade, opts.write, verified)
      const slot: Slot = { adapter, articles: {}, removed: {} }
      try {
        catalog.diskStamps.set(key, shardStamp(adapter.path))
        const data = await readOrRecover(adapter, opts.recover)
        if (data === false) catalog.#damaged.add(key)
        else {
          slot.articles = data?.articles ?? {}
          slot.removed = data?.removed ?? {}
        }
      } finally {
        catalog.#shards.set(key, slot)
      }
      if (steps.length && Object.keys(slot.articles).length) catalog.unwritten.add(key)
    })
    catalog.replay(opts.tail ?? [], opts.stepsFor ?? (() => []))
    return catalog
  }

  /** Connect the committer; until then (read-only) flush() refuses changes. */
  attach(commits: CatalogCommits): void {
    this.#commits = commits
  }

  /**
   * Apply committed entries over the records in memory (idempotent: each holds whole
   * records). Records that fail the schema are skipped. Returns the ids that changed.
   */
  replay(entries: readonly JournalEntry[], stepsFor: (v: number) => readonly MigrationStep[]) {
    const changed = new Set<string>()
    for (const entry of entries) {
      const steps = stepsFor(entry.v)
      for (const raw of entry.put ?? []) {
        const parsed = ArticleSchema.safeParse(steps.length ? upgradeRecord(raw, steps) : raw)
        if (!parsed.success) continue
        const a = parsed.data
        const slot = this.#slot(a.id)
        if (this.#damaged.has(shardKey(a.id))) continue
        // The shard file may hold a newer copy from another device (synced in while this
        // change waited here for a checkpoint): merged, never replaced by this older state.
        const had = slot.articles[a.id]
        const tomb = slot.removed[a.id]
        if (!had && tomb && stampTime(tomb.at) >= lastChange(a)) continue
        const next = had && !includesChanges(a, had) ? mergeRecords(had, a).record : a
        if (JSON.stringify(had) === JSON.stringify(next)) continue
        slot.articles[a.id] = next
        changed.add(a.id)
      }
      for (const id of entry.del ?? []) {
        const slot = this.#shards.get(shardKey(id))
        if (!slot || this.#damaged.has(shardKey(id)) || !Object.hasOwn(slot.articles, id)) continue
        delete slot.articles[id]
        slot.removed[id] ??= { at: stampOf(entry.at, this.#device), seen: [this.#device] }
        changed.add(id)
      }
    }
    for (const id of changed) this.unwritten.add(shardKey(id))
    return changed
  }

  /**
   * Read-only: read shard `key` again from its file (a writer changed it). The ids whose
   * record changed; none when the file cannot be read now (it is kept as it was).
   */
  async reload(key: string): Promise<string[]> {
    const slot = this.#shards.get(key)!
    let data: Shard | null
    try {
      data = await slot.adapter.read()
    } catch {
      return []
    }
    const next = data?.articles ?? {}
    const changed = [...new Set([...Object.keys(slot.articles), ...Object.keys(next)])].filter(
      (id) => JSON.stringify(slot.articles[id]) !== JSON.stringify(next[id]),
    )
    slot.articles = next
    slot.removed = data?.removed ?? {}
    this.#damaged.delete(key)
    return changed
  }

  /** Shard keys left damaged on disk (their articles are missing from this catalog). */
  get damagedShards(): string[] {
    return [...this.#damaged].sort()
  }

  isDamaged(key: string): boolean {
    return this.#damaged.has(key)
  }

  get(id: string): Article | undefined {
    return this.#slot(id).articles[id]
  }

  has(id: string): boolean {
    return Object.hasOwn(this.#slot(id).articles, id)
  }

  /**
   * Insert or replace a record (a new object: records are never changed in place). What
   * changed is stamped in its clock, for merging with another device's copy; `merged`
   * records come from such a merge and keep the clock they have.
   */
  put(article: Article, opts: { merged?: boolean } = {}): void {
    const slot = this.#slot(article.id)
    this.#touch(article.id, slot)
    const prev = slot.articles[article.id]
    slot.articles[article.id] = opts.merged
      ? article
      : stampChanges(prev, article, stampOf(new Date(), this.#device))
  }

  /** Delete a record for good; a tombstone keeps a synced copy from bringing it back. */
  remove(id: string, tombstone?: Tombstone): void {
    const slot = this.#slot(id)
    if (tombstone) slot.removed[id] = tombstone
    if (!Object.hasOwn(slot.articles, id)) return
    this.#touch(id, slot)
    delete slot.articles[id]
    slot.removed[id] ??= { at: stampOf(new Date(), this.#device), seen: [this.#device] }
  }

  /**
   * Sign every tombstone as seen here and drop the expired (sync/tombstones.ts); a shard
   * that changed is written by the next checkpoint. Returns how many were dropped.
   */
  tendTombstones(devices: readonly string[], nowMs: number): number {
    let dropped = 0
    for (const [key, slot] of this.#shards) {
      if (this.#damaged.has(key)) continue
      const care = tendTombstones(slot.removed, this.#device, devices, nowMs)
      if (!care.changed) continue
      dropped += Object.keys(slot.removed).length - Object.keys(care.removed).length
      slot.removed = care.removed
      this.unwritten.add(key)
    }
    return dropped
  }

  /** Replace a shard's tombstones with merged ones (sync/merge-files.ts). */
  setTombstones(key: string, removed: Record<string, Tombstone>): void {
    this.#shards.get(key)!.removed = { ...removed }
  }

  *all(): IterableIterator<Article> {
    for (const slot of this.#shards.values()) yield* Object.values(slot.articles)
  }

  /**
   * Records in one shard ('5c') as its file on disk holds them. Throws when the shard has
   * changes not written yet: then memory does not say what the file holds.
   */
  shardSize(key: string): number {
    if (this.unwritten.has(key) || this.#pendingIn(key))
      throw new Error(`catalog/${key}.json has changes not yet saved`)
    const slot = this.#shards.get(key)
    return slot ? Object.keys(slot.articles).length : 0
  }

  get size(): number {
    let n = 0
    for (const slot of this.#shards.values()) n += Object.keys(slot.articles).length
    return n
  }

  /**
   * Make every change since the last flush durable, as one journal entry. When that fails,
   * the changes are undone in memory and QuireError('IO') is thrown; inside batch(), the
   * failure is held instead. Throws READ_ONLY when this process may not write.
   */
  async flush(): Promise<void> {
    if (!this.#commits) {
      if (this.#pending.size || this.unwritten.size) this.#assertWritable()
      return
    }
    await this.#commits.flush()
  }

  /**
   * Run a batch of changes (an import) whose per-item results must survive a failed flush:
   * flushes inside it do not throw; at its end one more flush is tried, and what still
   * cannot be saved is undone in memory and returned, for the caller to report per item.
   */
  batch<T>(fn: () => Promise<T>): Promise<{ value: T; unsaved: UnsavedChanges | null }> {
    if (!this.#commits) this.#assertWritable()
    if (!this.#commits) throw new QuireError('READ_ONLY', 'This archive is read-only here.')
    return this.#commits.batch(fn)
  }

  // ---- for the committer ----

  get hasPending(): boolean {
    return this.#pending.size > 0
  }

  /** The uncommitted changes as they stand (the caller journals them, then settles). */
  takePending(): PendingChanges {
    const put: Article[] = []
    const del: string[] = []
    const taken = new Map<string, { gen: number; value: Article | undefined }>()
    for (const [id, p] of this.#pending) {
      const value = this.get(id)
      if (value) put.push(value)
      else del.push(id)
      taken.set(id, { gen: p.gen, value })
    }
    return { put, del, taken }
  }

  /** Taken changes are committed: forget those not changed again since; shards unwritten. */
  settle(taken: PendingChanges['taken']): void {
    for (const [id, t] of taken) {
      const p = this.#pending.get(id)
      if (!p) continue
      if (p.gen === t.gen) this.#pending.delete(id)
      else p.prev = t.value
      this.unwritten.add(shardKey(id))
    }
  }

  /** Undo every uncommitted change in memory; the ids whose record went back. */
  revertPending(): string[] {
    const ids = [...this.#pending.keys()]
    for (const [id, p] of this.#pending) {
      const slot = this.#slot(id)
      if (p.prev) slot.articles[id] = p.prev
      else delete slot.articles[id]
    }
    this.#pending.clear()
    return ids
  }

  /** The shard as committed (uncommitted changes left out), for writing to its file. */
  committedShard(key: string): Shard {
    const slot = this.#shards.get(key)!
    const removed = Object.keys(slot.removed).length ? { removed: slot.removed } : {}
    if (!this.#pendingIn(key)) return { articles: slot.articles, ...removed }
    const articles = { ...slot.articles }
    for (const [id, p] of this.#pending) {
      if (shardKey(id) !== key) continue
      if (p.prev) articles[id] = p.prev
      else delete articles[id]
    }
    return { articles, ...removed }
  }

  adapter(key: string): ShardFileAdapter {
    return this.#shards.get(key)!.adapter
  }

  #touch(id: string, slot: Slot): void {
    const p = this.#pending.get(id)
    if (p) p.gen = ++this.#gen
    else this.#pending.set(id, { prev: slot.articles[id], gen: ++this.#gen })
  }

  #pendingIn(key: string): boolean {
    for (const id of this.#pending.keys()) if (shardKey(id) === key) return true
    return false
  }

  #slot(id: string): Slot {
    const slot = this.#shards.get(shardKey(id))
    if (!slot) throw new Error(`no catalog shard for id ${id}`)
    return slot
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
