// A catalog shard on disk: read through the shard schema, written as JSON built record by
// record. The bytes are exactly JSON.stringify(shard)'s; what differs is the garbage left.
//
// Why: one JSON.stringify of a 400-record shard is a 500 KB string, which V8 puts straight
// into its old generation (large-object space), and its UTF-8 copy on top; a run of edits
// then grows the main process's heap by ~100 MB before a full collection runs. Record-sized
// strings die in the young generation, at once.
import { writeFileAtomic, type FileWriter } from './atomic-write.ts'
import { JsonFileAdapter } from './json-file-adapter.ts'
import { ShardSchema, type Shard } from './shard-schema.ts'

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

  constructor(
    path: string,
    upgrade: (raw: unknown) => unknown,
    write: FileWriter = writeFileAtomic,
  ) {
    super(path, ShardSchema, upgrade, write)
    this.#writeFile = write
  }

  override async write(data: Shard): Promise<void> {
    await this.#writeFile(this.path, serializeShard(data))
  }
}
