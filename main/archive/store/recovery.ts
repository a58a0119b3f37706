// What happens to a file that fails to parse on open (Zotero's way): it is moved aside as
// *.damaged, never deleted, and restored from the newest verified backup that has it; the
// user is told what was restored from when. With no copy, the file stays and writes stop.
import { constants, copyFile, link } from 'node:fs/promises'
import { dirname, relative, sep } from 'node:path'
import type { Low } from 'lowdb'
import { syncDirectory, type FileWriter } from './atomic-write.ts'
import { findBackupCopy } from './backups.ts'
import { DamagedFileError } from './damaged-file-error.ts'
import type { ArchiveLayout } from './layout.ts'

export interface Recovery {
  /** Archive-relative path, e.g. 'catalog/5c.json'. */
  file: string
  /** The backup folder it was restored from ('backups/…'), or null when it was not. */
  restoredFrom: string | null
  backupDate: string | null
  message: string
}

/** Returns true when the file was replaced and should be read again. */
export type Recover = (err: DamagedFileError) => Promise<boolean>

export interface Recoverer {
  recover: Recover
  /** One entry per damaged file, in the order they were met. */
  readonly recoveries: Recovery[]
}

export interface RecovererOptions {
  layout: ArchiveLayout
  write: FileWriter
  now: () => Date
  /** Non-null when this process may not write: damaged files are then only reported. */
  readOnlyReason: () => string | null
  /** Called when a file cannot be restored: the archive must turn read-only. */
  onUnrecoverable: (message: string) => void
}

export function createRecoverer(opts: RecovererOptions): Recoverer {
  const found = new Map<string, Recovery>()
  const tried = new Map<string, Set<string>>()

  const recover: Recover = async (err) => {
    const file = relative(opts.layout.root, err.path).split(sep).join('/')
    const what = `${file} is damaged (${err.reason})`
    const report = (r: Omit<Recovery, 'file'>) => void found.set(file, { file, ...r })

    if (opts.readOnlyReason() !== null) {
      report({
        restoredFrom: null,
        backupDate: null,
        message: `${what}. It was left as it is, because this archive is read-only here.`,
      })
      return false
    }
    const skip = tried.get(file) ?? new Set<string>()
    tried.set(file, skip)
    const copy = await findBackupCopy(opts.layout, file, skip)
    if (!copy) {
      const message =
        `${what} and no backup has a good copy of it. The file was left in place and the ` +
        `archive opened read-only, so nothing more can be lost; its articles are not shown.`
      report({ restoredFrom: null, backupDate: null, message })
      opts.onUnrecoverable(message)
      return false
    }
    skip.add(copy.backup.name)
    // Keep a copy first, then replace atomically: a failure in between leaves the damaged
    // file where it was (and reported again next time), never a missing shard.
    const aside = await keepAside(err.path, opts.now())
    await opts.write(err.path, copy.bytes)
    const asideName = relative(opts.layout.root, aside).split(sep).join('/')
    report({
      restoredFrom: `backups/${copy.backup.name}`,
      backupDate: copy.backup.createdAt,
      message:
        `${what}. It was kept as ${asideName} and restored from the backup of ` +
        `${copy.backup.createdAt}; changes made after that backup are not in it.`,
    })
    return true
  }

  return {
    recover,
    get recoveries() {
      return [...found.values()].sort((a, b) => a.file.localeCompare(b.file))
    },
  }
}

/**
 * Read a lowdb document, restoring it while `recover` finds copies. False when it stays
 * damaged: `db.data` is then the default and the file untouched. Other errors are thrown.
 */
export async function readOrRecover<T>(db: Low<T>, recover: Recover | undefined): Promise<boolean> {
  for (;;) {
    try {
      await db.read()
      return true
    } catch (err) {
      if (!(err instanceof DamagedFileError) || !recover) throw err
      if (!(await recover(err))) return false
    }
  }
}

/**
 * Keep the damaged bytes as `<path>.damaged`, or `<path>.<time>.damaged` when that exists:
 * an earlier damaged copy is evidence too, never overwritten (link and COPYFILE_EXCL fail
 * on an existing name). A hard link costs nothing; a copy where links are missing.
 */
async function keepAside(path: string, now: Date): Promise<string> {
  const stamp = now.toISOString().replace(/[:.]/g, '-')
  for (let n = 0; n < 1000; n++) {
    const aside = n === 0 ? `${path}.damaged` : `${path}.${stamp}${n > 1 ? `-${n}` : ''}.damaged`
    try {
      await link(path, aside).catch(async (err: NodeJS.ErrnoException) => {
        if (err.code === 'EEXIST') throw err
        await copyFile(path, aside, constants.COPYFILE_EXCL)
      })
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'EEXIST') continue
      throw err
    }
    await syncDirectory(dirname(path))
    return aside
  }
  throw new Error(`too many damaged copies of ${path}`)
}
