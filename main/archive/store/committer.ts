// Makes the catalog's and the manifest's changes durable. A commit is one journal append
// and one fdatasync: the changes of one operation (a bulk edit of 300 articles, a tag
// renamed with its colour) become durable together or not at all. The shard files and
// quire.json are not touched by a commit: a checkpoint writes the shards the journal's
// newest segment changed (each fsynced, then the folder once) and starts a new segment,
// every CHECKPOINT_BYTES of journal, when the archive has been idle a while (core/
// housekeeping.ts), and on close and backup. Until then an open, a reader and the index
// lay the newest segment over the files (load-archive.ts, follow.ts, committed-shards.ts).
//
// Why not rewrite the shard after each commit, even unsynced: at 10k articles that rewrite
// (a 300 KB shard serialised, written, renamed) made a tag edit 6.4x the journal append
// alone; a change is durable at the append, and the files only need catching up before the
// segment they replay from is dropped.
import { QuireError } from '../../../shared/errors.ts'
import { replaceFile, syncDirectory, type FileWriter } from './atomic-write.ts'
import type { Catalog, UnsavedChanges } from './catalog.ts'
import type { Journal } from './journal.ts'
import type { SegmentSince } from './journal-format.ts'
import type { ArchiveLayout } from './layout.ts'
import { shardPath } from './layout.ts'
import { serializeShard } from './shard-file.ts'
import { shardStamp } from './shard-stamp.ts'
import { VerifiedShards } from './verified-shards.ts'
import { describeWriteError } from './write-failure.ts'

/** Journal bytes after which the shards are written and a new segment started. */
export const CHECKPOINT_BYTES = 8 * 1024 * 1024

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
  /** The record of validated shard bytes: a checkpoint's shards are written from records. */
  verified?: VerifiedShards
  /** Tests inject a failing writer (a full disk). */
  write?: FileWriter
  assertWritable: () => void
  /**
   * A shard or quire.json changed on disk since this process read or wrote it (the sync
   * engine brought another device's copy): it is not written over; this is called so the
   * copy is merged in first (sync/sync-watch.ts), and the write comes after.
   */
  onChangedOnDisk?: () => void
}

/** A file the sync engine replaced: merged before it is written (compare before replace). */
export class ChangedOnDiskError extends Error {
  readonly path: string
  constructor(path: string) {
    super(`${path} changed on disk; it is merged before it is written`)
    this.path = path
  }
}

export class Committer {
  readonly #o: CommitterOptions
  readonly #write: FileWriter
  #chain: Promise<unknown> = Promise.resolve()
  #holding = false
  #manifestStaged = false
  #manifestUnwritten = false
  #committedManifest: string
  /** quire.json's stamp as last read or written here (see Catalog.diskStamps). */
  manifestStamp: string

  constructor(opts: CommitterOptions) {
    this.#o = opts
    this.#write = opts.write ?? writeDurably
    this.#committedManifest = opts.committedManifest
    this.manifestStamp = shardStamp(opts.layout.manifest)
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
   * segment begun. Returns the shard keys whose file it wrote. Throws the fs error when a
   * file cannot be written (the journal still holds every change, so nothing is lost; the
   * next open replays it).
   */
  checkpoint(since: SegmentSince = 'checkpoint'): Promise<string[]> {
    return this.#serial(() => this.#checkpoint(since))
  }

  /** Whether committed changes wait for a checkpoint (the newest segment holds any). */
  get hasUncheckpointed(): boolean {
    return this.#o.journal.hasChanges || this.#o.catalog.unwritten.size > 0
  }

  /** Checkpoint if anything was committed since the last one; then let the journal go. */
  async close(): Promise<void> {
    try {
      if (this.hasUncheckpointed) await this.checkpoint()
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
    if (!catalog.hasPending && !this.#manifestStaged) return null
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
    // The change is durable; the files catch up at the next checkpoint. A failed one is
    // not the change's (the journal replays it): the next checkpoint tries again.
    if (journal.segmentBytes >= CHECKPOINT_BYTES) await this.#checkpoint().catch(() => {})
    return null
  }

  /** Write the unwritten shards and quire.json, each fsynced; the shard keys written. */
  async #writeFiles(): Promise<string[]> {
    const { catalog, layout } = this.#o
    const written: string[] = []
    let failure: unknown = null
    for (const key of [...catalog.unwritten]) {
      if (catalog.isDamaged(key)) continue
      const path = shardPath(layout, key)
      if (shardStamp(path) !== catalog.diskStamps.get(key)) {
        failure ??= new ChangedOnDiskError(path)
        this.#o.onChangedOnDisk?.()
        continue
      }
      try {
        const bytes = serializeShard(catalog.committedShard(key))
        await this.#write(path, bytes)
        catalog.diskStamps.set(key, shardStamp(path))
        this.#o.verified?.set(key, VerifiedShards.digest(bytes))
        catalog.unwritten.delete(key)
        written.push(key)
      } catch (err) {
        failure ??= err
      }
    }
    if (this.#manifestUnwritten && shardStamp(layout.manifest) !== this.manifestStamp) {
      failure ??= new ChangedOnDiskError(layout.manifest)
      this.#o.onChangedOnDisk?.()
    } else if (this.#manifestUnwritten) {
      try {
        await this.#write(layout.manifest, this.#committedManifest)
        this.manifestStamp = shardStamp(layout.manifest)
        this.#manifestUnwritten = false
      } catch (err) {
        failure ??= err
      }
    }
    if (failure) throw failure
    return written
  }

  async #checkpoint(since: SegmentSince = 'checkpoint'): Promise<string[]> {
    const { layout, journal } = this.#o
    const written = await this.#writeFiles()
    await syncDirectory(layout.catalogDir)
    await syncDirectory(layout.root)
    await journal.rotate(since)
    await this.#o.verified?.save()
    return written
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
