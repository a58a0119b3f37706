// What an open archive does for itself, in the write queue before anything of the session:
// the daily backup (checked again every hour, for an app left open for days), then the sweep
// of files earlier sessions left without an owner (a killed import's bodies, a killed
// empty-trash's). Started at open, and again when a read-only archive becomes the writer.
import type { SweepResult } from '../store/archive-store.ts'
import type { ArchiveCore } from './archive-core.ts'

/** How often an open archive checks whether its daily backup is due. */
const BACKUP_CHECK_MS = 60 * 60 * 1000

export interface Housekeeping {
  /** The sweep made after open (null when it could not run, e.g. read-only). */
  swept: Promise<SweepResult | null>
  stop(): void
}

export function startHousekeeping(core: ArchiveCore): Housekeeping {
  // The backup goes first: open stays fast (a backup of 100k articles takes seconds), and no
  // write of this session lands before it.
  void core.exclusive(() => core.store.backupIfDue())
  const swept = core.exclusive(() => core.store.sweep()).catch(() => null)
  const timer = setInterval(
    () => void core.exclusive(() => core.store.backupIfDue()),
    BACKUP_CHECK_MS,
  )
  timer.unref()
  return { swept, stop: () => clearInterval(timer) }
}
