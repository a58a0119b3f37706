// Durable, atomic file replacement: unique temp file, fsync, rename, fsync of the directory.
// A crash at any instant leaves either the old or the new file, never a torn one.
import { open, rename, unlink, writeFile } from 'node:fs/promises'
import { dirname, basename, join } from 'node:path'

// node:crypto loads when first used, not with the module: it costs a `quire list` ~10 ms.
const randomBytes = (size: number) => process.getBuiltinModule('node:crypto').randomBytes(size)

/** How the store writes a file; tests inject a failing one to play out a full disk. */
export type FileWriter = (path: string, data: string | Uint8Array) => Promise<void>

/** Temp files are `.<name>.<pid>.<12 hex>.tmp`, so a later open can tell whose they were. */
const TEMP_NAME = /^\..+\.(\d+)\.[0-9a-f]{12}\.tmp$/

/** The pid that wrote a temp file of ours, or null when `name` is not one. */
export function tempFileWriterPid(name: string): number | null {
  const m = TEMP_NAME.exec(name)
  return m ? Number(m[1]) : null
}

export function tempPathFor(path: string): string {
  const name = `.${basename(path)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`
  return join(dirname(path), name)
}

/** Write `data` to `path` atomically; throws the underlying fs error (ENOSPC, EACCES…). */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  await replaceFile(path, data)
  await syncDirectory(dirname(path))
}

/**
 * The first half of an atomic write: a unique temp file, fsynced, renamed over `path`. The
 * rename is durable only once the folder is fsynced (writeFileAtomic does; batches do once).
 */
export async function replaceFile(path: string, data: string | Uint8Array): Promise<void> {
  const tmp = tempPathFor(path)
  const handle = await open(tmp, 'wx', 0o644)
  try {
    await handle.writeFile(data)
    await handle.sync()
  } catch (err) {
    await handle.close().catch(() => {})
    await unlink(tmp).catch(() => {})
    throw err
  }
  await handle.close()
  try {
    await rename(tmp, path)
  } catch (err) {
    await unlink(tmp).catch(() => {})
    throw err
  }
}

/**
 * A temp file renamed over `path`, without an fsync: atomic (a reader or a crash of this
 * process sees the old file or the new one), but after a power cut the file may be old,
 * empty or torn. Only for files the journal can rebuild (shards and quire.json between
 * checkpoints, see committer.ts).
 */
export async function replaceFileUnsynced(path: string, data: string | Uint8Array): Promise<void> {
  const tmp = tempPathFor(path)
  try {
    await writeFile(tmp, data, { flag: 'wx', mode: 0o644 })
    await rename(tmp, path)
  } catch (err) {
    await unlink(tmp).catch(() => {})
    throw err
  }
}

/** fsync a directory so a rename in it survives power loss (a no-op where unsupported). */
export async function syncDirectory(dir: string): Promise<void> {
  let handle
  try {
    handle = await open(dir, 'r')
    await handle.sync()
  } catch (err) {
    // Windows cannot open or fsync directories; the rename is still atomic there.
    if (!isIgnorableDirSyncError(err)) throw err
  } finally {
    await handle?.close()
  }
}

function isIgnorableDirSyncError(err: unknown): boolean {
  const code = (err as NodeJS.ErrnoException | undefined)?.code
  return code === 'EISDIR' || code === 'EPERM' || code === 'EINVAL' || code === 'EBADF'
}
