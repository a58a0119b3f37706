// Restore a backup (a backup zip or a Quire JSON export, told apart by their content, never by
// their names) into an archive: read and check it, show a dry-run summary, then apply it under
// the archive's lock, merging or replacing. A zip is streamed from disk, entry by entry.
import { open, readFile } from 'node:fs/promises'
import { isDeepStrictEqual } from 'node:util'
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
import type { ArchiveSnapshot } from './archive-snapshot.ts'
import {
  applyArchiveSnapshot,
  planApply,
  type ArchiveState,
  type RestoreMode,
  type RestoreSummary,
} from './apply-snapshot.ts'
import { openBackupZip, type BackupReader } from './backup-reader.ts'
import { SETTINGS_ENTRY } from './backup-zip.ts'
import type { OnExportProgress } from './export-progress.ts'
import { parseQuireJson, snapshotOfQuireJson } from './quire-json.ts'

export interface RestorePlan extends RestoreSummary {
  ignored: string[]
  hasSettings: boolean
}

/** An opened backup: the snapshot to apply, and what else the file held. */
export interface OpenedBackup {
  snapshot: ArchiveSnapshot
  /** Records in the backup (for progress). */
  count: number
  /** settings.json from a zip, for the app to offer to restore (the archive does not). */
  readSettings(): Promise<Uint8Array | null>
  ignored: string[]
  hasSettings: boolean
  close(): Promise<void>
}

export type BackupKind = 'zip' | 'quire-json'

/**
 * What kind of backup `path` holds, by its first bytes: a zip (`PK\3\4`) whose first entry is a
 * Quire backup's, or JSON whose head says `"format": "quire"`; null for anything else.
 */
export async function detectBackup(path: string): Promise<BackupKind | null> {
  let head: Buffer
  try {
    const handle = await open(path, 'r')
    try {
      head = Buffer.alloc(4096)
      const { bytesRead } = await handle.read(head, 0, head.length, 0)
      head = head.subarray(0, bytesRead)
    } finally {
      await handle.close()
    }
  } catch {
    return null
  }
  if (head.length >= 30 && head.readUInt32LE(0) === 0x04034b50) {
    // The first local header's name: quire-backup.json (version 2) or quire.json (version 1).
    const nameLength = head.readUInt16LE(26)
    const name = head.subarray(30, 30 + nameLength).toString('utf8')
    return name === 'quire-backup.json' || name === 'quire.json' ? 'zip' : null
  }
  const text = head.toString('utf8').replace(/^\ufeff/, '')
  return /^\s*\{[\s\S]*"format"\s*:\s*"quire"/.test(text) ? 'quire-json' : null
}

/**
 * Open and check a backup. Throws QuireError INVALID_INPUT naming the file and the entry at
 * fault: not a backup, no quire.json, a damaged shard, a checksum that differs.
 */
export async function openBackup(path: string): Promise<OpenedBackup> {
  const kind = await detectBackup(path)
  if (kind === 'quire-json') {
    let text: string
    try {
      text = await readFile(path, 'utf8')
    } catch (err) {
      throw new QuireError('NOT_FOUND', `Cannot read ${path}: ${(err as Error).message}`)
    }
    const doc = parseQuireJson(text, path)
    return {
      snapshot: snapshotOfQuireJson(doc),
      count: doc.articles.length,
      readSettings: async () => null,
      ignored: [],
      hasSettings: false,
      close: async () => {},
    }
  }
  // Not recognised: the zip reader says why (not a zip, no quire.json…), naming the file.
  const zip = await openBackupZip(path)
  try {
    return await zipBackup(zip)
  } catch (err) {
    await zip.close()
    throw err
  }
}

async function zipBackup(zip: BackupReader): Promise<OpenedBackup> {
  const { fail } = zip
  const rawManifest = parseJson(await zip.readSmall('quire.json'), 'quire.json', fail)
  const version = typeof rawManifest.schemaVersion === 'number' ? rawManifest.schemaVersion : 0
  if (version > CURRENT_SCHEMA_VERSION) {
    throw new QuireError(
      'UNSUPPORTED_FORMAT',
      `${zip.path} was made by a newer Quire (schema ${version}); update Quire to restore it.`,
    )
  }
  const steps = stepsFrom(version)
  const manifest = ManifestSchema.safeParse(upgradeManifest(rawManifest, steps))
  if (!manifest.success) throw fail(`quire.json is not valid: ${manifest.error.issues[0]!.message}`)

  const readShard = async (key: string): Promise<Article[]> => {
    const name = `catalog/${key}.json`
    const raw = parseJson(await zip.readSmall(name), name, fail) as { articles?: unknown }
    if (!raw.articles || typeof raw.articles !== 'object') throw fail(`${name} holds no articles`)
    return Object.entries(raw.articles as Record<string, unknown>).map(([id, value]) => {
      const parsed = ArticleSchema.safeParse(
        steps.length ? upgradeRecord(value as Record<string, unknown>, steps) : value,
      )
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!
        throw fail(
          `${name}: article ${id} is not valid at ${issue.path.join('.')}: ${issue.message}`,
        )
      }
      if (parsed.data.id !== id || shardKey(id) !== key) {
        throw fail(`${name}: article ${id} is misfiled`)
      }
      // The record as the backup holds it (its keys in their order: the restored shard is
      // then the same bytes), unless validation changed it (unknown keys, trimmed tags).
      return !steps.length && isDeepStrictEqual(parsed.data, value)
        ? (value as Article)
        : parsed.data
    })
  }
  // Every shard is read and checked once up front (one at a time), so a damaged backup is
  // refused before anything is written, and the records are counted for progress.
  let count = 0
  for (const key of zip.entries.shards) count += (await readShard(key)).length

  const { content } = zip.entries
  return {
    snapshot: {
      schemaVersion: CURRENT_SCHEMA_VERSION,
      tags: manifest.data.tags,
      savedSearches: manifest.data.savedSearches,
      feeds: manifest.data.feeds,
      count,
      async *batches() {
        for (const key of zip.entries.shards) yield await readShard(key)
      },
      hasBody: (id) => content.has(`${id}.html`),
      readBody: (id) => zip.readContent(`${id}.html`),
      readVersion: (id, n) => zip.readContent(`${id}.v${n}.html`),
      assets: zip.entries.assets,
      copyAsset: (name, dest) => zip.extractTo(`assets/${name}`, dest),
    },
    count,
    readSettings: () => zip.readSmall(SETTINGS_ENTRY),
    ignored: zip.entries.ignored,
    hasSettings: zip.entries.hasSettings,
    close: () => zip.close(),
  }
}

