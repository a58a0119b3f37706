// Restore a backup zip into an archive: read and check it (names, JSON, checksums), show a
// dry-run summary, then apply it under the archive's lock, merging or replacing.
import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { unzipSync, type UnzipFileInfo } from 'fflate'
import { z } from 'zod'
import { QuireError } from '../../../shared/errors.ts'
import { ArticleSchema, type Article } from '../../../shared/model.ts'
import { openArchiveStore, type ArchiveStore } from '../store/archive-store.ts'
import { archiveLayout, shardKey } from '../store/layout.ts'
import { ManifestSchema } from '../store/manifest.ts'
import {
  CURRENT_SCHEMA_VERSION,
  stepsFrom,
  upgradeManifest,
  upgradeRecord,
} from '../store/migrations.ts'
import { AssetNameSchema, type ArchiveSnapshot } from './archive-snapshot.ts'
import { zipBatchReader } from './zip-batch-reader.ts'
import {
  applyArchiveSnapshot,
  planApply,
  type ArchiveState,
  type RestoreMode,
  type RestoreSummary,
} from './apply-quire-json.ts'
import { parseQuireJson, snapshotOfQuireJson } from './quire-json.ts'
import { BACKUP_ZIP_MANIFEST, SETTINGS_ENTRY, type BackupZipManifest } from './backup-zip.ts'

/** One entry's declared size above this is refused (a zip bomb, not a news archive). */
const MAX_ENTRY_BYTES = 1024 * 1024 * 1024
const SHARD = /^catalog\/([0-9a-f]{2})\.json$/
const CONTENT = /^content\/([0-9a-f]{16})\.html$/
const ASSET = /^assets\/([^/\\]+)$/

export interface BackupZip {
  snapshot: ArchiveSnapshot
  /** settings.json from the zip, for the app to offer to restore (the archive does not). */
  settings: Uint8Array | null
  /** Entries that are no part of a backup (or unsafe names): never written anywhere. */
  ignored: string[]
}

export interface RestorePlan extends RestoreSummary {
  ignored: string[]
  hasSettings: boolean
}

/**
 * Read and check a backup zip (or a Quire JSON export, told apart by its first byte).
 * Throws QuireError INVALID_INPUT naming the file and the entry at fault: not a zip, no
 * quire.json, a damaged shard, a checksum that differs.
 */
