// A Quire that opened an archive read-only because another one holds it keeps following
// the writer: every few seconds it reads what the writer committed (so a second window or
// the browser shell shows the writer's changes), and once the writer lets go of the lock
// it takes the lock itself and becomes the writer.
import { openArchiveStore, type ArchiveStore, type OpenOptions } from './archive-store.ts'
import { archiveLayout } from './layout.ts'
import { isLockFree } from './lock.ts'

/** How often a read-only archive looks for the writer's changes and its lock. */
export const FOLLOW_EVERY_MS = 2000

export interface FollowTarget {
  store(): ArchiveStore
  /** Records the writer changed, added or removed (ids): tell the index. */
  changed(ids: string[]): void
  /** The lock is ours: switch to `next`, a writable store of the same archive. */
  promote(next: ArchiveStore): Promise<void>
  /** Runs `fn` in the archive's write queue (nothing else reads or writes meanwhile). */
  exclusive<T>(fn: () => Promise<T>): Promise<T>
}

export interface Following {
  /** One look now (tests; the timer does the same). Resolves once it is done. */
  poll(): Promise<void>
  stop(): void
}

export function followWriter(
  root: string,
  opts: OpenOptions,
  target: FollowTarget,
  everyMs = FOLLOW_EVERY_MS,
): Following {
  let stopped = false
  let running: Promise<void> | null = null
  const look = async (): Promise<void> => {
    if (stopped) return
    const current = target.store()
    if (!current.lockedByOther) return stop()
    if (await isLockFree(root, archiveLayout(root, opts.deviceId).lockFile)) {
      const next = await openArchiveStore(root, opts).catch(() => null)
      if (next && !next.readOnly && !stopped) {
        stop()
        await current.close()
        await target.promote(next)
        return
      }
      await next?.close()
    }
    const ids = await current.refresh()
    if (ids.length && !stopped) target.changed(ids)
  }
  const poll = () => {
    // Errors (a file mid-rename, a disk gone) are for the next look to meet again.
    running ??= target
      .exclusive(look)
      .catch(() => {})
      .finally(() => (running = null))
    return running
  }
  const timer = setInterval(() => void poll(), everyMs)
  timer.unref()
  function stop() {
    stopped = true
    clearInterval(timer)
  }
  return { poll, stop }
}
