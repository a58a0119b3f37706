// Reading a backup zip without loading it: the table of contents once, then each entry
// streamed from the file when it is needed (a shard, a body, an image), checked against the
// backup's checksums before any of it is used. Unsafe or foreign names are listed, never read.
import { createHash } from 'node:crypto'
import { createWriteStream } from 'node:fs'
import { open, rename, unlink } from 'node:fs/promises'
import { Transform } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import yauzl from 'yauzl'
import { QuireError } from '../../../shared/errors.ts'
import { tempPathFor } from '../store/atomic-write.ts'
import { AssetNameSchema } from './archive-snapshot.ts'
import {
  BACKUP_FORMAT,
  BACKUP_ZIP_CHECKSUMS,
  BACKUP_ZIP_MANIFEST,
  CONTENT_FILE,
  SETTINGS_ENTRY,
} from './backup-zip.ts'

/** One entry's declared size above this is refused (a zip bomb, not a news archive). */
const MAX_ENTRY_BYTES = 1024 * 1024 * 1024
/** quire.json, a shard, the checksums: read into memory, so capped lower. */
const MAX_META_BYTES = 256 * 1024 * 1024
const SHARD = /^catalog\/([0-9a-f]{2})\.json$/
const ASSET = /^assets\/([^/\\]+)$/

export interface BackupEntries {
  /** Shard keys present, sorted. */
  shards: string[]
  /** `content/` file names present (bodies and versions). */
  content: Set<string>
  assets: string[]
  /** Entries that are no part of a backup (or unsafe names): never written anywhere. */
  ignored: string[]
  hasSettings: boolean
}

export interface BackupReader {
  readonly path: string
  readonly entries: BackupEntries
  /** The bytes of a small entry (quire.json, a shard, settings.json), checked; null when absent. */
  readSmall(name: string): Promise<Uint8Array | null>
  /** A body or version as text, checked; null when the zip does not hold it. */
  readContent(fileName: string): Promise<string | null>
  /** Stream an entry into `dest` (temp file, fsync, rename), checked before the rename. */
  extractTo(name: string, dest: string): Promise<void>
  /** An error naming the zip, for callers that find a problem in what they read. */
  fail(why: string): QuireError
  close(): Promise<void>
}

/**
 * Open a backup zip and read its table of contents and checksums. Throws QuireError
 * INVALID_INPUT naming the file: not a zip, no quire.json, a bad checksum list.
 */