export async function readBackupZip(path: string): Promise<BackupZip> {
  let bytes: Uint8Array
  try {
    bytes = await readFile(path)
  } catch (err) {
    throw new QuireError('NOT_FOUND', `Cannot read ${path}: ${(err as Error).message}`)
  }
  if (/^\s*\{/.test(new TextDecoder().decode(bytes.subarray(0, 64)))) {
    const doc = parseQuireJson(new TextDecoder().decode(bytes), path)
    return { snapshot: snapshotOfQuireJson(doc), settings: null, ignored: [] }
  }
  const fail = (why: string) => new QuireError('INVALID_INPUT', `${path}: ${why}`)
  const ignored: string[] = []
  const assets: string[] = []
  let meta: Record<string, Uint8Array>
  try {
    meta = unzipSync(bytes, {
      filter: (f: UnzipFileInfo) => {
        if (f.originalSize > MAX_ENTRY_BYTES) throw fail(`${f.name} is too large to restore`)
        const asset = ASSET.exec(f.name)
        if (asset && AssetNameSchema.safeParse(asset[1]).success) assets.push(asset[1]!)
        else if (!isMetaEntry(f.name) && !CONTENT.test(f.name) && !f.name.endsWith('/')) {
          ignored.push(f.name)
        }
        return isMetaEntry(f.name) || CONTENT.test(f.name)
      },
    })
  } catch (err) {
    if (err instanceof QuireError) throw err
    throw fail(`not a readable zip (${(err as Error).message})`)
  }
  const checksums = readChecksums(meta, fail)
  const verify = (name: string, data: Uint8Array) => {
    const want = checksums?.[name]
    if (want && createHash('sha256').update(data).digest('hex') !== want.sha256) {
      throw fail(`${name} is damaged (its checksum differs from the backup's)`)
    }
  }
  for (const [name, data] of Object.entries(meta)) verify(name, data)

  const manifestBytes = meta['quire.json']
  if (!manifestBytes) throw fail('no quire.json: this is not a Quire backup')
  const rawManifest = parseJson(manifestBytes, 'quire.json', fail) as Record<string, unknown>
  const version = typeof rawManifest.schemaVersion === 'number' ? rawManifest.schemaVersion : 0
  if (version > CURRENT_SCHEMA_VERSION) {
    throw new QuireError(
      'UNSUPPORTED_FORMAT',
      `${path} was made by a newer Quire (schema ${version}); update Quire to restore it.`,
    )
  }
  const steps = stepsFrom(version)
  const manifest = ManifestSchema.safeParse(upgradeManifest(rawManifest, steps))
  if (!manifest.success) throw fail(`quire.json is not valid: ${manifest.error.issues[0]!.message}`)

  const records: Article[] = []
  for (const [name, data] of Object.entries(meta).sort(([a], [b]) => a.localeCompare(b))) {
    const shard = SHARD.exec(name)
    if (shard) records.push(...readShard(shard[1]!, data, name, steps, fail))
  }
  const text = new TextDecoder()
  const articles = records.map((record) => {
    const body = meta[`content/${record.id}.html`]
    return { record, body: body ? text.decode(body) : null }
  })
  const assetSet = new Set(assets)
  const readEntry = zipBatchReader(
    bytes,
    [...assetSet].map((n) => `assets/${n}`),
  )
  return {
    snapshot: {
      schemaVersion: CURRENT_SCHEMA_VERSION,
      tags: manifest.data.tags,
      savedSearches: manifest.data.savedSearches,
      articles,
      assets: [...assetSet].sort(),
      readAsset: async (name) => {
        const entry = `assets/${AssetNameSchema.parse(name)}`
        // A second read of one asset falls back to a pass of its own.
        const data =
          readEntry(entry) ?? unzipSync(bytes, { filter: (f) => f.name === entry })[entry]
        if (!data) throw fail(`${entry} is missing`)
        verify(entry, data)
        return data
      },
    },
    settings: meta[SETTINGS_ENTRY] ?? null,
    ignored: ignored.sort(),
  }
}

/** The dry run: what restoring `zipPath` into `targetRoot` would do. Writes nothing. */
export async function planRestore(
  zipPath: string,
  targetRoot: string,
  mode: RestoreMode,
): Promise<RestorePlan> {
  const zip = await readBackupZip(zipPath)
  let store: ArchiveStore | null = null
  try {
    store = await openArchiveStore(targetRoot, { readOnly: true })
  } catch (err) {
    if (!(err instanceof QuireError && err.code === 'NOT_FOUND')) throw err
  }
  try {
    const { summary } = await planApply(store ?? emptyState(targetRoot), zip.snapshot, mode)
    return { ...summary, ignored: zip.ignored, hasSettings: zip.settings !== null }
  } finally {
    await store?.close()
  }
}

/**
 * Restore `zipPath` into the archive at `targetRoot` (created when missing), holding its
 * lock. Throws READ_ONLY when another Quire has the archive open: close it first.
 */
export async function restoreBackup(
  zipPath: string,
  targetRoot: string,
  mode: RestoreMode,
): Promise<RestorePlan & { settings: Uint8Array | null }> {
  const zip = await readBackupZip(zipPath)
  const store = await openArchiveStore(targetRoot)
  try {
    store.assertWritable()
    const summary = await applyArchiveSnapshot(store, zip.snapshot, mode)
    return {
      ...summary,
      ignored: zip.ignored,
      hasSettings: zip.settings !== null,
      settings: zip.settings,
    }
  } finally {
    await store.close()
  }
}

function isMetaEntry(name: string): boolean {
  return (
    name === 'quire.json' ||
    name === BACKUP_ZIP_MANIFEST ||
    name === SETTINGS_ENTRY ||
    SHARD.test(name)
  )
}

const ChecksumsSchema = z.object({
  format: z.literal('quire-backup-zip'),
  files: z.record(z.string(), z.object({ bytes: z.number(), sha256: z.string() })),
})

function readChecksums(
  meta: Record<string, Uint8Array>,
  fail: (why: string) => QuireError,
): BackupZipManifest['files'] | null {
  const data = meta[BACKUP_ZIP_MANIFEST]
  if (!data) return null // a zip made by hand: restored without checksums
  const parsed = ChecksumsSchema.safeParse(parseJson(data, BACKUP_ZIP_MANIFEST, fail))
  if (!parsed.success) throw fail(`${BACKUP_ZIP_MANIFEST} is not valid`)
  return parsed.data.files
}

function readShard(
  key: string,
  data: Uint8Array,
  name: string,
  steps: ReturnType<typeof stepsFrom>,
  fail: (why: string) => QuireError,
): Article[] {
  const raw = parseJson(data, name, fail) as { articles?: Record<string, unknown> }
  if (!raw || typeof raw.articles !== 'object' || raw.articles === null) {
    throw fail(`${name} holds no articles`)
  }
  return Object.entries(raw.articles).map(([id, value]) => {
    const parsed = ArticleSchema.safeParse(
      steps.length ? upgradeRecord(value as Record<string, unknown>, steps) : value,
    )
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!
      throw fail(`${name}: article ${id} is not valid at ${issue.path.join('.')}: ${issue.message}`)
    }
    if (parsed.data.id !== id || shardKey(id) !== key)
      throw fail(`${name}: article ${id} is misfiled`)
    return parsed.data
  })
}

function parseJson(data: Uint8Array, name: string, fail: (why: string) => QuireError): unknown {
  try {
    return JSON.parse(new TextDecoder().decode(data))
  } catch (err) {
    throw fail(`${name} is not valid JSON (${(err as Error).message})`)
  }
}

/** A target folder that does not exist yet, seen as an empty archive. */
function emptyState(root: string): ArchiveState {
  return {
    layout: { assetsDir: archiveLayout(root).assetsDir },
    catalog: { get: () => undefined, all: () => [] },
    manifest: { data: { tags: [], savedSearches: [] } },
  }
}
