// Which catalog shard files hold bytes that already passed the shard schema:
// index/verified-shards.json maps a shard key to the SHA-256 of bytes this archive validated
// on an open or wrote itself from validated records (a checkpoint). An open then skips the
// schema for a file whose bytes hash to the recorded value: the schema is the costliest part
// of reading the catalog (about 1.5x the JSON parse at 10k articles, measured with
// test/bench), hashing costs a few percent of it. Any other bytes (a file edited, synced
// in, restored, damaged) are validated as before. Derived data like the rest of index/: a
// missing or unreadable file only means every shard is validated once more. It names the
// schema version it was made under: another version validates everything again.
//
// Hashing every shard was itself a sixth of an open at 100k (the bytes hashed, then decoded
// apart from the read). So the record also keeps each verified file's identity (inode, size,
// mtime and ctime in ns): a file that still has it holds the same bytes, read then with no
// hash. Any write changes the ctime, and a replacement (ours are renames, a sync's or a
// restore's too) the inode. An identity is recorded only once its ctime is IDENTITY_AGE_MS
// old: file times come from a coarse clock, so a change made in the same tick as the one
// recorded could keep every field (git's "racy clean" case); a file written since has a
// newer ctime. A file just written by a checkpoint is hashed once more, at the next open.
import { hash } from 'node:crypto'
import type { BigIntStats } from 'node:fs'
import { mkdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { replaceFileUnsynced } from './atomic-write.ts'
import type { ArchiveLayout } from './layout.ts'

const FILE = 'verified-shards.json'
/** How old a file's ctime must be for its identity to stand for its bytes (see above). */
export const IDENTITY_AGE_MS = 3000

/** A file's identity from a bigint stat: inode, size, mtime and ctime in nanoseconds. */
export function fileIdentity(s: BigIntStats): string {
  return `${s.ino}:${s.size}:${s.mtimeNs}:${s.ctimeNs}`
}

/** Whether `s` is old enough for its identity to be recorded, at `nowMs`. */
export function settledIdentity(s: BigIntStats, nowMs = Date.now()): string | undefined {
  return Number(s.ctimeNs / 1_000_000n) <= nowMs - IDENTITY_AGE_MS ? fileIdentity(s) : undefined
}

export class VerifiedShards {
  readonly #path: string
  readonly #schema: number
  readonly #digests: Map<string, string>
  /** The identity of the file each digest was taken from, once settled (see above). */
  readonly #files: Map<string, string>
  #changed = false

  private constructor(
    path: string,
    schema: number,
    digests: Map<string, string>,
    files: Map<string, string>,
  ) {
    this.#path = path
    this.#schema = schema
    this.#digests = digests
    this.#files = files
  }

  /** The record as last saved under `schema`; empty when there is none or it cannot be read. */
  static async load(layout: ArchiveLayout, schema: number): Promise<VerifiedShards> {
    const path = join(layout.indexDir, FILE)
    const digests = new Map<string, string>()
    const files = new Map<string, string>()
    try {
      const raw = JSON.parse(await readFile(path, 'utf8')) as {
        schema?: unknown
        shards?: unknown
        files?: unknown
      }
      if (raw.schema === schema && raw.shards && typeof raw.shards === 'object') {
        for (const [key, value] of Object.entries(raw.shards)) {
          if (typeof value === 'string') digests.set(key, value)
        }
        for (const [key, value] of Object.entries(raw.files ?? {})) {
          if (typeof value === 'string' && digests.has(key)) files.set(key, value)
        }
      }
    } catch {
      // missing or damaged: nothing is taken as verified
    }
    return new VerifiedShards(path, schema, digests, files)
  }

  /** The digest the record keeps for `bytes`. */
  static digest(bytes: Uint8Array): string {
    return hash('sha256', bytes, 'base64')
  }

  /** Whether shard `key`'s file, now `digest`, holds bytes validated before. */
  has(key: string, digest: string): boolean {
    return this.#digests.get(key) === digest
  }

  /** Whether shard `key`'s file, whose identity is now `file`, holds the bytes validated. */
  hasFile(key: string, file: string): boolean {
    return this.#files.get(key) === file
  }

  /**
   * Shard `key`'s file now holds validated bytes of this digest; `file` is its identity when
   * settled (an unsettled or unknown one is never kept: the next open hashes the file).
   */
  set(key: string, digest: string, file?: string): void {
    if (this.#digests.get(key) === digest && this.#files.get(key) === file) return
    this.#digests.set(key, digest)
    if (file === undefined) this.#files.delete(key)
    else this.#files.set(key, file)
    this.#changed = true
  }

  /**
   * Write the record if it changed (no fsync: a record lost to a power cut costs one more
   * validation). Never throws: the record is an optimisation.
   */
  async save(): Promise<void> {
    if (!this.#changed) return
    this.#changed = false
    try {
      await mkdir(join(this.#path, '..'), { recursive: true })
      const record = {
        schema: this.#schema,
        shards: Object.fromEntries(this.#digests),
        files: Object.fromEntries(this.#files),
      }
      await replaceFileUnsynced(this.#path, JSON.stringify(record))
    } catch {
      this.#changed = true
    }
  }
}
