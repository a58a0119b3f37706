// What an open archive does for itself, in the write queue: the daily backup (checked again
// every hour, for an app left open for days), then the sweep of files earlier sessions left
// without an owner (a killed import's bodies, a killed empty-trash's), both before anything of
// the session; and the checkpoint that brings the shard files up to the journal once the
// archive has been idle a while (a write is durable at its journal append: committer.ts).
// Started at open, and again when a read-only archive becomes the writer.
import type { SweepResult } from '../store/archive-store.ts'
import type { ArchiveCore } from './archive-core.ts'

/** How often an open archive checks whether its daily backup is due. */
const BACKUP_CHECK_MS = 60 * 60 * 1000
/** Quiet time after the last write before the shard files are brought up to date. */
export const IDLE_CHECKPOINT_MS = 5000

export interface Housekeeping {
  /** The sweep made after open (null when it could not run, e.g. read-only). */
  swept: Promise<SweepResult | null>
  /**
   * Stop, then checkpoint after the queued writes and tell the index which shard files it
   * wrote (before the archive closes). Never throws: a checkpoint that fails leaves every
   * change in the journal.
   */
  close(): Promise<void>
  stop(): void
}

/** What hears of a checkpoint: the search index (search/index-slot.ts). */
export interface CheckpointListener {
  /** The shard files a checkpoint wrote, once every write before it told the index. */
  checkpointed(keys: string[]): Promise<void>
}

export function startHousekeeping(
  core: ArchiveCore,
  index?: CheckpointListener,
  idleMs = IDLE_CHECKPOINT_MS,
): Housekeeping {
  // The backup goes first: open stays fast (a backup of 100k articles takes seconds), and no
  // write of this session lands before it.
  void core.exclusive(() => core.store.backupIfDue())
  const swept = core.exclusive(() => core.store.sweep()).catch(() => null)
  const timer = setInterval(
    () => void core.exclusive(() => core.store.backupIfDue()),
    BACKUP_CHECK_MS,
  )
  timer.unref()
  let idle: NodeJS.Timeout | null = null
  const checkpoint = () =>
    core
      .exclusive(async () => {
        const keys = await core.store.checkpoint()
        if (keys.length) await index?.checkpointed(keys)
      })
      .catch(() => {})
  // After each write, (re)start the wait: the checkpoint comes once the writes pause.
  core.onWrite(() => {
    if (idle) clearTimeout(idle)
    idle = setTimeout(() => {
      idle = null
      void checkpoint()
    }, idleMs)
    idle.unref()
  })
  const stop = () => {
    core.onWrite(null)
    clearInterval(timer)
    if (idle) clearTimeout(idle)
    idle = null
  }
  return {
    swept,
    async close() {
      stop()
      await checkpoint()
    },
    stop,
  }
}
