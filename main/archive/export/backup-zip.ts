// The full backup: one zip of the archive folder (quire.json, catalog/, content/, assets/ and
// a settings file when given), streamed file by file so memory stays flat at any size.
// Never index/ (derived), backups/ (snapshots of the same data) or the lock file.
//
// Layout (version 2): `quire-backup.json` first (what the file is: restore recognises a backup
// by it, whatever the file's name), the archive's files, then `quire-backup.sha256` last: one
// `<sha256>  <path>` line per file, the format `sha256sum -c` reads, checked on restore.
import { createHash, randomBytes } from 'node:crypto'
import { createReadStream, createWriteStream } from 'node:fs'
import { open, readdir, readFile, rename, unlink } from 'node:fs/promises'
import { finished } from 'node:stream/promises'
import { Transform } from 'node:stream'
import { dirname, join } from 'node:path'
import yazl from 'yazl'
import { QuireError } from '../../../shared/errors.ts'
import { syncDirectory } from '../store/atomic-write.ts'
import { archiveLayout } from '../store/layout.ts'
import { assetNames } from './archive-snapshot.ts'
import type { ExportProgress } from './export-progress.ts'

export const BACKUP_ZIP_MANIFEST = 'quire-backup.json'
export const BACKUP_ZIP_CHECKSUMS = 'quire-backup.sha256'
export const SETTINGS_ENTRY = 'settings.json'
export const BACKUP_FORMAT = 'quire-backup-zip'
export const BACKUP_VERSION = 2
const SHARD_FILE = /^[0-9a-f]{2}\.json$/
/** A body, or an earlier version of one (`<id>.v<n>.html`). */
export const CONTENT_FILE = /^[0-9a-f]{16}(\.v[1-9][0-9]{0,5})?\.html$/

/** The first entry: what this zip is and which Quire made it. */
export interface BackupZipManifest {
  format: typeof BACKUP_FORMAT
  version: number
  createdAt: string
  /** The archive's schema version (from its quire.json). */
  schemaVersion: number
  /** Version 1 kept the checksums here (and wrote this entry last). */
  files?: Record<string, { bytes: number; sha256: string }>
}

export interface BackupZipOptions {
  /** The app's settings file (electron-store JSON), stored as settings.json. */
  settings?: Uint8Array
  now?: Date
  onProgress?: (p: ExportProgress) => void
  signal?: AbortSignal
}

export interface BackupZipResult {
  path: string
  files: number
  bytes: number
}

/**
 * Write the backup zip of the archive at `root` to `outPath` (via a temp file renamed into
 * place: a failed or cancelled backup leaves nothing behind). A catalog shard that is not
 * JSON stops the backup with an error naming it. Throws QuireError('IO') on read/write errors.
 */
