// The index worker: owns the SQLite search index and does all indexing and querying off the
// main process's event loop. Reads shards and bodies from disk itself to keep main light.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { htmlToText } from '../../../shared/html-text.ts'
import { journalTail, readCommittedShard } from './committed-shards.ts'
import { SearchIndex } from './search-index.ts'
import { archiveLayout } from '../store/layout.ts'
import { shardStamp } from '../store/shard-stamp.ts'
import type { WorkerMessage, WorkerRequest, WorkerResponseBody } from './index-protocol.ts'
import { connectWorkerPort } from './worker-port.ts'

const port = connectWorkerPort()
const { root } = port
const indexPath = port.indexPath ?? join(archiveLayout(root).indexDir, 'search.sqlite')
/** Null when the index cannot be opened: every request then answers why, in words. */
let index: SearchIndex | null = null
let openError: string | null = null
try {
  index = new SearchIndex(indexPath)
} catch (err) {
  openError = `the search index ${indexPath} cannot be opened: ${(err as Error).message}`
}

function bodyText(id: string): string {
  try {
    return htmlToText(readFileSync(join(root, 'content', `${id}.html`), 'utf8'))
  } catch {
    return '' // a missing body is reported when the article is opened, not here
  }
}

/** Reindex every shard whose file changed since the index last saw it. */
function sync(index: SearchIndex): WorkerResponseBody {
  const started = performance.now()
  const tail = journalTail(root)
  const known = index.shardStamps()
  const keys = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'))
  // A shard with journaled changes its file lacks is read again too (mid-import, read-only).
  const stale = keys.filter(
    (k) => tail.has(k) || known.get(k) !== shardStamp(join(root, 'catalog', `${k}.json`)),
  )
  let reindexed = 0
  // An index with nothing in it (new, rebuilt, outdated) is filled in bulk (search-index.ts).
  const empty = known.size === 0 && index.count() === 0
  const syncShard = (key: string, i: number) => {
    const stamp = shardStamp(join(root, 'catalog', `${key}.json`))
    const articles = readCommittedShard(root, key, tail)
    index.transaction(() => {
      const indexed = empty ? [] : index.idsInShard(key)
      const present = new Set(articles.map((a) => a.id))
      for (const id of indexed) if (!present.has(id)) index.remove(id)
      // A shard the index has never seen (a new or rebuilt index) needs no per-row removal.
      const fresh = indexed.length === 0
      for (const a of articles) index.upsert(a, bodyText(a.id), fresh)
      index.setShardStamp(key, stamp)
    })
    reindexed += articles.length
    post({ id: null, progress: { done: i + 1, total: stale.length } })
  }
  if (empty) index.bulkBuild(() => stale.forEach(syncShard))
  else stale.forEach(syncShard)
  return {
    type: 'synced',
    reindexed,
    shards: stale.length,
    ms: Math.round(performance.now() - started),
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
  }
}

function handle(req: WorkerRequest): WorkerResponseBody {
  const db = index
  if (!db) {
    if (req.type === 'close') return { type: 'closed' }
    throw new Error(openError ?? 'the search index is not open')
  }
  switch (req.type) {
    case 'sync':
      return sync(db)
    case 'update':
      db.transaction(() => {
        for (const id of req.removed) db.remove(id)
        for (const a of req.articles) db.upsert(a, bodyText(a.id))
        for (const [key, stamp] of Object.entries(req.stamps)) db.setShardStamp(key, stamp)
      })
      return { type: 'updated' }
    case 'search':
      return {
        type: 'page',
        page: db.search(req.query, req.view, req.sort, req.order, req.offset, req.limit),
      }
    case 'close':
      db.close()
      return { type: 'closed' }
  }
}

function post(msg: WorkerMessage): void {
  port.post(msg)
}

/** SQLite's words for a damaged file: the index is derived, so it is rebuilt, not repaired. */
function isCorruption(err: unknown): boolean {
  return /malformed|not a database|corrupt|vtable constructor failed/i.test(
    (err as Error).message ?? '',
  )
}

/** Set the damaged index aside, start an empty one and fill it from the catalog. */
function rebuild(): void {
  try {
    index?.close()
  } catch {
    // already unusable
  }
  index = new SearchIndex(indexPath, { discard: true })
  sync(index)
}

port.onMessage((raw) => {
  const msg = raw as { id: number; req: WorkerRequest }
  try {
    post({ id: msg.id, ok: true, body: handle(msg.req) })
  } catch (err) {
    let failure = err
    if (isCorruption(err) && msg.req.type !== 'close') {
      try {
        rebuild()
        post({ id: msg.id, ok: true, body: handle(msg.req) })
        return
      } catch (again) {
        failure = again
      }
    }
    post({ id: msg.id, ok: false, error: { message: (failure as Error).message } })
  }
  if (msg.req.type === 'close') port.close()
})
