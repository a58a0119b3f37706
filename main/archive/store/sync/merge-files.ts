// Brings what the sync engine put in the archive folder into the open archive: a shard or
// quire.json it replaced with another device's copy, and the conflict copies it left beside
// them (conflict-names.ts). Each is merged record by record with what this device holds
// (merge-shard.ts, merge-manifest.ts), the result committed through the journal and written
// durably (a checkpoint), and only then is a conflict copy removed: a kill at any point
// leaves the copy to be merged again, which changes nothing twice (the merge is idempotent).
// A copy that cannot be read is never deleted: it moves to this device's unmerged/ folder
// and is named in the report, for the user to look at.
import { mkdir, readdir, readFile, rename, unlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Low } from 'lowdb'
import type { Article } from '../../../../shared/model.ts'
import type { Catalog } from '../catalog.ts'
import type { Committer } from '../committer.ts'
import { allShardKeys, shardPath, type ArchiveLayout } from '../layout.ts'
import { ManifestSchema, type Manifest } from '../manifest.ts'
import { ShardSchema, type Shard } from '../shard-schema.ts'
import { shardStamp } from '../shard-stamp.ts'
import { parseConflictName, type SyncProvider } from './conflict-names.ts'
import { mergeManifests } from './merge-manifest.ts'
import { mergeShards } from './merge-shard.ts'
import { reclaimSwept } from '../swept-files.ts'

export interface MergedFile {
  /** Relative to the archive: 'catalog/5c.json', 'catalog/5c.sync-conflict-….json'. */
  file: string
  /** The engine that left a conflict copy; null for a file it replaced in place. */
  provider: SyncProvider | null
  records: number
  notesKeptBoth: number
}

export interface UnmergedFile {
  file: string
  reason: string
  /** Where the copy is kept now, relative to the archive. */
  keptAt: string
}

export interface SyncMergeReport {
  at: string
  merged: MergedFile[]
  unmerged: UnmergedFile[]
  /** Ids of records that changed here (for the search index). */
  changed: string[]
}

export interface MergeContext {
  layout: ArchiveLayout
  catalog: Catalog
  manifest: Low<Manifest>
  committer: Committer
}

function readJson<T>(text: string, parse: (raw: unknown) => T): T {
  return parse(JSON.parse(text))
}

const parseShard = (raw: unknown): Shard => ShardSchema.parse(raw)
const parseManifest = (raw: unknown): Manifest => ManifestSchema.parse(raw)