/** The dry run: what restoring `path` into `targetRoot` would do. Writes nothing. */
export async function planRestore(
  path: string,
  targetRoot: string,
  mode: RestoreMode,
): Promise<RestorePlan> {
  const backup = await openBackup(path)
  let store: ArchiveStore | null = null
  try {
    try {
      store = await openArchiveStore(targetRoot, { readOnly: true })
    } catch (err) {
      if (!(err instanceof QuireError && err.code === 'NOT_FOUND')) throw err
    }
    const summary = await planApply(store ?? emptyState(targetRoot), backup.snapshot, mode)
    return { ...summary, ignored: backup.ignored, hasSettings: backup.hasSettings }
  } finally {
    await store?.close()
    await backup.close()
  }
}

/**
 * Restore `path` into the archive at `targetRoot` (created when missing), holding its lock.
 * Throws READ_ONLY when another Quire has the archive open: close it first.
 */
export async function restoreBackup(
  path: string,
  targetRoot: string,
  mode: RestoreMode,
  opts: { onProgress?: OnExportProgress } = {},
): Promise<RestorePlan & { settings: Uint8Array | null }> {
  const backup = await openBackup(path)
  try {
    const store = await openArchiveStore(targetRoot)
    try {
      store.assertWritable()
      const summary = await applyArchiveSnapshot(store, backup.snapshot, mode, {
        ...(opts.onProgress ? { onProgress: opts.onProgress } : {}),
      })
      return {
        ...summary,
        ignored: backup.ignored,
        hasSettings: backup.hasSettings,
        settings: await backup.readSettings(),
      }
    } finally {
      await store.close()
    }
  } finally {
    await backup.close()
  }
}

function parseJson(
  data: Uint8Array | null,
  name: string,
  fail: (why: string) => QuireError,
): Record<string, unknown> {
  if (!data) throw fail(`${name} is missing`)
  try {
    const value = JSON.parse(new TextDecoder().decode(data)) as unknown
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      return value as Record<string, unknown>
    }
  } catch (err) {
    throw fail(`${name} is not valid JSON (${(err as Error).message})`)
  }
  throw fail(`${name} is not a JSON object`)
}

/** A target folder that does not exist yet, seen as an empty archive. */
function emptyState(root: string): ArchiveState {
  return {
    layout: { assetsDir: archiveLayout(root).assetsDir },
    catalog: { get: () => undefined, all: () => [] },
    manifest: { data: { tags: [], savedSearches: [] } },
  }
}
