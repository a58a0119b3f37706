// Write a snapshot (a Quire JSON document or a backup zip) into an open archive, merging
// (existing records win, conflicts reported) or replacing (old state kept aside first).
import { cp, mkdir, rename } from 'node:fs/promises'
import { join } from 'node:path'
import { isDeepStrictEqual } from 'node:util'
import { QuireError } from '../../../shared/errors.ts'
import type { Article, SavedSearch, Tag } from '../../../shared/model.ts'
import { writeFileAtomic } from '../store/atomic-write.ts'
import type { ArchiveStore } from '../store/archive-store.ts'
import { contentPath } from '../store/layout.ts'
import { CURRENT_SCHEMA_VERSION } from '../store/migrations.ts'
import { AssetNameSchema, assetNames, type ArchiveSnapshot } from './archive-snapshot.ts'

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

interface Plan {
  summary: RestoreSummary
  put: { record: Article; body: string | null }[]
  remove: Article[]
  assets: string[]
}

/** The plan for `snapshot` over the archive as `store` holds it now. Writes nothing. */
export async function planApply(
  store: ArchiveState,
  snapshot: ArchiveSnapshot,
  mode: RestoreMode,
): Promise<Plan> {
  if (snapshot.schemaVersion > CURRENT_SCHEMA_VERSION) {
    throw new QuireError(
      'UNSUPPORTED_FORMAT',
      `The backup holds schema ${snapshot.schemaVersion}; this Quire reads ${CURRENT_SCHEMA_VERSION} and older.`,
    )
  }
  const summary: RestoreSummary = {
    mode,
    articles: { added: 0, replaced: 0, kept: 0, unchanged: 0, removed: 0 },
    conflicts: [],
    bodies: 0,
    assets: { added: 0, present: 0 },
    tags: { added: [], conflicts: [] },
    savedSearches: { added: 0, kept: 0 },
    keptAside: null,
  }
  const put: Plan['put'] = []
  const incoming = new Set<string>()
  for (const entry of snapshot.articles) {
    incoming.add(entry.record.id)
    const mine = store.catalog.get(entry.record.id)
    if (mine && isDeepStrictEqual(mine, entry.record)) {
      summary.articles.unchanged++
    } else if (mine && mode === 'merge') {
      summary.articles.kept++
      summary.conflicts.push({ id: mine.id, title: mine.title })
    } else {
      summary.articles[mine ? 'replaced' : 'added']++
      put.push(entry)
      if (entry.body !== null) summary.bodies++
    }
  }
  const remove =
    mode === 'replace' ? [...store.catalog.all()].filter((a) => !incoming.has(a.id)) : []
  summary.articles.removed = remove.length

  const here = new Set(await assetNames(store.layout.assetsDir))
  const assets = snapshot.assets.filter((n) => !here.has(n))
  summary.assets = { added: assets.length, present: snapshot.assets.length - assets.length }

  const tags = new Map(store.manifest.data.tags.map((t) => [t.name, t.color]))
  for (const t of snapshot.tags) {
    if (!tags.has(t.name)) summary.tags.added.push(t.name)
    else if (tags.get(t.name) !== t.color && mode === 'merge') summary.tags.conflicts.push(t.name)
  }
  const searches = new Set(store.manifest.data.savedSearches.map((s) => s.id))
  for (const s of snapshot.savedSearches) {
    summary.savedSearches[searches.has(s.id) ? 'kept' : 'added']++
  }
  return { summary, put, remove, assets }
}

/**
 * Apply `snapshot` to the archive. Order makes a crash safe: assets and bodies first, then
 * the records (one flush), then quire.json; a crash leaves unreferenced files, never a
 * record without its body. Throws READ_ONLY when the store may not write.
 */
export async function applyArchiveSnapshot(
  store: ArchiveStore,
  snapshot: ArchiveSnapshot,
  mode: RestoreMode,
  now = new Date(),
): Promise<RestoreSummary> {
  store.assertWritable()
  const plan = await planApply(store, snapshot, mode)
  const { layout } = store
  let aside: string | null = null
  if (mode === 'replace') {
    aside = join(layout.root, `${now.toISOString().replace(/[:.]/g, '-')}.before-restore`)
    await mkdir(join(aside, 'content'), { recursive: true })
    await cp(layout.manifest, join(aside, 'quire.json')).catch(ignoreMissing)
    await cp(layout.catalogDir, join(aside, 'catalog'), { recursive: true }).catch(ignoreMissing)
    plan.summary.keptAside = aside
  }
  if (plan.assets.length) await mkdir(layout.assetsDir, { recursive: true })
  for (const name of plan.assets) {
    const bytes = await snapshot.readAsset(name)
    await writeFileAtomic(join(layout.assetsDir, AssetNameSchema.parse(name)), bytes)
  }
  for (const { record, body } of plan.put) {
    if (body !== null) await store.content.write(record.id, body)
  }
  for (const { record } of plan.put) store.catalog.put(record)
  for (const a of plan.remove) store.catalog.remove(a.id)
  await store.catalog.flush()

  const manifest = store.manifest.data
  if (mode === 'replace') {
    manifest.tags = snapshot.tags
    manifest.savedSearches = snapshot.savedSearches
  } else {
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
  for (const a of plan.remove) {
    await rename(contentPath(layout, a.id), join(aside!, 'content', `${a.id}.html`)).catch(
      ignoreMissing,
    )
  }
  return plan.summary
}

function ignoreMissing(err: unknown): void {
  if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err
}
