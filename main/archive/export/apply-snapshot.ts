// Write a snapshot (a Quire JSON document or a backup zip) into an open archive, merging
// (existing records win, conflicts reported) or replacing (old state kept aside first).
// Records are planned and written a batch at a time and bodies one at a time, so a restore
// of 100,000 articles holds no more than the archive itself does once open.
import { cp, mkdir, rename } from 'node:fs/promises'
import { join } from 'node:path'
import { isDeepStrictEqual } from 'node:util'
import { QuireError } from '../../../shared/errors.ts'
import type { Article, SavedSearch, Tag } from '../../../shared/model.ts'
import { replaceFile, syncDirectory } from '../store/atomic-write.ts'
import type { ArchiveStore } from '../store/archive-store.ts'
import { contentPath, versionPath } from '../store/layout.ts'
import { CURRENT_SCHEMA_VERSION } from '../store/migrations.ts'
import { AssetNameSchema, assetNames, type ArchiveSnapshot } from './archive-snapshot.ts'
import type { OnExportProgress } from './export-progress.ts'

export type RestoreMode = 'merge' | 'replace'

/** What a restore does (dry run) or did; the UI shows it before the user confirms. */
export interface RestoreSummary {
  mode: RestoreMode
  articles: {
    added: number
    /** replace: records overwritten by the snapshot's version. */
    replaced: number
    /** merge: records already here that differ from the snapshot's; ours stay. */
    kept: number
    unchanged: number
    /** replace: records here that the snapshot lacks (their state is kept aside). */
    removed: number
  }
  conflicts: { id: string; title: string }[]
  bodies: number
  assets: { added: number; present: number }
  tags: { added: string[]; conflicts: string[] }
  savedSearches: { added: number; kept: number }
  /** replace: where the archive's previous quire.json, catalog and bodies were moved. */
  keptAside: string | null
}

/** What a plan reads of an archive: an open ArchiveStore, or a stand-in for a new one. */
export interface ArchiveState {
  layout: { assetsDir: string }
  catalog: { get(id: string): Article | undefined; all(): Iterable<Article> }
  manifest: { data: { tags: Tag[]; savedSearches: SavedSearch[] } }
}

/** At most this many conflicts are named; the count is always whole. */
const MAX_CONFLICTS_NAMED = 1000

type Decision = 'put' | 'unchanged' | 'kept'

function decide(store: ArchiveState, record: Article, mode: RestoreMode): Decision {
  const mine = store.catalog.get(record.id)
  if (mine && isDeepStrictEqual(mine, record)) return 'unchanged'
  if (mine && mode === 'merge') return 'kept'
  return 'put'
}

/** The summary of applying `snapshot` over the archive as `store` holds it now. Writes nothing. */
export async function planApply(
  store: ArchiveState,
  snapshot: ArchiveSnapshot,
  mode: RestoreMode,
): Promise<RestoreSummary> {
  assertReadable(snapshot)
  const summary = emptySummary(mode)
  const incoming = new Set<string>()
  for await (const batch of snapshot.batches()) {
    for (const record of batch) {
      incoming.add(record.id)
      const mine = store.catalog.get(record.id)
      const d = decide(store, record, mode)
      if (d === 'unchanged') summary.articles.unchanged++
      else if (d === 'kept') {
        summary.articles.kept++
        if (summary.conflicts.length < MAX_CONFLICTS_NAMED) {
          summary.conflicts.push({ id: mine!.id, title: mine!.title })
        }
      } else {
        summary.articles[mine ? 'replaced' : 'added']++
        if (snapshot.hasBody(record.id)) summary.bodies++
      }
    }
  }
  if (mode === 'replace') {
    for (const a of store.catalog.all()) if (!incoming.has(a.id)) summary.articles.removed++
  }
  const here = new Set(await assetNames(store.layout.assetsDir))
  const added = snapshot.assets.filter((n) => !here.has(n)).length
  summary.assets = { added, present: snapshot.assets.length - added }

  const tags = new Map(store.manifest.data.tags.map((t) => [t.name, t.color]))
  for (const t of snapshot.tags) {
    if (!tags.has(t.name)) summary.tags.added.push(t.name)
    else if (tags.get(t.name) !== t.color && mode === 'merge') summary.tags.conflicts.push(t.name)
  }
  const searches = new Set(store.manifest.data.savedSearches.map((s) => s.id))
  for (const s of snapshot.savedSearches) {
    summary.savedSearches[searches.has(s.id) ? 'kept' : 'added']++
  }
  return summary
}

/**
 * Apply `snapshot` to the archive. Order makes a crash safe: assets and bodies first, then
 * the records (one flush, all or nothing), then quire.json; a crash leaves unreferenced
 * files, never a record without its body. Throws READ_ONLY when the store may not write.
 */
