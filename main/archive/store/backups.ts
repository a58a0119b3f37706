// Rotating snapshots of quire.json + catalog/ in backups/<timestamp>/. Each is re-read and
// checked after writing, then sealed by a manifest.json written last: a backup without one
// is incomplete and never used.
import { constants } from 'node:fs'
import { copyFile, mkdir, open, readdir, readFile, rm } from 'node:fs/promises'
import { mapLimit } from './map-limit.ts'
import { join } from 'node:path'
import { syncDirectory, type FileWriter } from './atomic-write.ts'
import type { ArchiveLayout } from './layout.ts'

// node:crypto loads when first used, not with the module: it costs a `quire list` ~10 ms.
const createHash = (algorithm: string) =>
  process.getBuiltinModule('node:crypto').createHash(algorithm)

export const BACKUPS_KEPT = 7
export const BACKUP_INTERVAL_MS = 24 * 60 * 60 * 1000
export const BACKUP_MANIFEST = 'manifest.json'

const SHARD_FILE = /^[0-9a-f]{2}\.json$/
/** Only folders named like ours are ever removed from backups/. */
const BACKUP_DIR = /^\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d-\d{3}Z(-\d+)?$/

export interface BackupInfo {
  /** The folder name under backups/. */
  name: string
  createdAt: string
  files: number
  records: number
}

interface BackupManifest {
  format: 'quire-backup'
  createdAt: string
  records: number
  /**
   * The last journal change the copies hold (absent in backups made before the journal):
   * with the changes journaled after it, a copy rebuilds its file to the last commit.
   */
  journalSeq?: number
  /** Archive-relative path ('quire.json', 'catalog/5c.json') -> its checksum. */
  files: Record<string, { sha256: string; bytes: number; records: number }>
}

export interface SealedBackup extends BackupInfo {
  dir: string
  manifest: BackupManifest
}

/**
 * Snapshot the archive's JSON files as they are on disk. `recordsIn` says how many records
 * the catalog holds in a shard file ('catalog/5c.json'); the backup must hold exactly
 * `expectedRecords` in all. Files are copied by the kernel and checked by streamed checksums
 * of the original and the copy, so a backup of 100k articles never holds the catalog's JSON
 * in this process's memory (it runs in the app's main process; parsing every shard again
 * cost ~90 MB at 100k). Run it inside the write queue: the files must not change meanwhile.
 * Throws (and removes the unfinished folder) when a file cannot be read, copied or verified.
 */
export async function createBackup(
  layout: ArchiveLayout,
  opts: {
    now: Date
    write: FileWriter
    expectedRecords: number
    recordsIn: (rel: string) => number
    /** How a file is copied (default: by the kernel, with an fsync of the copy). */
    copy?: (from: string, to: string) => Promise<void>
    /** The last journal change the files hold (the store checkpoints first). */
    journalSeq?: number
  },
): Promise<BackupInfo> {
  const files = await sourceFiles(layout)
  const dir = await makeBackupDir(layout.backupsDir, opts.now)
  try {
    await mkdir(join(dir, 'catalog'))
    const entries: BackupManifest['files'] = {}
    await mapLimit(files, 4, async (rel) => {
      const copy = join(dir, rel)
      await (opts.copy ?? copyDurably)(join(layout.root, rel), copy)
      const [original, copied] = await Promise.all([
        hashFile(join(layout.root, rel)),
        hashFile(copy),
      ])
      if (original.sha256 !== copied.sha256) throw new Error(`${rel} reads back different`)
      const records = rel === 'quire.json' ? 0 : opts.recordsIn(rel)
      entries[rel] = { ...copied, records }
    })
    await syncDirectory(join(dir, 'catalog'))
    const records = Object.values(entries).reduce((n, e) => n + e.records, 0)
    if (records !== opts.expectedRecords) {
      throw new Error(`it holds ${records} records where the catalog has ${opts.expectedRecords}`)
    }
    const manifest: BackupManifest = {
      format: 'quire-backup',
      createdAt: opts.now.toISOString(),
      records,
      ...(opts.journalSeq !== undefined ? { journalSeq: opts.journalSeq } : {}),
      files: entries,
    }
    await opts.write(join(dir, BACKUP_MANIFEST), JSON.stringify(manifest, null, 1))
    return { name: dirName(dir), createdAt: manifest.createdAt, files: files.length, records }
  } catch (err) {
    await rm(dir, { recursive: true, force: true }).catch(() => {})
    throw new Error(`The backup could not be made: ${(err as Error).message}`, { cause: err })
  }
}

/** One read buffer for every checksum: hashing 100k articles' shards makes no garbage. */
const HASH_BUFFER = Buffer.alloc(1024 * 1024)
let hashing: Promise<unknown> = Promise.resolve()

/** The checksum and size of a file, read through the shared buffer one file at a time. */
function hashFile(path: string): Promise<{ sha256: string; bytes: number }> {
  const run = hashing.then(async () => {
    const hash = createHash('sha256')
    let bytes = 0
    const handle = await open(path, 'r')
    try {
      for (;;) {
        const { bytesRead } = await handle.read(HASH_BUFFER, 0, HASH_BUFFER.length, null)
        if (bytesRead === 0) break
        hash.update(HASH_BUFFER.subarray(0, bytesRead))
        bytes += bytesRead
      }
    } finally {
      await handle.close()
    }
    return { sha256: hash.digest('hex'), bytes }
  })
  hashing = run.catch(() => {})
  return run
}

