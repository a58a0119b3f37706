// Makes the catalog's and the manifest's changes durable. A commit is one journal append
// and one fdatasync: the changes of one operation (a bulk edit of 300 articles, a tag
// renamed with its colour) become durable together or not at all. The shard files and
// quire.json are then replaced without an fsync of their own; a checkpoint fsyncs them and
// starts a new journal segment, every CHECKPOINT_BYTES of journal and on close and backup.
//
// Cost (the README's figures): a write is one fdatasync of a line of a few KB, against one
// fsync of a whole shard and one of its folder for a plain durable shard write.
import { open } from 'node:fs/promises'
import { QuireError } from '../../../shared/errors.ts'
import { replaceFile, replaceFileUnsynced, syncDirectory, type FileWriter } from './atomic-write.ts'
import type { Catalog, UnsavedChanges } from './catalog.ts'
import type { Journal } from './journal.ts'
import type { SegmentSince } from './journal-format.ts'
import type { ArchiveLayout } from './layout.ts'
import { shardPath } from './layout.ts'
import { serializeShard } from './shard-file.ts'
import { describeWriteError } from './write-failure.ts'

/** Journal bytes after which the shards are fsynced and a new segment started. */
export const CHECKPOINT_BYTES = 8 * 1024 * 1024
/** Inside an import, shard files are rewritten after this many committed records. */
const BATCH_WRITE_EVERY = 1000

/** The manifest (quire.json) as the committer sees it. */
export interface ManifestLink {
  /** The manifest's current data, for a commit that carries it. */
  data(): Record<string, unknown>
  /** Put the last committed manifest back in memory (a failed commit). */
  restore(committed: string): void
}

export interface CommitterOptions {
  layout: ArchiveLayout
  journal: Journal
  catalog: Catalog
  manifest: ManifestLink
  /** The manifest as loaded (its JSON): what is committed until the next commit. */
  committedManifest: string
  schemaVersion: number
  /** Tests inject a failing writer (a full disk); it then writes shards both ways. */
  write?: FileWriter
  assertWritable: () => void
}

export class Committer {
  readonly #o: CommitterOptions
  readonly #durable: FileWriter
  readonly #lazy: FileWriter
  #chain: Promise<unknown> = Promise.resolve()
  #holding = false
  #manifestStaged = false
  #manifestUnwritten = false
  #manifestUnsynced = false
  #committedManifest: string
  #sinceShardWrite = 0

  constructor(opts: CommitterOptions) {
    this.#o = opts
    this.#durable = opts.write ?? writeDurably
    this.#lazy = opts.write ?? replaceFileUnsynced
    this.#committedManifest = opts.committedManifest
  }

  /** The next commit carries the manifest as it is in memory then. */
  stageManifest(): void {
    this.#manifestStaged = true
  }

