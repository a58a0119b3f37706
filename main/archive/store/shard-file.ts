// A catalog shard on disk: read through the shard schema, written as JSON built record by
// record. The bytes are exactly JSON.stringify(shard)'s; what differs is the garbage left.
//
// Why: one JSON.stringify of a 400-record shard is a 500 KB string, which V8 puts straight
// into its old generation (large-object space), and its UTF-8 copy on top; a run of edits
// then grows the main process's heap by ~100 MB before a full collection runs. Record-sized
// strings die in the young generation, at once.
import { closeSync, fstatSync, openSync, readFileSync } from 'node:fs'
import { writeFileAtomic, type FileWriter } from './atomic-write.ts'
import { JsonFileAdapter } from './json-file-adapter.ts'
import { compact, ShardSchema, type Shard } from './shard-schema.ts'
import { fileIdentity, settledIdentity, VerifiedShards } from './verified-shards.ts'

/** The shard's JSON as UTF-8 bytes, identical to Buffer.from(JSON.stringify(shard)). */
export function serializeShard(shard: Shard): Buffer {
  const parts: Buffer[] = [Buffer.from('{"articles":{')]
  let sep = ''
  for (const [id, article] of Object.entries(shard.articles)) {
    parts.push(Buffer.from(`${sep}${JSON.stringify(id)}:${JSON.stringify(article)}`))
    sep = ','
  }
  parts.push(Buffer.from('}'))
  if (shard.removed && Object.keys(shard.removed).length) {
    parts.push(Buffer.from(`,"removed":${JSON.stringify(shard.removed)}`))
  }
  parts.push(Buffer.from('}'))
  return Buffer.concat(parts)
}

export class ShardFileAdapter extends JsonFileAdapter<Shard> {
  readonly #writeFile: FileWriter
  readonly #verified: { shards: VerifiedShards; key: string } | undefined

  /**
   * With `verified` (an open with no migration to run), bytes validated before are parsed
   * without the schema (see verified-shards.ts), and bytes that pass it are recorded.
   */
  constructor(
    path: string,
    upgrade: (raw: unknown) => unknown,
    write: FileWriter = writeFileAtomic,
    verified?: { shards: VerifiedShards; key: string },
  ) {
    super(path, ShardSchema, upgrade, write)
    this.#writeFile = write
    this.#verified = verified
  }

  override async read(): Promise<Shard | null> {
    const v = this.#verified
    if (!v) return super.read()
    // Read synchronously, one whole shard at a time: a shard is ~1 ms of reading next to its
    // parse, and readFileSync's UTF-8 path decodes without the Buffer and copy an async read
    // makes (measured: a tenth of the open's CPU at 100k, with the garbage they leave).
    let fd: number
    try {
      fd = openSync(this.path, 'r')
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null
      throw err
    }
    try {
      const stat = fstatSync(fd, { bigint: true })
      if (v.shards.hasFile(v.key, fileIdentity(stat))) {
        const text = readFileSync(fd, 'utf8')
        try {
          return trustedShard(text)
        } catch {
          // Changed under the file system (a bad sector keeps the identity): the schema's
          // path names the damage and recovery takes over.
          return this.parse(text)
        }
      }
      const bytes = readFileSync(fd)
      const digest = VerifiedShards.digest(bytes)
      const text = bytes.toString('utf8')
      const shard = v.shards.has(v.key, digest) ? trustedShard(text) : this.parse(text)
      v.shards.set(v.key, digest, settledIdentity(stat))
      return shard
    } finally {
      closeSync(fd)
    }
  }

  override async write(data: Shard): Promise<void> {
    await this.#writeFile(this.path, serializeShard(data))
  }
}

/** A shard's text whose bytes passed the schema before: parsed, its strings shared. */
function trustedShard(text: string): Shard {
  // Tombstones too: without them a synced older copy would bring deleted records back.
  const { articles, removed } = JSON.parse(text) as Shard
  for (const article of Object.values(articles)) compact(article)
  return removed && Object.keys(removed).length ? { articles, removed } : { articles }
}
