// Rotating snapshots of quire.json + catalog/ in backups/<timestamp>/. Each is re-read and
// checked after writing, then sealed by a manifest.json written last: a backup without one
// is incomplete and never used.
import { createHash } from 'node:crypto'
import { mkdir, readdir, readFile, rm } from 'node:fs/promises'
import { mapLimit } from './map-limit.ts'
import { join } from 'node:path'
import type { FileWriter } from './atomic-write.ts'
import type { ArchiveLayout } from './layout.ts'

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
  /** Archive-relative path ('quire.json', 'catalog/5c.json') -> its checksum. */
  files: Record<string, { sha256: string; bytes: number; records: number }>
}

export interface SealedBackup extends BackupInfo {
  dir: string
  manifest: BackupManifest
}

/**
 * Snapshot the archive's JSON files as they are on disk. `expectedRecords` is the catalog's
 * size in memory: the backup must hold exactly that many records. Throws (and removes the
 * unfinished folder) when a file cannot be read, written or verified.
 */
export async function createBackup(
  layout: ArchiveLayout,
  opts: { now: Date; write: FileWriter; expectedRecords: number },
): Promise<BackupInfo> {
  const files = await sourceFiles(layout)
  const dir = await makeBackupDir(layout.backupsDir, opts.now)
  try {
    await mkdir(join(dir, 'catalog'))
    const entries: BackupManifest['files'] = {}
    await mapLimit(files, 4, async (rel) => {
      const bytes = await readFile(join(layout.root, rel))
      const records = countRecords(rel, bytes) // refuses to back up a file that is damaged
      await opts.write(join(dir, rel), bytes)
      entries[rel] = { sha256: sha256(bytes), bytes: bytes.byteLength, records }
    })
    const records = await verifyFiles(dir, entries)
    if (records !== opts.expectedRecords) {
      throw new Error(`it holds ${records} records where the catalog has ${opts.expectedRecords}`)
    }
    const manifest: BackupManifest = {
      format: 'quire-backup',
      createdAt: opts.now.toISOString(),
      records,
      files: entries,
    }
    await opts.write(join(dir, BACKUP_MANIFEST), JSON.stringify(manifest, null, 1))
    return { name: dirName(dir), createdAt: manifest.createdAt, files: files.length, records }
  } catch (err) {
    await rm(dir, { recursive: true, force: true }).catch(() => {})
    throw new Error(`The backup could not be made: ${(err as Error).message}`, { cause: err })
  }
}

/** Sealed backups, newest first. Folders without a readable manifest are left out. */
export async function sealedBackups(layout: ArchiveLayout): Promise<SealedBackup[]> {
  const { sealed } = await scanBackups(layout)
  return sealed
}

/** The newest sealed backup that holds `rel` with its checksum intact, skipping `skip`. */
export async function findBackupCopy(
  layout: ArchiveLayout,
  rel: string,
  skip: ReadonlySet<string> = new Set(),
): Promise<{ backup: SealedBackup; bytes: Buffer } | null> {
  for (const backup of await sealedBackups(layout)) {
    const entry = backup.manifest.files[rel]
    if (!entry || skip.has(backup.name)) continue
    const bytes = await readFile(join(backup.dir, rel)).catch(() => null)
    if (bytes && sha256(bytes) === entry.sha256) return { backup, bytes }
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

/** Re-read every file of a backup: checksums, JSON and record counts. Returns the total. */
async function verifyFiles(dir: string, files: BackupManifest['files']): Promise<number> {
  let total = 0
  for (const [rel, entry] of Object.entries(files)) {
    const bytes = await readFile(join(dir, rel))
    if (sha256(bytes) !== entry.sha256) throw new Error(`${rel} reads back different`)
    if (countRecords(rel, bytes) !== entry.records) throw new Error(`${rel} lost records`)
    total += entry.records
  }
  return total
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

/** Parses the file (throws on bad JSON); the number of article records a shard holds. */
function countRecords(rel: string, bytes: Uint8Array): number {
  let json: { articles?: object }
  try {
    json = JSON.parse(Buffer.from(bytes).toString('utf8')) as { articles?: object }
  } catch {
    throw new Error(`${rel} is not valid JSON`)
  }
  if (rel === 'quire.json') return 0
  if (!json.articles || typeof json.articles !== 'object') throw new Error(`${rel} has no records`)
  return Object.keys(json.articles).length
}

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex')
}

function dirName(dir: string): string {
  return dir.split(/[\\/]/).pop()!
}
