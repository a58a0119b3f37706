// One writer per archive and device: <archive>/.local.nosync/<device>/quire.lock names the
// process (pid, host, start time) that may write. Others on this device open read-only; a
// lock whose process is gone is taken over. Other devices never see it (it is not synced):
// each writes its own copy of the folder and the sync engine carries the changes.
import { readFileSync, unlinkSync } from 'node:fs'
import { link, mkdir, open, readFile, rename, stat, unlink } from 'node:fs/promises'
import { hostname } from 'node:os'
import { dirname, join } from 'node:path'
import { QuireError } from '../../../shared/errors.ts'
import { syncDirectory, tempPathFor } from './atomic-write.ts'
import { archiveLayout } from './layout.ts'
import { describeWriteError } from './write-failure.ts'

/** The lock file of the archive in `root`, for this device. */
export function lockPath(root: string): string {
  return archiveLayout(root).lockFile
}

// node:crypto loads when first used, not with the module: it costs a `quire list` ~10 ms.
const randomBytes = (size: number) => process.getBuiltinModule('node:crypto').randomBytes(size)

/**
 * An unreadable lock younger than this may be one being written right now (only possible
 * where hard links are missing, see createLock); older, it is a crash's leftover.
 */
const UNREADABLE_LOCK_GRACE_MS = 10_000

export interface LockOwner {
  pid: number
  hostname: string
  startedAt: string
}

export interface ArchiveLock {
  owner: LockOwner
  /** Removes the lock file if it is still ours. Idempotent. */
  release(): Promise<void>
}

/**
 * Either we hold the lock, or we may not write: someone else holds it (`holder`, null when
 * their lock is unreadable) or the folder takes no writes. `reason` says which, for the user.
 */
export type LockAttempt =
  | { lock: ArchiveLock }
  | {
      lock: null
      holder: LockOwner | null
      reason: string
      /** Another Quire holds it (it may let go); false when the folder takes no writes. */
      held: boolean
    }

interface LockFileState {
  raw: string
  owner: LockOwner | null
  mtimeMs: number
}

/** Locks this process holds, by path, with the exact text we wrote (to release only ours). */
const held = new Map<string, string>()
let exitHookInstalled = false

/**
 * Take the archive's lock, taking over a stale one. A folder where the lock cannot be
 * written (a read-only mount, a full disk) answers read-only rather than failing the open.
 * Throws QuireError('IO') only when the lock keeps changing under us.
 */
export async function acquireArchiveLock(
  root: string,
  path: string = lockPath(root),
): Promise<LockAttempt> {
  const owner: LockOwner = {
    pid: process.pid,
    hostname: hostname(),
    startedAt: new Date().toISOString(),
  }
  const raw = JSON.stringify(owner) + '\n'
  // Each pass either takes the lock, finds a live holder, or clears one stale lock; a few
  // passes cover a racing process taking or releasing it in between.
  for (let attempt = 0; attempt < 5; attempt++) {
    let created: boolean
    try {
      await mkdir(dirname(path), { recursive: true })
      created = await createLock(path, raw)
    } catch (err) {
      const reason = `The archive folder cannot be written (${describeWriteError(err)}); it is read-only here.`
      return { lock: null, holder: null, reason, held: false }
    }
    if (created) return { lock: holdLock(path, owner, raw) }
    const current = await readLockFile(path)
    if (!current) continue // released between our attempt and our read
    if (!isStale(current)) {
      return {
        lock: null,
        holder: current.owner,
        reason: lockedMessage(current.owner),
        held: true,
      }
    }
    await clearStaleLock(path, current)
  }
  throw new QuireError('IO', `Could not take the lock ${path}: it keeps changing.`)
}

/**
 * Whether the lock is free to take now: no lock file, or one whose process is gone. Reads
 * only; a read-only Quire asks this to learn that the writer has let go.
 */
export async function isLockFree(root: string, path = lockPath(root)): Promise<boolean> {
  const current = await readLockFile(path).catch(() => null)
  return current === null || isStale(current)
}

