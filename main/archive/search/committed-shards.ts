// The index worker's view of the catalog: each shard file with the changes committed to the
// journal's newest segments laid over it. A writer's shard files are current between its
// writes, but not in the middle of an import, and a read-only archive indexes what the
// writer has committed, whichever state its files are in.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Article } from '../../../shared/model.ts'
import { archiveLayout } from '../store/layout.ts'
import { parseSegment, segmentName, type JournalEntry } from '../store/journal-format.ts'
import { shardKey } from '../store/layout.ts'

/** Changes per shard key from the journal's newest segment (and any started after it). */
export function journalTail(root: string): Map<string, JournalEntry[]> {
  const dir = archiveLayout(root).journalDir
  let names: string[]
  try {
    names = readdirSync(dir)
      .filter((n) => /^\d{12}\.jsonl$/.test(n))
      .sort()
  } catch {
    return new Map()
  }
  const newest = names.at(-1)
  if (!newest) return new Map()
  const byShard = new Map<string, JournalEntry[]>()
  const start = Number(newest.slice(0, 12))
  try {
    const bytes = readFileSync(join(dir, newest))
    const read = parseSegment({ name: segmentName(start), path: join(dir, newest), start }, bytes)
    for (const e of read.entries) {
      const keys = new Set([
        ...(e.put ?? []).map((r) => shardKey(String(r.id))),
        ...(e.del ?? []).map(shardKey),
      ])
      for (const k of keys) byShard.set(k, [...(byShard.get(k) ?? []), e])
    }
  } catch {
    // removed by a checkpoint meanwhile: the shard files hold it all then
  }
  return byShard
}

/** The articles of shard `key`: its file, then its journaled changes in order. */
export function readCommittedShard(
  root: string,
  key: string,
  tail: Map<string, JournalEntry[]>,
): Article[] {
  let articles: Record<string, Article> = {}
  try {
    const raw = JSON.parse(readFileSync(join(root, 'catalog', `${key}.json`), 'utf8')) as {
      articles?: Record<string, Article>
    }
    articles = raw.articles ?? {}
  } catch {
    // missing or damaged: the store reports damage; the index holds what it can
  }
  for (const e of tail.get(key) ?? []) {
    for (const r of e.put ?? []) {
      if (typeof r.id === 'string' && shardKey(r.id) === key)
        articles[r.id] = r as unknown as Article
    }
    for (const id of e.del ?? []) if (shardKey(id) === key) delete articles[id]
  }
  return Object.values(articles)
}
