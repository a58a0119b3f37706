// Opens an archive folder: takes the writer's lock, creates the folder when new, restores
// damaged files from backups, checks and migrates the schema, and hands back the manifest,
// catalog and content stores and the backups. Everything on disk goes through here.
import { mkdir, readFile, stat } from 'node:fs/promises'
import { Low } from 'lowdb'
import { QuireError } from '../../../shared/errors.ts'
import { writeFileAtomic, type FileWriter } from './atomic-write.ts'
import { createBackup, hasRecentBackup, pruneBackups, type BackupInfo } from './backups.ts'
import { Catalog } from './catalog.ts'
import { ContentStore } from './content-store.ts'
import { DamagedFileError } from './damaged-file-error.ts'
import { JsonFileAdapter } from './json-file-adapter.ts'
import { archiveLayout, type ArchiveLayout } from './layout.ts'
import { acquireArchiveLock, type ArchiveLock } from './lock.ts'
import { ManifestSchema, newManifest, type Manifest } from './manifest.ts'
import {
  CURRENT_SCHEMA_VERSION,
  MIGRATIONS,
  stepsFrom,
  upgradeManifest,
  type MigrationStep,
} from './migrations.ts'
import { createRecoverer, type Recover, type Recovery } from './recovery.ts'
import { removeStaleTempFiles } from './stale-temp-files.ts'

export type { Recovery } from './recovery.ts'
export type { BackupInfo } from './backups.ts'

export interface ArchiveStore {
  layout: ArchiveLayout
  manifest: Low<Manifest>
  catalog: Catalog
  content: ContentStore
  /** Damaged files met on open and what was done about each; empty on a healthy open. */
  recoveries: Recovery[]
  /** True when another Quire holds the lock, a file could not be restored, or closed. */
  readonly readOnly: boolean
  /** Why writes are refused, in words for the user; null while this process may write. */
  readonly readOnlyReason: string | null
  /** Why the last daily backup failed, or null. The archive works on without it. */
  readonly backupError: string | null
  /** Throws QuireError('READ_ONLY') with the reason when this process may not write. */
  assertWritable(): void
  /** A verified snapshot of quire.json + catalog/ now; keeps the newest 7. Throws on failure. */
  backup(): Promise<BackupInfo>
  /**
   * The daily backup: made when no sealed backup is under a day old (never for an archive
   * this open created, nor when read-only). Never throws; a failure goes to backupError.
   * Callers run it after open, before any write (ArchiveService queues it first).
   */
  backupIfDue(): Promise<BackupInfo | null>
  /** Stop writing and release the lock. Idempotent. */
  close(): Promise<void>
}

export interface OpenOptions {
  /** Injected by tests of the migration hook; defaults to the shipped steps. */
  migrations?: readonly MigrationStep[]
  currentVersion?: number
  /** Open without taking the lock and never write (e.g. a CLI command that only reads). */
  readOnly?: boolean
  /** The clock, for backup dates; tests move it. */
  now?: () => Date
  /** How files are written; tests inject a failing writer to play out a full disk. */
  writeFile?: FileWriter
}

/**
 * Open (or create) the archive in `root`. Throws QuireError: IO when the folder cannot be
 * made, UNSUPPORTED_FORMAT for a newer schema, NOT_FOUND for a missing folder opened
 * read-only. Damaged files never throw: they are restored or the archive opens read-only.
 */
export async function openArchiveStore(
  root: string,
  opts: OpenOptions = {},
): Promise<ArchiveStore> {
  const layout = archiveLayout(root)
  let lock: ArchiveLock | null = null
  let reason: string | null = null
  if (opts.readOnly) {
    if (!(await isDirectory(root)))
      throw new QuireError('NOT_FOUND', `There is no archive at ${root}.`)
    reason = 'This archive was opened read-only.'
  } else {
    try {
      await mkdir(layout.root, { recursive: true })
    } catch (err) {
      throw new QuireError(
        'IO',
        `Cannot create the archive folder ${root}: ${(err as Error).message}`,
      )
    }
    const attempt = await acquireArchiveLock(root)
    if (attempt.lock) lock = attempt.lock
    else reason = attempt.reason
  }
  try {
    return await loadArchive(layout, opts, lock, reason)
  } catch (err) {
    await lock?.release()
    throw err
  }
}