export async function createBackupZip(
  root: string,
  outPath: string,
  opts: BackupZipOptions = {},
): Promise<BackupZipResult> {
  const layout = archiveLayout(root)
  const tmp = `${outPath}.${process.pid}.${randomBytes(6).toString('hex')}.partial`
  const sums = `${tmp}.sha256`
  const zip = new yazl.ZipFile()
  const out = createWriteStream(tmp, { flags: 'wx' })
  const sumsOut = await open(sums, 'wx')
  let failed: Error | null = null
  // Any failure (a file that cannot be read, a full disk) ends the output stream, so the
  // wait below always ends: an unsettled wait was how the old backup exited silently (13).
  const fail = (err: Error) => {
    failed ??= err
    out.destroy(err)
  }
  zip.outputStream.on('error', fail)
  out.on('error', fail)
  zip.on('error', fail)
  zip.outputStream.pipe(out)
  const time = opts.now ?? new Date()
  const entry = { mtime: time, forceDosTimestamp: true }
  try {
    const schemaVersion = await readSchemaVersion(layout.manifest)
    const manifest: BackupZipManifest = {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      createdAt: time.toISOString(),
      schemaVersion,
    }
    zip.addBuffer(Buffer.from(JSON.stringify(manifest, null, 1) + '\n'), BACKUP_ZIP_MANIFEST, entry)
    const files: { name: string; path: string; compress: boolean }[] = [
      { name: 'quire.json', path: layout.manifest, compress: true },
    ]
    for (const n of await listed(layout.catalogDir, SHARD_FILE)) {
      await assertJson(join(layout.catalogDir, n), `catalog/${n}`)
      files.push({ name: `catalog/${n}`, path: join(layout.catalogDir, n), compress: true })
    }
    for (const n of await listed(layout.contentDir, CONTENT_FILE)) {
      files.push({ name: `content/${n}`, path: join(layout.contentDir, n), compress: true })
    }
    // Images are compressed already: stored, not deflated again.
    for (const n of await assetNames(layout.assetsDir)) {
      files.push({ name: `assets/${n}`, path: join(layout.assetsDir, n), compress: false })
    }
    const total = files.length + (opts.settings ? 1 : 0)
    let done = 0
    // Each file is read when the zip reaches it (one open file at a time), hashed on the way.
    for (const f of files) {
      zip.addReadStreamLazy(f.name, { ...entry, compress: f.compress }, (cb) => {
        if (opts.signal?.aborted) {
          return cb(new QuireError('IO', 'The backup was cancelled.'), undefined as never)
        }
        const hash = createHash('sha256')
        const hashing = new Transform({
          transform(chunk: Buffer, _enc, next) {
            hash.update(chunk)
            next(null, chunk)
          },
          flush(next) {
            sumsOut.write(`${hash.digest('hex')}  ${f.name}\n`).then(() => {
              opts.onProgress?.({ phase: 'writing', done: ++done, total })
              next()
            }, next)
          },
        })
        const source = createReadStream(f.path)
        source.on('error', (err) => hashing.destroy(err))
        cb(null, source.pipe(hashing))
      })
    }
    if (opts.settings) {
      const data = Buffer.from(opts.settings)
      zip.addBuffer(data, SETTINGS_ENTRY, entry)
      await sumsOut.write(`${sha256(data)}  ${SETTINGS_ENTRY}\n`)
      done++
    }
    // Last: the checksums, read only once every file before it has gone through.
    zip.addReadStreamLazy(BACKUP_ZIP_CHECKSUMS, entry, (cb) => {
      sumsOut.sync().then(
        () => cb(null, createReadStream(sums)),
        (err: Error) => cb(err, undefined as never),
      )
    })
    zip.end()
    await finished(out)
    if (failed) throw failed
    const size = await fsyncFile(tmp)
    await rename(tmp, outPath)
    await syncDirectory(dirname(outPath))
    return { path: outPath, files: total, bytes: size }
  } catch (err) {
    const reason = failed ?? err
    zip.outputStream.unpipe(out)
    out.destroy()
    await unlink(tmp).catch(() => {})
    if (reason instanceof QuireError) throw reason
    throw new QuireError('IO', `The backup zip could not be written: ${(reason as Error).message}`)
  } finally {
    await sumsOut.close().catch(() => {})
    await unlink(sums).catch(() => {})
  }
}

function sha256(data: Uint8Array): string {
  return createHash('sha256').update(data).digest('hex')
}

/** fsync a finished file; returns its size. */
async function fsyncFile(path: string): Promise<number> {
  const handle = await open(path, 'r')
  try {
    await handle.sync()
    return (await handle.stat()).size
  } finally {
    await handle.close()
  }
}

async function readSchemaVersion(manifestPath: string): Promise<number> {
  try {
    const raw = JSON.parse(await readFile(manifestPath, 'utf8')) as { schemaVersion?: unknown }
    return typeof raw.schemaVersion === 'number' ? raw.schemaVersion : 1
  } catch (err) {
    throw new QuireError(
      'IO',
      `quire.json cannot be read (${(err as Error).message}); the backup was not made.`,
    )
  }
}

async function listed(dir: string, pattern: RegExp): Promise<string[]> {
  try {
    return (await readdir(dir)).filter((n) => pattern.test(n)).sort()
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return []
    throw err
  }
}

/** A shard is a few hundred KB at most (1/256 of the catalog): parsed once to refuse a bad one. */
async function assertJson(path: string, name: string): Promise<void> {
  try {
    JSON.parse(await readFile(path, 'utf8'))
  } catch (err) {
    throw new QuireError(
      'IO',
      `${name} is damaged (${(err as Error).message}); the backup was not made. Open the archive in Quire to restore it from its daily backups first.`,
    )
  }
}