export async function applyArchiveSnapshot(
  store: ArchiveStore,
  snapshot: ArchiveSnapshot,
  mode: RestoreMode,
  opts: { now?: Date; onProgress?: OnExportProgress; total?: number } = {},
): Promise<RestoreSummary> {
  store.assertWritable()
  const summary = await planApply(store, snapshot, mode)
  const { layout } = store
  let aside: string | null = null
  if (mode === 'replace') {
    const now = opts.now ?? new Date()
    aside = join(layout.root, `${now.toISOString().replace(/[:.]/g, '-')}.before-restore`)
    await mkdir(join(aside, 'content'), { recursive: true })
    await cp(layout.manifest, join(aside, 'quire.json')).catch(ignoreMissing)
    await cp(layout.catalogDir, join(aside, 'catalog'), { recursive: true }).catch(ignoreMissing)
    summary.keptAside = aside
  }
  const here = new Set(await assetNames(layout.assetsDir))
  const assets = snapshot.assets.filter((n) => !here.has(n))
  if (assets.length) await mkdir(layout.assetsDir, { recursive: true })
  for (const name of assets) {
    await snapshot.copyAsset(name, join(layout.assetsDir, AssetNameSchema.parse(name)))
  }
  if (assets.length) await syncDirectory(layout.assetsDir)
  await mkdir(layout.contentDir, { recursive: true })

  // Bodies are renamed into place one by one and the folder synced once before the records
  // that point at them are flushed: a body per fsynced folder would cost a disk flush each.
  const incoming = new Set<string>()
  const put: Article[] = []
  const total = opts.total ?? summary.articles.added + summary.articles.replaced
  let done = 0
  for await (const batch of snapshot.batches()) {
    for (const record of batch) {
      incoming.add(record.id)
      if (decide(store, record, mode) !== 'put') continue
      const body = await snapshot.readBody(record.id)
      if (body !== null) await replaceFile(contentPath(layout, record.id), body)
      for (const v of record.versions ?? []) {
        const old = await snapshot.readVersion(record.id, v.n)
        if (old !== null) await replaceFile(versionPath(layout, record.id, v.n), old)
      }
      put.push(record)
      opts.onProgress?.({ phase: 'writing', done: ++done, total })
    }
  }
  await syncDirectory(layout.contentDir)
  const remove =
    mode === 'replace' ? [...store.catalog.all()].filter((a) => !incoming.has(a.id)) : []
  for (const record of put) store.catalog.put(record)
  for (const a of remove) store.catalog.remove(a.id)
  await store.catalog.flush()

  const manifest = store.manifest.data
  const feeds = snapshot.feeds ?? []
  if (mode === 'replace') {
    manifest.tags = snapshot.tags
    manifest.savedSearches = snapshot.savedSearches
    if (snapshot.feeds) manifest.feeds = feeds
  } else {
    const urls = new Set(manifest.feeds.map((f) => f.url))
    manifest.feeds = [...manifest.feeds, ...feeds.filter((f) => !urls.has(f.url))]
    const names = new Set(manifest.tags.map((t) => t.name))
    manifest.tags = [...manifest.tags, ...snapshot.tags.filter((t) => !names.has(t.name))]
    const ids = new Set(manifest.savedSearches.map((s) => s.id))
    manifest.savedSearches = [
      ...manifest.savedSearches,
      ...snapshot.savedSearches.filter((s) => !ids.has(s.id)),
    ]
  }
  await store.manifest.write()

  // Bodies of records that are gone: moved aside with the old catalog, never deleted.
  for (const a of remove) {
    await rename(contentPath(layout, a.id), join(aside!, 'content', `${a.id}.html`)).catch(
      ignoreMissing,
    )
  }
  return summary
}

function assertReadable(snapshot: ArchiveSnapshot): void {
  if (snapshot.schemaVersion > CURRENT_SCHEMA_VERSION) {
    throw new QuireError(
      'UNSUPPORTED_FORMAT',
      `The backup holds schema ${snapshot.schemaVersion}; this Quire reads ${CURRENT_SCHEMA_VERSION} and older.`,
    )
  }
}

function emptySummary(mode: RestoreMode): RestoreSummary {
  return {
    mode,
    articles: { added: 0, replaced: 0, kept: 0, unchanged: 0, removed: 0 },
    conflicts: [],
    bodies: 0,
    assets: { added: 0, present: 0 },
    tags: { added: [], conflicts: [] },
    savedSearches: { added: 0, kept: 0 },
    keptAside: null,
  }
}

function ignoreMissing(err: unknown): void {
  if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err
}