async function loadArchive(
  layout: ArchiveLayout,
  opts: OpenOptions,
  lock: ArchiveLock | null,
  initialReason: string | null,
): Promise<ArchiveStore> {
  const now = opts.now ?? (() => new Date())
  const write = opts.writeFile ?? writeFileAtomic
  let reason = initialReason
  let closed = false
  const assertWritable = () => {
    if (closed) throw new QuireError('READ_ONLY', 'This archive has been closed.')
    if (reason !== null) throw new QuireError('READ_ONLY', reason)
  }
  const recoverer = createRecoverer({
    layout,
    write,
    now,
    readOnlyReason: () => reason,
    onUnrecoverable: (message) => (reason ??= message),
  })

  if (lock) await removeStaleTempFiles([layout.root, layout.catalogDir, layout.contentDir])
  const current = opts.currentVersion ?? CURRENT_SCHEMA_VERSION
  const migrations = opts.migrations ?? MIGRATIONS
  const loaded = await loadManifest(layout, current, migrations, now, write, recoverer.recover)
  const { manifest, found, steps } = loaded
  if (reason === null) await mkdir(layout.catalogDir, { recursive: true })
  const catalog = await Catalog.open(layout, steps, {
    write,
    recover: recoverer.recover,
    assertWritable,
  })
  const content = new ContentStore(layout, { write, assertWritable })

  const backup = async (): Promise<BackupInfo> => {
    assertWritable()
    const info = await createBackup(layout, {
      now: now(),
      write,
      expectedRecords: catalog.size,
      // A writer given for tests (a failing disk) copies through it, so its faults show.
      ...(opts.writeFile
        ? { copy: async (from: string, to: string) => write(to, await readFile(from)) }
        : {}),
      recordsIn: (rel) => catalog.shardSize(rel.slice('catalog/'.length, -'.json'.length)),
    })
    await pruneBackups(layout)
    return info
  }

  let backupError: string | null = null
  const backupIfDue = async (): Promise<BackupInfo | null> => {
    if (closed || reason !== null || found === null) return null
    try {
      if (await hasRecentBackup(layout, now())) return null
      const info = await backup()
      backupError = null
      return info
    } catch (err) {
      backupError = (err as Error).message
      return null
    }
  }

  if (reason === null) {
    await content.init()
    // Migrated (or new) archives are written back at once, records first, so a crash
    // mid-migration leaves the old version number and the steps run again.
    await catalog.flush()
    if (found === null || steps.length) {
      manifest.data.schemaVersion = current
      await manifest.write()
    }
  }

  return {
    layout,
    manifest,
    catalog,
    content,
    recoveries: recoverer.recoveries,
    get readOnly() {
      return closed || reason !== null
    },
    get readOnlyReason() {
      return closed ? 'This archive has been closed.' : reason
    },
    get backupError() {
      return backupError
    },
    assertWritable,
    backup,
    backupIfDue,
    async close() {
      closed = true
      await lock?.release()
    },
  }
}

interface LoadedManifest {
  manifest: Low<Manifest>
  /** The schema version on disk; null for a new archive. */
  found: number | null
  steps: readonly MigrationStep[]
}

/** Read quire.json, restoring it from a backup when damaged (then its version is re-read). */
async function loadManifest(
  layout: ArchiveLayout,
  current: number,
  migrations: readonly MigrationStep[],
  now: () => Date,
  write: FileWriter,
  recover: Recover,
): Promise<LoadedManifest> {
  for (;;) {
    const found = await readSchemaVersion(layout.manifest)
    if (found !== null && found > current) {
      throw new QuireError(
        'UNSUPPORTED_FORMAT',
        `The archive at ${layout.root} was written by a newer Quire (schema ${found}); this version reads schema ${current} and older. Update Quire to open it.`,
      )
    }
    const steps = found === null ? [] : stepsFrom(found, migrations)
    const upgrade = (raw: unknown) =>
      steps.length && raw && typeof raw === 'object'
        ? upgradeManifest(raw as Record<string, unknown>, steps)
        : raw
    const manifest = new Low<Manifest>(
      new JsonFileAdapter(layout.manifest, ManifestSchema, upgrade, write),
      newManifest(current, now().toISOString()),
    )
    try {
      await manifest.read()
      return { manifest, found, steps }
    } catch (err) {
      if (!(err instanceof DamagedFileError)) throw err
      // Restored: go round and read the copy's version. Not restored: the archive is now
      // read-only; its records are taken to be current, as the likeliest case.
      if (!(await recover(err))) return { manifest, found, steps: [] }
    }
  }
}

/** The manifest's schema version without validating the rest, or null for a new archive. */
async function readSchemaVersion(path: string): Promise<number | null> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw err
  }
  try {
    const v = (JSON.parse(text) as { schemaVersion?: unknown }).schemaVersion
    return typeof v === 'number' ? v : 0
  } catch {
    return 0 // unparsable: the manifest adapter reports it as damaged with the details
  }
}

async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory()
  } catch {
    return false
  }
}
