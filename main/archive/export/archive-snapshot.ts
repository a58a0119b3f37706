// The whole archive as data, read lazily: what Quire JSON carries, what a backup zip holds
// and what apply-archive-snapshot writes back. Records come a batch at a time and bodies and
// images one at a time, so a 100,000-article archive is never held whole.
import { copyFile, open, readdir, readFile, rename, unlink } from 'node:fs/promises'
import { join } from 'node:path'
import * as z from 'zod'
import type { Article, Feed, SavedSearch, Tag } from '../../../shared/model.ts'
import { tempPathFor } from '../store/atomic-write.ts'
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
  /** Feed subscriptions (a backup zip carries them; Quire JSON does not). */
  feeds?: Feed[]
  /** How many records batches() gives. */
  count: number
  /** Every record, trash included, a batch at a time; can be walked more than once. */
  batches(): AsyncIterable<Article[]>
  /** Whether the snapshot holds the body of `id` (without reading it). */
  hasBody(id: string): boolean
  /** The body of `id`; null when the snapshot lacks it. */
  readBody(id: string): Promise<string | null>
  /** An earlier body (`<id>.v<n>.html`); null when the snapshot lacks it. */
  readVersion(id: string, n: number): Promise<string | null>
  /** Asset file names (sorted); their bytes go straight to a file through copyAsset. */
  assets: string[]
  /** Write asset `name` to `dest` (a temp file fsynced and renamed into place). */
  copyAsset(name: string, dest: string): Promise<void>
}

/** Records a batch holds when read from an open store (the catalog is in memory already). */
const STORE_BATCH = 500

/**
 * A snapshot of an open store: records from its catalog (sorted by id), bodies and assets
 * read from disk when asked for. Use it inside the store's write queue (no write lands mid-read).
 */
export async function snapshotOfStore(store: ArchiveStore): Promise<ArchiveSnapshot> {
  const dir = store.layout.assetsDir
  const ids = [...store.catalog.all()].map((a) => a.id).sort()
  return {
    schemaVersion: store.manifest.data.schemaVersion,
    tags: store.manifest.data.tags,
    savedSearches: store.manifest.data.savedSearches,
    feeds: store.manifest.data.feeds,
    count: ids.length,
    async *batches() {
      for (let i = 0; i < ids.length; i += STORE_BATCH) {
        const batch = ids.slice(i, i + STORE_BATCH).map((id) => store.catalog.get(id))
        yield batch.filter((a): a is Article => a !== undefined)
      }
    },
    hasBody: () => true,
    readBody: (id) => store.content.read(id),
    readVersion: (id, n) => store.content.readVersion(id, n),
    assets: await assetNames(dir),
    copyAsset: (name, dest) => copyAtomic(join(dir, AssetNameSchema.parse(name)), dest),
  }
}

/** Copy a file into place atomically: a temp copy, fsynced, renamed over `dest`. */
export async function copyAtomic(src: string, dest: string): Promise<void> {
  const tmp = tempPathFor(dest)
  try {
    await copyFile(src, tmp)
    const handle = await open(tmp, 'r')
    await handle.sync().finally(() => handle.close())
    await rename(tmp, dest)
  } catch (err) {
    await unlink(tmp).catch(() => {})
    throw err
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

/** Bytes of an asset of the archive at `assetsDir`; null for a bad name or a missing file. */
export async function readAssetOrNull(assetsDir: string, name: string): Promise<Uint8Array | null> {
  if (!AssetNameSchema.safeParse(name).success) return null
  return readFile(join(assetsDir, name)).catch(() => null)
}
