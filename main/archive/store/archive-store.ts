// Opens an archive folder: takes the writer's lock, creates the folder when new, restores
// damaged files from backups, checks and migrates the schema, and hands back the manifest,
// catalog and content stores and the backups. Everything on disk goes through here.
import { mkdir, stat } from 'node:fs/promises'
import type { Low } from 'lowdb'
import { QuireError } from '../../../shared/errors.ts'
import type { FileWriter } from './atomic-write.ts'
import type { BackupInfo } from './backups.ts'
import type { Catalog } from './catalog.ts'
import type { ContentStore } from './content-store.ts'
import type { JournalAppend } from './journal.ts'
import { archiveLayout, type ArchiveLayout } from './layout.ts'
import { acquireArchiveLock, type ArchiveLock } from './lock.ts'
import type { Manifest } from './manifest.ts'
import type { MigrationStep } from './migrations.ts'
import { loadArchive } from './load-archive.ts'
import type { Recovery } from './recovery.ts'
import type { SweepResult } from './sweep.ts'
import type { SyncMergeReport } from './sync/merge-files.ts'

export type { Recovery } from './recovery.ts'
export type { BackupInfo } from './backups.ts'
export type { SweepResult } from './sweep.ts'

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
  /** Read-only because another Quire holds the lock (it may let go: see isLockFree). */
  readonly lockedByOther: boolean
  /** Why the last daily backup failed, or null. The archive works on without it. */
  readonly backupError: string | null
  /** Throws QuireError('READ_ONLY') with the reason when this process may not write. */
  assertWritable(): void
  /** A verified snapshot of quire.json + catalog/ now; keeps the newest 7. Throws on failure. */
  backup(): Promise<BackupInfo>
  /**
   * Every committed change into the shard files and quire.json, fsynced (before a copy of
   * the folder is made, and when the archive is idle); the shard keys whose file it wrote.
   * No-op when read-only or nothing waits. Throws the fs error when a file cannot be
   * written; the journal still holds the changes.
   */
  checkpoint(): Promise<string[]>
  /** Undo uncommitted changes in memory (an operation that threw before its commit). */
  rollback(): Promise<void>
  /**
   * Read-only stores only: read what the writer committed since the last look. Returns the
   * ids whose record changed (added, changed or removed); empty when nothing did.
   */
  refresh(): Promise<string[]>
  /**
   * Remove bodies, versions and images no record refers to, of the files older than this
   * open, or than `cutoffMs` inside the write queue (see sweep.ts). The first call also
   * removes dead writers' temp files from content/ and assets/ (left out of the open: they
   * hold 100k names at 100k articles). Null when read-only or a shard is damaged (ownership
   * unknown).
   */
  sweep(cutoffMs?: number, released?: ReadonlySet<string>): Promise<SweepResult | null>
  /**
   * The daily backup: made when no sealed backup is under a day old (never for an archive
   * this open created, nor when read-only). Never throws; a failure goes to backupError.
   * Callers run it after open, before any write (ArchiveService queues it first).
   */
  backupIfDue(): Promise<BackupInfo | null>
  /**
   * Merge what the sync engine brought (shards or quire.json replaced with another device's
   * copy, conflict copies beside them; see sync/merge-files.ts). Null when read-only. Call
   * in the write queue.
   */
  mergeSynced(): Promise<SyncMergeReport | null>
  /** The last merge this session made (null before any). */
  readonly lastMerge: SyncMergeReport | null
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
  /** How the journal appends; tests inject a failing one to play out a full disk. */
  journalAppend?: JournalAppend
  /** Open as this device (store/device.ts); by default the machine's own id. */
  deviceId?: string
  /**
   * How long an unowned body waits before the sweep moves it aside (sweep.ts). The crash
   * harness sets 0: one machine, no record on its way from another device.
   */
  sweepGraceMs?: number
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
  const layout = archiveLayout(root, opts.deviceId)
  let lock: ArchiveLock | null = null
  let reason: string | null = null
  let lockedByOther = false
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
    const attempt = await acquireArchiveLock(root, layout.lockFile)
    if (attempt.lock) lock = attempt.lock
    else {
      reason = attempt.reason
      lockedByOther = attempt.held
    }
  }
  try {
    return await loadArchive(layout, opts, lock, reason, lockedByOther)
  } catch (err) {
    await lock?.release()
    throw err
  }
}

async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory()
  } catch {
    return false
  }
}
