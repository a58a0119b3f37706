// The full backup: one zip of the archive folder (quire.json, catalog/, content/, assets/ and
// a settings file when given), streamed file by file so a big archive is never held whole.
// Never index/ (derived), backups/ (snapshots of the same data) or the lock file.
import { createHash, randomBytes } from 'node:crypto'
import { createReadStream, createWriteStream, type WriteStream } from 'node:fs'
import { readdir, rename, unlink } from 'node:fs/promises'
import { once } from 'node:events'
import { join } from 'node:path'
import { Zip, ZipDeflate, ZipPassThrough } from 'fflate'
import { QuireError } from '../../../shared/errors.ts'
import { syncDirectory } from '../store/atomic-write.ts'
import { archiveLayout } from '../store/layout.ts'
import { assetNames } from './archive-snapshot.ts'

export const BACKUP_ZIP_MANIFEST = 'quire-backup.json'
export const SETTINGS_ENTRY = 'settings.json'
const SHARD_FILE = /^[0-9a-f]{2}\.json$/
const CONTENT_FILE = /^[0-9a-f]{16}\.html$/

/** The zip's own table of contents, written last: sizes and checksums restore verifies. */
export interface BackupZipManifest {
  format: 'quire-backup-zip'
  version: 1
  createdAt: string
  files: Record<string, { bytes: number; sha256: string }>
}

export interface BackupZipOptions {
  /** The app's settings file (electron-store JSON), stored as settings.json. */
  settings?: Uint8Array
  now?: Date
}

export interface BackupZipResult {
  path: string
  files: number
  bytes: number
}

/**
 * Write the backup zip of the archive at `root` to `outPath` (via a temp file renamed into
 * place, so a failed backup never leaves a torn zip). A catalog shard that is not JSON
 * stops the backup with an error naming it. Throws QuireError('IO') on read/write errors.
 */
export async function createBackupZip(
  root: string,
  outPath: string,
  opts: BackupZipOptions = {},
): Promise<BackupZipResult> {
  const layout = archiveLayout(root)
  const tmp = `${outPath}.${process.pid}.${randomBytes(6).toString('hex')}.partial`
  const out = createWriteStream(tmp, { flags: 'wx' })
  const writer = zipWriter(out)
  const manifest: BackupZipManifest = {
    format: 'quire-backup-zip',
    version: 1,
    createdAt: (opts.now ?? new Date()).toISOString(),
    files: {},
  }
  try {
    await writer.addFile('quire.json', layout.manifest, true, manifest)
    for (const name of await listed(layout.catalogDir, SHARD_FILE)) {
      const bytes = await writer.addFile(
        `catalog/${name}`,
        join(layout.catalogDir, name),
        true,
        manifest,
      )
      assertJson(bytes, `catalog/${name}`)
    }
    for (const name of await listed(layout.contentDir, CONTENT_FILE)) {
      await writer.addFile(`content/${name}`, join(layout.contentDir, name), true, manifest)
    }
    for (const name of await assetNames(layout.assetsDir)) {
      // Images are compressed already: stored, not deflated again.
      await writer.addFile(`assets/${name}`, join(layout.assetsDir, name), false, manifest)
    }
    if (opts.settings) writer.addBytes(SETTINGS_ENTRY, opts.settings, manifest)
    writer.addBytes(
      BACKUP_ZIP_MANIFEST,
      new TextEncoder().encode(JSON.stringify(manifest, null, 1)),
    )
    const bytes = await writer.end()
    await rename(tmp, outPath)
    await syncDirectory(join(outPath, '..'))
    return { path: outPath, files: Object.keys(manifest.files).length, bytes }
  } catch (err) {
    out.destroy()
    await unlink(tmp).catch(() => {})
    if (err instanceof QuireError) throw err
    throw new QuireError('IO', `The backup zip could not be written: ${(err as Error).message}`)
  }
}

function zipWriter(out: WriteStream) {
  let failed: Error | null = null
  let drained: Promise<unknown> = Promise.resolve()
  let total = 0
  // Without a listener a write error (a full disk) would be thrown at the process.
  out.on('error', (err) => (failed ??= err))
  const zip = new Zip((err, chunk, final) => {
    if (err) {
      failed = err
      return
    }
    total += chunk.length
    if (!out.write(chunk)) drained = once(out, 'drain')
    if (final) out.end()
  })
  const check = () => {
    if (failed) throw failed
  }
  return {
    /** Stream one file into the zip; returns its bytes only for small JSON files we check. */
    async addFile(
      name: string,
      path: string,
      deflate: boolean,
      manifest: BackupZipManifest,
    ): Promise<Uint8Array> {
      const entry = deflate ? new ZipDeflate(name, { level: 6 }) : new ZipPassThrough(name)
      zip.add(entry)
      const hash = createHash('sha256')
      const keep: Buffer[] = []
      let bytes = 0
      for await (const chunk of createReadStream(path)) {
        const buf = chunk as Buffer
        hash.update(buf)
        bytes += buf.length
        if (name.endsWith('.json')) keep.push(buf)
        entry.push(buf)
        check()
        await drained
      }
      entry.push(new Uint8Array(0), true)
      check()
      manifest.files[name] = { bytes, sha256: hash.digest('hex') }
      return Buffer.concat(keep)
    },
    addBytes(name: string, data: Uint8Array, manifest?: BackupZipManifest): void {
      const entry = new ZipDeflate(name, { level: 6 })
      zip.add(entry)
      entry.push(data, true)
      check()
      if (manifest) {
        manifest.files[name] = {
          bytes: data.length,
          sha256: createHash('sha256').update(data).digest('hex'),
        }
      }
    },
    async end(): Promise<number> {
      zip.end()
      check()
      await drained
      if (!out.writableFinished) await once(out, 'finish')
      return total
    },
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

function assertJson(bytes: Uint8Array, name: string): void {
  try {
    JSON.parse(Buffer.from(bytes).toString('utf8'))
  } catch (err) {
    throw new QuireError(
      'IO',
      `${name} is damaged (${(err as Error).message}); the backup was not made. Open the archive in Quire to restore it from its daily backups first.`,
    )
  }
}
