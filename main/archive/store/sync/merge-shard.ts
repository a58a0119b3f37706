// Two copies of a catalog shard made one, record by record (merge-record.ts). A record one
// side deleted for good (emptied from the trash) is a tombstone there: it stays deleted
// unless the other side changed it after the deletion, in which case the change is kept.
import type { Article } from '../../../../shared/model.ts'
import { lastChange, mergeRecords } from './merge-record.ts'
import { stampTime } from './stamp.ts'

/** A record deleted for good: when (a stamp), and the devices that have seen it since. */
export interface Tombstone {
  at: string
  seen: string[]
}

export interface SyncShard {
  articles: Record<string, Article>
  removed?: Record<string, Tombstone>
}

export interface ShardMerge {
  shard: SyncShard
  /** Ids whose record differs from `a`'s (what the side merging into `a` must update). */
  changed: string[]
  notesKeptBoth: number
}

export function mergeTombstones(a: Tombstone | undefined, b: Tombstone | undefined) {
  if (!a || !b) return a ?? b
  return { at: a.at > b.at ? a.at : b.at, seen: [...new Set([...a.seen, ...b.seen])].sort() }
}

export function mergeShards(a: SyncShard, b: SyncShard): ShardMerge {
  const articles: Record<string, Article> = {}
  const removed: Record<string, Tombstone> = {}
  const changed: string[] = []
  let notesKeptBoth = 0
  const ids = new Set([
    ...Object.keys(a.articles),
    ...Object.keys(b.articles),
    ...Object.keys(a.removed ?? {}),
    ...Object.keys(b.removed ?? {}),
  ])
  for (const id of [...ids].sort()) {
    const ra = a.articles[id]
    const rb = b.articles[id]
    let record: Article | undefined
    if (ra && rb) {
      const m = mergeRecords(ra, rb)
      record = m.record
      notesKeptBoth += m.notesKeptBoth
    } else record = ra ?? rb
    const tomb = mergeTombstones(a.removed?.[id], b.removed?.[id])
    // A change made after the deletion (a note added on the other device) outlives it.
    if (record && tomb && stampTime(tomb.at) >= lastChange(record)) record = undefined
    if (record) articles[id] = record
    if (tomb) removed[id] = tomb
    if (JSON.stringify(record) !== JSON.stringify(ra)) changed.push(id)
  }
  const shard: SyncShard = { articles }
  if (Object.keys(removed).length) shard.removed = removed
  return { shard, changed, notesKeptBoth }
}