  /** Commit what is pending; see Catalog.flush for the contract. */
  async flush(): Promise<void> {
    const failure = await this.#serial(() => this.#commit())
    if (!failure) return
    if (this.#holding) return // batch() retries and reports it
    this.#revert()
    throw new QuireError('IO', `Could not save the change: ${describeWriteError(failure.error)}.`)
  }

  async batch<T>(fn: () => Promise<T>): Promise<{ value: T; unsaved: UnsavedChanges | null }> {
    if (this.#holding) throw new Error('Catalog.batch does not nest')
    this.#holding = true
    let value: T
    try {
      value = await fn()
    } finally {
      this.#holding = false
    }
    const failure = await this.#serial(() => this.#commit())
    if (!failure) return { value, unsaved: null }
    return { value, unsaved: { ids: this.#revert(), error: failure.error } }
  }

  /**
   * Every committed change into the shard files and quire.json, fsynced, and a new journal
   * segment begun. Throws the fs error when a file cannot be written (the journal still
   * holds every change, so nothing is lost; the next open replays it).
   */
  checkpoint(since: SegmentSince = 'checkpoint'): Promise<void> {
    return this.#serial(() => this.#checkpoint(since))
  }

  /** Write what memory holds and the files lack (after an open replayed the journal). */
  writeUnwritten(): Promise<void> {
    return this.#serial(() => this.#writeFiles(this.#durable))
  }

  /** Checkpoint if anything was committed since the last one; then let the journal go. */
  async close(): Promise<void> {
    try {
      if (this.#o.journal.hasChanges) await this.checkpoint()
    } finally {
      await this.#serial(() => this.#o.journal.close())
    }
  }

  /** Commits run one at a time, in call order: a group commit forms behind a running one. */
  #serial<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.#chain.then(fn, fn)
    this.#chain = run.catch(() => {})
    return run
  }

  async #commit(): Promise<{ error: unknown } | null> {
    const { catalog, journal } = this.#o
    if (!catalog.hasPending && !this.#manifestStaged) {
      // Nothing new; a batch that just ended still has its shard files to write.
      if (!this.#holding && (catalog.unwritten.size || this.#manifestUnwritten)) {
        await this.#writeFiles(this.#lazy).catch(() => {})
      }
      return null
    }
    this.#o.assertWritable()
    const pending = catalog.takePending()
    const manifest = this.#manifestStaged ? this.#o.manifest.data() : undefined
    const manifestJson = manifest ? JSON.stringify(manifest) : null
    try {
      await journal.commit({
        v: this.#o.schemaVersion,
        ...(pending.put.length ? { put: pending.put } : {}),
        ...(pending.del.length ? { del: pending.del } : {}),
        ...(manifest ? { manifest } : {}),
      })
    } catch (error) {
      return { error }
    }
    catalog.settle(pending.taken)
    if (manifestJson !== null) {
      this.#committedManifest = manifestJson
      this.#manifestStaged = false
      this.#manifestUnwritten = true
    }
    this.#sinceShardWrite += pending.taken.size
    // The change is durable: writing the files is catching up, and a failure is not the
    // change's (the journal replays it); the next write or checkpoint tries again.
    if (!this.#holding || this.#sinceShardWrite >= BATCH_WRITE_EVERY) {
      await this.#writeFiles(this.#lazy).catch(() => {})
    }
    if (journal.segmentBytes >= CHECKPOINT_BYTES) await this.#checkpoint().catch(() => {})
    return null
  }

  /** Write the unwritten shards and quire.json with `write` (lazy or durable). */
  async #writeFiles(write: FileWriter): Promise<void> {
    const { catalog, layout } = this.#o
    this.#sinceShardWrite = 0
    const durable = write !== this.#lazy || this.#o.write !== undefined
    let failure: unknown = null
    for (const key of [...catalog.unwritten]) {
      if (catalog.isDamaged(key)) continue
      try {
        await write(shardPath(layout, key), serializeShard(catalog.committedShard(key)))
        catalog.unwritten.delete(key)
        if (durable) catalog.unsynced.delete(key)
        else catalog.unsynced.add(key)
      } catch (err) {
        failure ??= err
      }
    }
    if (this.#manifestUnwritten) {
      try {
        await write(layout.manifest, this.#committedManifest)
        this.#manifestUnwritten = false
        this.#manifestUnsynced = !durable
      } catch (err) {
        failure ??= err
      }
    }
    if (failure) throw failure
  }

  async #checkpoint(since: SegmentSince = 'checkpoint'): Promise<void> {
    const { catalog, layout, journal } = this.#o
    await this.#writeFiles(this.#durable)
    for (const key of [...catalog.unsynced]) {
      await fsyncFile(shardPath(layout, key))
      catalog.unsynced.delete(key)
    }
    if (this.#manifestUnsynced) await fsyncFile(layout.manifest)
    this.#manifestUnsynced = false
    await syncDirectory(layout.catalogDir)
    await syncDirectory(layout.root)
    await journal.rotate(since)
  }

  /**
   * An operation failed before it committed: undo what it changed in memory, so the next
   * operation's commit does not carry half of it.
   */
  rollback(): Promise<string[]> {
    return this.#serial(async () => this.#revert())
  }

  /** Undo the uncommitted changes in memory, the manifest's too; the record ids undone. */
  #revert(): string[] {
    if (this.#manifestStaged) this.#o.manifest.restore(this.#committedManifest)
    this.#manifestStaged = false
    return this.#o.catalog.revertPending()
  }
}

async function writeDurably(path: string, data: string | Uint8Array): Promise<void> {
  await replaceFile(path, data)
}

async function fsyncFile(path: string): Promise<void> {
  const handle = await open(path, 'r').catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') return null
    throw err
  })
  if (!handle) return
  try {
    await handle.sync()
  } finally {
    await handle.close()
  }
}
