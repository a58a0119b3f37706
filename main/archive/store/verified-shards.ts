// Which catalog shard files hold bytes that already passed the shard schema:
// index/verified-shards.json maps a shard key to the SHA-256 of bytes this archive validated
// on an open or wrote itself from validated records (a checkpoint). An open then skips the
// schema for a file whose bytes hash to the recorded value: the schema is the costliest part
// of reading the catalog (about 1.5x the JSON parse at 10k articles, measured with
// test/bench), hashing costs a few percent of it. Any other bytes (a file edited, synced
// in, restored, damaged) are validated as before. Derived data like the rest of index/: a
// missing or unreadable file only means every shard is validated once more. It names the
// schema version it was made under: another version validates everything again.
import { hash } from 'node:crypto'
import { mkdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { replaceFileUnsynced } from './atomic-write.ts'
import type { ArchiveLayout } from './layout.ts'

const FILE = 'verified-shards.json'

export class VerifiedShards {
  readonly #path: string
  readonly #schema: number
  readonly #digests: Map<string, string>
  #changed = false

  private constructor(path: string, schema: number, digests: Map<string, string>) {
    this.#path = path
    this.#schema = schema
    this.#digests = digests
  }

  /** The record as last saved under `schema`; empty when there is none or it cannot be read. */
  static async load(layout: ArchiveLayout, schema: number): Promise<VerifiedShards> {
    const path = join(layout.indexDir, FILE)
    const digests = new Map<string, string>()
    try {
      const raw = JSON.parse(await readFile(path, 'utf8')) as { schema?: unknown; shards?: unknown }
      if (raw.schema === schema && raw.shards && typeof raw.shards === 'object') {
        for (const [key, value] of Object.entries(raw.shards)) {
          if (typeof value === 'string') digests.set(key, value)
        }
      }
    } catch {
      // missing or damaged: nothing is taken as verified
    }
    return new VerifiedShards(path, schema, digests)
  }

  /** The digest the record keeps for `bytes`. */
  static digest(bytes: Uint8Array): string {
    return hash('sha256', bytes, 'base64')
  }

  /** Whether shard `key`'s file, now `digest`, holds bytes validated before. */
  has(key: string, digest: string): boolean {
    return this.#digests.get(key) === digest
  }

  /** Shard `key`'s file now holds validated bytes of this digest. */
  set(key: string, digest: string): void {
    if (this.#digests.get(key) === digest) return
    this.#digests.set(key, digest)
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
      const record = { schema: this.#schema, shards: Object.fromEntries(this.#digests) }
      await replaceFileUnsynced(this.#path, JSON.stringify(record))
    } catch {
      this.#changed = true
    }
  }
}
