// Rebuilds a damaged shard or quire.json to its last committed state: a base (a sealed
// backup's verified copy, or nothing at all for an archive whose journal goes back to its
// creation) plus every change the journal holds since that base. When the journal does not
// reach back to any base, the newest backup is used and the gap named: exactly what could
// not be recovered.
import { ArticleSchema } from '../../../shared/model.ts'
import { findBackupBase, type SealedBackup } from './backups.ts'
import {
  listSegments,
  readSegment,
  type JournalEntry,
  type SegmentSince,
} from './journal-format.ts'
import { shardKey, type ArchiveLayout } from './layout.ts'
import type { MigrationStep } from './migrations.ts'
import { upgradeRecord } from './migrations.ts'

export interface Rebuilt {
  bytes: Buffer
  /** The backup the rebuild started from; null when it started from nothing. */
  backup: SealedBackup | null
  /** Journal entries that changed the file's content. */
  changes: number
  /** What could not be recovered, in words; null when nothing was lost. */
  lost: string | null
}

/** Every retained journal entry, in order, and how far back they reach. */
export interface RetainedJournal {
  entries: JournalEntry[]
  /** The seq the oldest segment starts at; changes before it are in no segment. */
  firstSeq: number
  firstAt: string | null
  since: SegmentSince | null
  /** Seqs between firstSeq and the last entry that no good line holds (damaged lines). */
  missing: number[]
}

export async function readRetainedJournal(dir: string): Promise<RetainedJournal> {
  const entries: JournalEntry[] = []
  let first: { start: number; at: string | null; since: SegmentSince | null } | null = null
  for (const file of await listSegments(dir)) {
    const read = await readSegment(file)
    if (!read) continue
    first ??= { start: read.start, at: read.header?.at ?? null, since: read.header?.since ?? null }
    entries.push(...read.entries)
  }
  entries.sort((a, b) => a.seq - b.seq)
  const firstSeq = first?.start ?? 1
  const missing: number[] = []
  let expect = firstSeq
  for (const e of entries) {
    for (; expect < e.seq && missing.length < 1000; expect++) missing.push(expect)
    expect = Math.max(expect, e.seq + 1)
  }
  return { entries, firstSeq, firstAt: first?.at ?? null, since: first?.since ?? null, missing }
}

export interface RebuildOptions {
  layout: ArchiveLayout
  journal: RetainedJournal
  /** Backups already tried for this file (their copy did not read back). */
  skip: ReadonlySet<string>
  stepsFor: (v: number) => readonly MigrationStep[]
}

/** The file rebuilt, or null when there is neither a base nor a backup to start from. */
export async function rebuildFile(rel: string, opts: RebuildOptions): Promise<Rebuilt | null> {
  const { journal } = opts
  const covered = (seq: number) => seq >= journal.firstSeq - 1
  const base = await findBackupBase(opts.layout, rel, opts.skip)
  // A base the journal reaches back to, newest first; with none, the journal's own start
  // when it goes back to the archive's creation; with neither, the newest backup.
  let from: { seq: number; bytes: Buffer | null; backup: SealedBackup | null } | null = null
  if (base && base.journalSeq !== null && covered(base.journalSeq)) {
    from = { seq: base.journalSeq, bytes: base.bytes, backup: base.backup }
  } else if (journal.since === 'creation' && journal.firstSeq === 1) {
    from = { seq: 0, bytes: null, backup: null }
  } else if (base) {
    from = { seq: base.journalSeq ?? -1, bytes: base.bytes, backup: base.backup }
  }
  if (!from) return null
  const later = journal.entries.filter((e) => e.seq > from.seq)
  const isManifest = rel === 'quire.json'
  const rebuilt = isManifest
    ? rebuildManifest(from.bytes, later)
    : rebuildShard(rel.slice('catalog/'.length, -'.json'.length), from.bytes, later, opts)
  if (!rebuilt) return null
  // The manifest is journaled whole: its newest entry is complete whatever came before.
  const complete = covered(from.seq) || (isManifest && rebuilt.changes > 0)
  const holes = journal.missing.filter((s) => s > (rebuilt.since ?? from.seq))
  const lost: string[] = []
  if (!complete) {
    const since = journal.firstAt ? ` and ${journal.firstAt}` : ''
    lost.push(`changes made to it between ${from.backup!.createdAt}${since} were not journaled`)
  }
  if (holes.length) {
    lost.push(
      `${holes.length} journaled change${holes.length === 1 ? '' : 's'} (#${holes.slice(0, 5).join(', #')}) could not be read`,
    )
  }
  if (rebuilt.skipped) lost.push(`${rebuilt.skipped} journaled record(s) failed their check`)
  return {
    bytes: Buffer.from(rebuilt.json),
    backup: from.backup,
    changes: rebuilt.changes,
    lost: lost.length ? lost.join('; ') : null,
  }
}

function rebuildShard(
  key: string,
  base: Buffer | null,
  entries: JournalEntry[],
  opts: RebuildOptions,
): { json: string; changes: number; skipped: number; since?: number } {
  const articles: Record<string, unknown> = base
    ? ((JSON.parse(base.toString('utf8')) as { articles: Record<string, unknown> }).articles ?? {})
    : {}
  let changes = 0
  let skipped = 0
  for (const entry of entries) {
    let touched = false
    const steps = opts.stepsFor(entry.v)
    for (const raw of entry.put ?? []) {
      const parsed = ArticleSchema.safeParse(steps.length ? upgradeRecord(raw, steps) : raw)
      if (!parsed.success) {
        if (typeof raw.id === 'string' && shardKey(raw.id) === key) skipped++
        continue
      }
      if (shardKey(parsed.data.id) !== key) continue
      articles[parsed.data.id] = parsed.data
      touched = true
    }
    for (const id of entry.del ?? []) {
      if (shardKey(id) !== key) continue
      delete articles[id]
      touched = true
    }
    if (touched) changes++
  }
  return { json: JSON.stringify({ articles }), changes, skipped }
}

function rebuildManifest(
  base: Buffer | null,
  entries: JournalEntry[],
): { json: string; changes: number; skipped: number; since?: number } | null {
  const latest = entries.filter((e) => e.manifest).at(-1)
  if (latest) {
    return { json: JSON.stringify(latest.manifest), changes: 1, skipped: 0, since: latest.seq }
  }
  return base ? { json: base.toString('utf8'), changes: 0, skipped: 0 } : null
}
