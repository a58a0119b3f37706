// The whole archive as data: what Quire JSON and the backup zip both carry, and what
// apply-quire-json writes back. Also the safe names a snapshot may use for assets.
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { z } from 'zod'
import {
  SavedSearchSchema,
  TagSchema,
  type Article,
  type SavedSearch,
  type Tag,
} from '../../../shared/model.ts'
import type { ArchiveStore } from '../store/archive-store.ts'

/** `<sha256>.<ext>` today; any plain name (no separators, no `..`) is accepted. */
export const AssetNameSchema = z
  .string()
  .max(200)
  .regex(/^[0-9A-Za-z][0-9A-Za-z_-]*(\.[0-9A-Za-z]{1,10})?$/, 'not an asset file name')

export interface ArchiveSnapshot {
  schemaVersion: number
  tags: Tag[]
  savedSearches: SavedSearch[]
  /** Every record, trash included; body null when its file is missing from the archive. */
  articles: { record: Article; body: string | null }[]
  /** Asset file names; their bytes come from readAsset (they can be large). */
  assets: string[]
  readAsset(name: string): Promise<Uint8Array>
}

export const SnapshotMetaSchema = z.object({
  tags: z.array(TagSchema),
  savedSearches: z.array(SavedSearchSchema),
})

/** Read a snapshot of an open store (records in memory, bodies and assets from disk). */
export async function snapshotOfStore(store: ArchiveStore): Promise<ArchiveSnapshot> {
  const records = [...store.catalog.all()].sort((a, b) => a.id.localeCompare(b.id))
  const articles = []
  for (const record of records) {
    articles.push({ record, body: await store.content.read(record.id) })
  }
  const dir = store.layout.assetsDir
  return {
    schemaVersion: store.manifest.data.schemaVersion,
    tags: store.manifest.data.tags,
    savedSearches: store.manifest.data.savedSearches,
    articles,
    assets: await assetNames(dir),
    readAsset: async (name) => readFile(join(dir, AssetNameSchema.parse(name))),
  }
}

/** The asset files in `dir` (sorted); [] when there is no assets folder yet. */
export async function assetNames(dir: string): Promise<string[]> {
  try {
    const entries = await readdir(dir, { withFileTypes: true })
    return entries
      .filter((e) => e.isFile() && AssetNameSchema.safeParse(e.name).success)
      .map((e) => e.name)
      .sort()
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return []
    throw err
  }
}
