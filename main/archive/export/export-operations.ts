// Exports that need the archive to hold still: a snapshot for Quire JSON and the other
// formats, and the backup zip. Both run in the write queue, so no write tears them.
import type { ArchiveCore } from '../core/archive-core.ts'
import { snapshotOfStore, type ArchiveSnapshot } from './archive-snapshot.ts'
import { createBackupZip, type BackupZipOptions, type BackupZipResult } from './backup-zip.ts'

/** Runs `use` on a snapshot of the archive inside the write queue (Quire JSON export). */
export async function snapshot<T>(
  core: ArchiveCore,
  use: (s: ArchiveSnapshot) => Promise<T>,
): Promise<T> {
  return core.exclusive(async () => use(await snapshotOfStore(core.store)))
}

/** The backup zip of this archive at `outPath`, made in the write queue (no torn copy). */
export async function backupZip(
  core: ArchiveCore,
  outPath: string,
  opts?: BackupZipOptions,
): Promise<BackupZipResult> {
  return core.exclusive(async () => {
    // The zip copies the files: every committed change goes into them first.
    await core.store.checkpoint()
    return createBackupZip(core.store.layout.root, outPath, opts)
  })
}