export async function openBackupZip(path: string): Promise<BackupReader> {
  const fail = (why: string) => new QuireError('INVALID_INPUT', `${path}: ${why}`)
  let zip: yauzl.ZipFile
  try {
    zip = await yauzl.openPromise(path, { decodeStrings: false, autoClose: false })
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new QuireError('NOT_FOUND', `Cannot read ${path}: no such file`)
    }
    throw fail(`not a readable zip (${(err as Error).message})`)
  }
  const byName = new Map<string, yauzl.Entry>()
  const entries: BackupEntries = {
    shards: [],
    content: new Set(),
    assets: [],
    ignored: [],
    hasSettings: false,
  }
  try {
    for await (const entry of zip.eachEntry()) {
      const name = yauzl.getFileNameLowLevel(
        entry.generalPurposeBitFlag,
        entry.fileNameRaw,
        entry.extraFields,
        true,
      )
      if (name.endsWith('/')) continue
      if (yauzl.validateFileName(name) !== null || byName.has(name)) {
        entries.ignored.push(name)
        continue
      }
      const shard = SHARD.exec(name)
      const asset = ASSET.exec(name)
      const content = name.startsWith('content/') ? name.slice(8) : ''
      if (shard) entries.shards.push(shard[1]!)
      else if (content && CONTENT_FILE.test(content)) entries.content.add(content)
      else if (asset && AssetNameSchema.safeParse(asset[1]).success) entries.assets.push(asset[1]!)
      else if (name === SETTINGS_ENTRY) entries.hasSettings = true
      else if (![BACKUP_ZIP_MANIFEST, BACKUP_ZIP_CHECKSUMS, 'quire.json'].includes(name)) {
        entries.ignored.push(name)
        continue
      }
      if (entry.uncompressedSize > MAX_ENTRY_BYTES) throw fail(`${name} is too large to restore`)
      if (entry.isEncrypted()) throw fail(`${name} is encrypted`)
      byName.set(name, entry)
    }
  } catch (err) {
    await closeZip(zip)
    if (err instanceof QuireError) throw err
    throw fail(`not a readable zip (${(err as Error).message})`)
  }
  entries.shards.sort()
  entries.assets.sort()
  entries.ignored.sort()

  const readEntry = async (name: string, max: number): Promise<Uint8Array | null> => {
    const entry = byName.get(name)
    if (!entry) return null
    if (entry.uncompressedSize > max) throw fail(`${name} is too large to restore`)
    const chunks: Buffer[] = []
    try {
      for await (const chunk of await zip.openReadStreamPromise(entry)) chunks.push(chunk as Buffer)
    } catch (err) {
      throw fail(`${name} cannot be read (${(err as Error).message})`)
    }
    return Buffer.concat(chunks)
  }

  let sums: Map<string, string> | null = null
  const verify = (name: string, digest: string) => {
    const want = sums?.get(name)
    if (want !== undefined && want !== digest) {
      throw fail(`${name} is damaged (its checksum differs from the backup's)`)
    }
  }
  const readChecked = async (name: string, max = MAX_META_BYTES) => {
    const data = await readEntry(name, max)
    if (data) verify(name, sha256(data))
    return data
  }

  try {
    sums = await readChecksums(readEntry, fail)
    if (!byName.has('quire.json')) throw fail('no quire.json: this is not a Quire backup')
  } catch (err) {
    await closeZip(zip)
    throw err
  }

  return {
    path,
    entries,
    readSmall: (name) => readChecked(name),
    async readContent(fileName) {
      const data = await readChecked(`content/${fileName}`, MAX_ENTRY_BYTES)
      return data ? new TextDecoder().decode(data) : null
    },
    async extractTo(name, dest) {
      const entry = byName.get(name)
      if (!entry) throw fail(`${name} is missing`)
      const hash = createHash('sha256')
      const tmp = tempPathFor(dest)
      try {
        const hashing = new Transform({
          transform(chunk: Buffer, _enc, next) {
            hash.update(chunk)
            next(null, chunk)
          },
        })
        await pipeline(
          await zip.openReadStreamPromise(entry),
          hashing,
          createWriteStream(tmp, { flags: 'wx' }),
        )
        verify(name, hash.digest('hex'))
        const handle = await open(tmp, 'r')
        await handle.sync().finally(() => handle.close())
        await rename(tmp, dest)
      } catch (err) {
        await unlink(tmp).catch(() => {})
        if (err instanceof QuireError) throw err
        throw fail(`${name} cannot be restored (${(err as Error).message})`)
      }
    },
    fail,
    close: () => closeZip(zip),
  }
}

/** The checksums: `quire-backup.sha256` (version 2) or the manifest's `files` (version 1). */
async function readChecksums(
  readEntry: (name: string, max: number) => Promise<Uint8Array | null>,
  fail: (why: string) => QuireError,
): Promise<Map<string, string> | null> {
  const list = await readEntry(BACKUP_ZIP_CHECKSUMS, MAX_META_BYTES)
  if (list) {
    const sums = new Map<string, string>()
    for (const line of new TextDecoder().decode(list).split('\n')) {
      if (!line) continue
      const m = /^([0-9a-f]{64}) {2}(.+)$/.exec(line)
      if (!m) throw fail(`${BACKUP_ZIP_CHECKSUMS} is not a checksum list`)
      sums.set(m[2]!, m[1]!)
    }
    return sums
  }
  const manifest = await readEntry(BACKUP_ZIP_MANIFEST, MAX_META_BYTES)
  if (!manifest) return null // a zip made by hand: restored without checksums
  let raw: { format?: unknown; files?: Record<string, { sha256?: unknown }> }
  try {
    raw = JSON.parse(new TextDecoder().decode(manifest)) as typeof raw
  } catch {
    throw fail(`${BACKUP_ZIP_MANIFEST} is not valid`)
  }
  if (raw.format !== BACKUP_FORMAT) throw fail(`${BACKUP_ZIP_MANIFEST} is not valid`)
  if (!raw.files) return null
  const sums = new Map<string, string>()
  for (const [name, f] of Object.entries(raw.files)) {
    if (typeof f?.sha256 !== 'string') throw fail(`${BACKUP_ZIP_MANIFEST} is not valid`)
    sums.set(name, f.sha256)
  }
  return sums
}

function sha256(data: Uint8Array): string {
  return createHash('sha256').update(data).digest('hex')
}

async function closeZip(zip: yauzl.ZipFile): Promise<void> {
  if (!zip.isOpen) return
  const closed = new Promise<void>((resolve) => zip.once('close', () => resolve()))
  zip.close()
  await closed
}
