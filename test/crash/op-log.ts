// The crash child's log of what it did: a `begin` line before each operation, a `done`
// line once its promise resolved (and, for imports, a `progress` line each time an item is
// reported), each fsynced before the next step. The harness checks the archive against it.
import { readFile } from 'node:fs/promises'

export type OpEntry =
  | { seq: number; phase: 'begin'; op: 'import'; titles: string[] }
  | { seq: number; phase: 'progress'; op: 'import'; done: number }
  | { seq: number; phase: 'done'; op: 'import'; items: { id: string; title: string }[] }
  | { seq: number; phase: 'begin' | 'done'; op: 'tag'; id: string; tags: string[] }
  | { seq: number; phase: 'begin' | 'done'; op: 'trash' | 'restore'; ids: string[] }
  | { seq: number; phase: 'begin' | 'done'; op: 'bulk-tag'; ids: string[]; tag: string }
  | { seq: number; phase: 'begin' | 'done'; op: 'empty-trash'; ids: string[] }
  | { seq: number; phase: 'begin' | 'done'; op: 'backup' }
  | { seq: number; phase: 'begin' | 'done'; op: 'annotate'; id: string }

/** The log's entries; a torn last line (the kill landed mid-append) is dropped. */
export async function readOpLog(path: string): Promise<OpEntry[]> {
  const text = await readFile(path, 'utf8').catch(() => '')
  const entries: OpEntry[] = []
  for (const line of text.split('\n')) {
    if (!line) continue
    try {
      entries.push(JSON.parse(line) as OpEntry)
    } catch {
      // only the last line can be torn; a torn `done` means the op counts as in flight
    }
  }
  return entries
}

/** The operation the kill interrupted (begun, not done), with its reported progress. */
export function inFlightOf(entries: OpEntry[]): { op: OpEntry; progress: number } | null {
  const done = new Set(entries.filter((e) => e.phase === 'done').map((e) => e.seq))
  const begun = entries.filter((e) => e.phase === 'begin').at(-1)
  if (!begun || done.has(begun.seq)) return null
  let progress = 0
  for (const e of entries) {
    if (e.seq === begun.seq && e.phase === 'progress') progress = Math.max(progress, e.done)
  }
  return { op: begun, progress }
}