async function copyDurably(from: string, to: string): Promise<void> {
  await copyFile(from, to, constants.COPYFILE_EXCL)
  const handle = await open(to, 'r')
  try {
    await handle.sync()
  } finally {
    await handle.close()
  }
}

/** Sealed backups, newest first. Folders without a readable manifest are left out. */
export async function sealedBackups(layout: ArchiveLayout): Promise<SealedBackup[]> {
  const { sealed } = await scanBackups(layout)
  return sealed
}

/**
 * The newest sealed backup to rebuild `rel` from: its verified copy, or no bytes (an empty
 * base) when a backup made with the journal has no such file (it did not exist then).
 */
export async function findBackupBase(
  layout: ArchiveLayout,
  rel: string,
  skip: ReadonlySet<string> = new Set(),
): Promise<{ backup: SealedBackup; bytes: Buffer | null; journalSeq: number | null } | null> {
  for (const backup of await sealedBackups(layout)) {
    if (skip.has(backup.name)) continue
    const journalSeq = Number.isInteger(backup.manifest.journalSeq)
      ? backup.manifest.journalSeq!
      : null
    const entry = backup.manifest.files[rel]
    if (!entry) {
      if (journalSeq !== null && rel !== 'quire.json') return { backup, bytes: null, journalSeq }
      continue
    }
    const bytes = await readFile(join(backup.dir, rel)).catch(() => null)
    if (bytes && sha256(bytes) === entry.sha256) return { backup, bytes, journalSeq }
  }
  return null
}

/** Whether a sealed backup younger than a day exists (a future date does not count). */
export async function hasRecentBackup(layout: ArchiveLayout, now: Date): Promise<boolean> {
  const newest = (await sealedBackups(layout))[0]
  if (!newest) return false
  const age = now.getTime() - Date.parse(newest.createdAt)
  return age >= 0 && age < BACKUP_INTERVAL_MS
}

/** Backups made on demand that are kept on top of the daily ones. */
export const RECENT_BACKUPS_KEPT = 3

/**
 * Keep the newest backup of each of the last `keep` days that have one, plus the newest
 * few whatever their day, so backups made on demand never push the daily ones out; remove
 * the rest and unfinished folders.
 */
export async function pruneBackups(layout: ArchiveLayout, keep = BACKUPS_KEPT): Promise<void> {
  const { sealed, unsealed } = await scanBackups(layout)
  const kept = new Set(sealed.slice(0, RECENT_BACKUPS_KEPT).map((b) => b.dir))
  const days = new Set<string>()
  for (const b of sealed) {
    const day = b.createdAt.slice(0, 10)
    if (days.has(day) || days.size >= keep) continue
    days.add(day)
    kept.add(b.dir)
  }
  const doomed = [...sealed.filter((b) => !kept.has(b.dir)).map((b) => b.dir), ...unsealed]
  await Promise.all(doomed.map((dir) => rm(dir, { recursive: true, force: true })))
}

async function scanBackups(
  layout: ArchiveLayout,
): Promise<{ sealed: SealedBackup[]; unsealed: string[] }> {
  let names: string[]
  try {
    names = await readdir(layout.backupsDir)
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { sealed: [], unsealed: [] }
    throw err
  }
  const sealed: SealedBackup[] = []
  const unsealed: string[] = []
  for (const name of names) {
    const dir = join(layout.backupsDir, name)
    const manifest = await readManifest(dir)
    if (manifest) {
      sealed.push({
        name,
        dir,
        manifest,
        createdAt: manifest.createdAt,
        files: Object.keys(manifest.files).length,
        records: manifest.records,
      })
    } else if (BACKUP_DIR.test(name)) {
      unsealed.push(dir)
    }
  }
  sealed.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.name.localeCompare(a.name))
  return { sealed, unsealed }
}

async function readManifest(dir: string): Promise<BackupManifest | null> {
  try {
    const m = JSON.parse(await readFile(join(dir, BACKUP_MANIFEST), 'utf8')) as BackupManifest
    const ok =
      m.format === 'quire-backup' &&
      typeof m.createdAt === 'string' &&
      !Number.isNaN(Date.parse(m.createdAt)) &&
      typeof m.files === 'object' &&
      m.files !== null
    return ok ? m : null
  } catch {
    return null
  }
}

async function sourceFiles(layout: ArchiveLayout): Promise<string[]> {
  const shards = (await readdir(layout.catalogDir)).filter((n) => SHARD_FILE.test(n)).sort()
  return ['quire.json', ...shards.map((n) => `catalog/${n}`)]
}

/** backups/2024-06-01T12-00-00-000Z (no colons: Windows), with a suffix on a clash. */
async function makeBackupDir(backupsDir: string, now: Date): Promise<string> {
  await mkdir(backupsDir, { recursive: true })
  const stamp = now.toISOString().replace(/[:.]/g, '-')
  for (let n = 0; ; n++) {
    const dir = join(backupsDir, n ? `${stamp}-${n}` : stamp)
    try {
      await mkdir(dir)
      return dir
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST' || n > 100) throw err
    }
  }
}

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex')
}

function dirName(dir: string): string {
  return dir.split(/[\\/]/).pop()!
}