/** Whether the pid runs on this host. EPERM means it runs but belongs to another user. */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/** Why an archive is read-only, in words for the user. */
function lockedMessage(holder: LockOwner | null): string {
  if (!holder) return 'This archive is being opened by another Quire; it is read-only here.'
  const where = holder.hostname === hostname() ? '' : ` on ${holder.hostname}`
  return `This archive is open in another Quire (pid ${holder.pid}${where}); it is read-only here.`
}

/**
 * Create the lock with its content in one step: the text goes to a temp file that is then
 * hard-linked into place (link fails with EEXIST like open 'wx' does). A bare open 'wx'
 * leaves an empty lock for an instant, and a crash in that instant a lock no one can judge.
 * Filesystems without hard links (FAT, some shares) get open 'wx' instead.
 */
async function createLock(path: string, raw: string): Promise<boolean> {
  const tmp = tempPathFor(path)
  try {
    await writeSynced(tmp, raw, 'wx')
    try {
      await link(tmp, path)
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code
      if (code === 'EEXIST') return false
      if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS' && code !== 'EXDEV') throw err
      try {
        await writeSynced(path, raw, 'wx')
      } catch (err2) {
        if ((err2 as NodeJS.ErrnoException).code === 'EEXIST') return false
        throw err2
      }
    }
    await syncDirectory(join(path, '..'))
    return true
  } finally {
    await unlink(tmp).catch(() => {})
  }
}

async function writeSynced(path: string, raw: string, flags: string): Promise<void> {
  const handle = await open(path, flags, 0o644)
  try {
    await handle.writeFile(raw)
    await handle.sync()
  } finally {
    await handle.close()
  }
}

async function readLockFile(path: string): Promise<LockFileState | null> {
  try {
    const [raw, info] = await Promise.all([readFile(path, 'utf8'), stat(path)])
    return { raw, owner: parseOwner(raw), mtimeMs: info.mtimeMs }
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw err
  }
}

function parseOwner(raw: string): LockOwner | null {
  try {
    const o = JSON.parse(raw) as Partial<LockOwner>
    if (typeof o.pid === 'number' && typeof o.hostname === 'string') {
      return { pid: o.pid, hostname: o.hostname, startedAt: String(o.startedAt ?? '') }
    }
  } catch {
    // fall through: unreadable
  }
  return null
}

/** Stale: its process is gone from this host. A lock from another host is never judged. */
function isStale(state: LockFileState): boolean {
  if (!state.owner) return Date.now() - state.mtimeMs > UNREADABLE_LOCK_GRACE_MS
  return state.owner.hostname === hostname() && !isProcessAlive(state.owner.pid)
}

/**
 * Move the stale lock aside, then check it was the one we judged: a racing Quire may have
 * replaced it with a live lock in between, which we put back.
 */
async function clearStaleLock(path: string, stale: LockFileState): Promise<void> {
  const aside = `${path}.${process.pid}.${randomBytes(6).toString('hex')}.stale`
  try {
    await rename(path, aside)
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return
    throw err
  }
  const moved = await readFile(aside, 'utf8').catch(() => null)
  if (moved !== null && moved !== stale.raw) await link(aside, path).catch(() => {})
  await unlink(aside).catch(() => {})
}

function holdLock(path: string, owner: LockOwner, raw: string): ArchiveLock {
  held.set(path, raw)
  if (!exitHookInstalled) {
    exitHookInstalled = true
    // Crashes and SIGKILL skip this; the next open sees a dead pid and takes over instead.
    process.on('exit', () => {
      for (const [p, r] of held) releaseSync(p, r)
    })
  }
  return {
    owner,
    async release() {
      if (held.get(path) !== raw) return
      held.delete(path)
      const current = await readFile(path, 'utf8').catch(() => null)
      if (current === raw) await unlink(path).catch(() => {})
    },
  }
}

function releaseSync(path: string, raw: string): void {
  try {
    if (readFileSync(path, 'utf8') === raw) unlinkSync(path)
  } catch {
    // already gone, or the folder went away: nothing to release
  }
}
