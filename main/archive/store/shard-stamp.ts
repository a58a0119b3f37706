// A cheap fingerprint of a catalog shard file (size and mtime), so the index can tell which
// shards changed behind its back without reading them.
import { statSync } from 'node:fs'

export function shardStamp(path: string): string {
  try {
    const s = statSync(path)
    return `${s.size}:${s.mtimeMs}`
  } catch {
    return 'missing'
  }
}