/** Merge what the sync engine brought. Call in the write queue (nothing else writing). */
export async function mergeSyncedFiles(ctx: MergeContext): Promise<SyncMergeReport> {
  const { layout, catalog } = ctx
  const report: SyncMergeReport = {
    at: new Date().toISOString(),
    merged: [],
    unmerged: [],
    changed: [],
  }
  const changed = new Set<string>()
  const copies: string[] = []

  const mergeShardFrom = (
    key: string,
    other: Shard,
    file: string,
    provider: SyncProvider | null,
  ) => {
    const mine = catalog.committedShard(key)
    const m = mergeShards(mine, other)
    for (const id of m.changed) {
      const record: Article | undefined = m.shard.articles[id]
      if (record) catalog.put(record, { merged: true })
      else catalog.remove(id, m.shard.removed?.[id])
      changed.add(id)
    }
    catalog.setTombstones(key, m.shard.removed ?? {})
    // The file needs writing when it lacks what this side held.
    if (
      mergeShards(other, mine).changed.length ||
      JSON.stringify(other.removed ?? {}) !== JSON.stringify(m.shard.removed ?? {})
    )
      catalog.unwritten.add(key)
    report.merged.push({
      file,
      provider,
      records: m.changed.length,
      notesKeptBoth: m.notesKeptBoth,
    })
  }

  // Shards the engine replaced in place.
  for (const key of allShardKeys()) {
    if (catalog.isDamaged(key)) continue
    const path = shardPath(layout, key)
    const stamp = shardStamp(path)
    if (stamp === catalog.diskStamps.get(key) || stamp === 'missing') continue
    let other: Shard
    try {
      other = readJson(await readFile(path, 'utf8'), parseShard)
    } catch {
      continue // mid-write by the engine, or damaged: the next look, or the next open, sees it
    }
    catalog.diskStamps.set(key, stamp)
    mergeShardFrom(key, other, `catalog/${key}.json`, null)
  }

  // Conflict copies of shards.
  for (const name of await readdir(layout.catalogDir).catch(() => [] as string[])) {
    const copy = parseConflictName(name)
    if (!copy || copy.original === 'quire.json') continue
    const key = copy.original.slice(0, 2)
    const file = `catalog/${name}`
    try {
      const other = readJson(await readFile(join(layout.catalogDir, name), 'utf8'), parseShard)
      if (catalog.isDamaged(key)) throw new Error(`catalog/${key}.json is damaged here`)
      mergeShardFrom(key, other, file, copy.provider)
      copies.push(join(layout.catalogDir, name))
    } catch (err) {
      report.unmerged.push(await setAside(layout, join(layout.catalogDir, name), file, err))
    }
  }

  // quire.json: replaced in place, or conflict copies beside it.
  let manifest = ctx.manifest.data
  const manifestSources: { path: string; file: string; provider: SyncProvider | null }[] = []
  const stamp = shardStamp(layout.manifest)
  if (stamp !== ctx.committer.manifestStamp && stamp !== 'missing') {
    manifestSources.push({ path: layout.manifest, file: 'quire.json', provider: null })
  }
  for (const name of await readdir(layout.root).catch(() => [] as string[])) {
    const copy = parseConflictName(name)
    if (copy?.original === 'quire.json')
      manifestSources.push({ path: join(layout.root, name), file: name, provider: copy.provider })
  }
  let manifestChanged = false
  for (const src of manifestSources) {
    try {
      const other = readJson(await readFile(src.path, 'utf8'), parseManifest)
      const merged = mergeManifests(manifest, other)
      if (JSON.stringify(merged) !== JSON.stringify(manifest)) manifestChanged = true
      if (JSON.stringify(merged) !== JSON.stringify(other)) manifestChanged = true
      manifest = merged
      if (src.provider) copies.push(src.path)
      else ctx.committer.manifestStamp = stamp
      report.merged.push({ file: src.file, provider: src.provider, records: 0, notesKeptBoth: 0 })
    } catch (err) {
      if (!src.provider) continue // mid-write: next look
      report.unmerged.push(await setAside(layout, src.path, src.file, err))
    }
  }

  if (changed.size) await catalog.flush()
  if (manifestChanged) {
    ctx.manifest.data = manifest
    await ctx.manifest.write()
  }
  // Durable first; a copy goes only once its merge is in the files (else merged again later).
  let durable = true
  if (report.merged.length) await ctx.committer.checkpoint().catch(() => (durable = false))
  if (durable) for (const path of copies) await unlink(path).catch(() => {})
  // A record deleted for good on one device and edited later on another is back: its body,
  // moved aside by the emptied trash and carried here by the engine, goes back too.
  await reclaimSwept(layout, catalog, Date.now(), false)
  report.changed = [...changed]
  if (report.merged.length || report.unmerged.length) await saveReport(layout, report)
  return report
}

/** Keep a copy that cannot be merged where the user can find it, never deleted. */
async function setAside(
  layout: ArchiveLayout,
  path: string,
  file: string,
  err: unknown,
): Promise<UnmergedFile> {
  const dir = unmergedDir(layout)
  const keptAt = join(
    dir,
    `${new Date().toISOString().replace(/[:.]/g, '-')}-${file.replace(/\//g, '_')}`,
  )
  await mkdir(dir, { recursive: true })
  await rename(path, keptAt).catch(() => {})
  const rel = keptAt
    .slice(layout.root.length + 1)
    .split('\\')
    .join('/')
  return { file, reason: (err as Error).message.split('\n')[0] ?? 'unreadable', keptAt: rel }
}

/** Where copies that cannot be merged are kept (per device: never synced). */
export function unmergedDir(layout: ArchiveLayout): string {
  return join(layout.deviceDir, 'unmerged')
}

/** The last merge, for `quire sync-status` and Settings (per device: never synced). */
export function syncStatePath(layout: ArchiveLayout): string {
  return join(layout.deviceDir, 'sync-state.json')
}

async function saveReport(layout: ArchiveLayout, report: SyncMergeReport): Promise<void> {
  const { changed: _ids, ...rest } = report
  await writeFile(
    syncStatePath(layout),
    JSON.stringify({ ...rest, records: report.changed.length }, null, 2),
  )
}
