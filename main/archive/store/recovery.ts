// What happens to a file that fails to parse on open: it is moved aside as *.damaged, never
// deleted, and rebuilt to its last committed state from a backup and the journal (see
// rebuild.ts); the user is told what it was rebuilt from and exactly what, if anything,
// could not be recovered. With nothing to rebuild from, the file stays and writes stop.
import { constants, copyFile, link } from 'node:fs/promises'
import { dirname, relative, sep } from 'node:path'
import { syncDirectory, type FileWriter } from './atomic-write.ts'
import { DamagedFileError } from './damaged-file-error.ts'
import type { ArchiveLayout } from './layout.ts'
import type { MigrationStep } from './migrations.ts'
import { readRetainedJournal, rebuildFile, type RetainedJournal } from './rebuild.ts'

export interface Recovery {
  /** Archive-relative path, e.g. 'catalog/5c.json'. */
  file: string
  /** The backup folder the rebuild started from ('backups/…'), or null. */
  restoredFrom: string | null
  backupDate: string | null
  /** Journaled changes applied over the backup (0 when none were needed). */
  changesReplayed: number
  /** What could not be recovered, in words; null when nothing was lost. */
  lost: string | null
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
  stepsFor: (v: number) => readonly MigrationStep[]
  /** Non-null when this process may not write: damaged files are then only reported. */
  readOnlyReason: () => string | null
  /** Called when a file cannot be restored: the archive must turn read-only. */
  onUnrecoverable: (message: string) => void
}

export function createRecoverer(opts: RecovererOptions): Recoverer {
  const found = new Map<string, Recovery>()
  const tried = new Map<string, Set<string>>()
  const fromNothing = new Set<string>()
  let journal: Promise<RetainedJournal> | null = null

  const recover: Recover = async (err) => {
    const file = relative(opts.layout.root, err.path).split(sep).join('/')
    const what = `${file} is damaged (${err.reason})`
    const report = (r: Omit<Recovery, 'file'>) => void found.set(file, { file, ...r })
    const none = { restoredFrom: null, backupDate: null, changesReplayed: 0 }

    if (opts.readOnlyReason() !== null) {
      const message = `${what}. It was left as it is, because this archive is read-only here.`
      report({ ...none, lost: null, message })
      return false
    }
    const skip = tried.get(file) ?? new Set<string>()
    tried.set(file, skip)
    journal ??= readRetainedJournal(opts.layout.journalDir)
    const rebuilt = await rebuildFile(file, {
      layout: opts.layout,
      journal: await journal,
      skip,
      stepsFor: opts.stepsFor,
    })
    // A rebuild that reads back damaged is not tried again from the same start.
    const start = rebuilt?.backup?.name ?? '(journal)'
    if (!rebuilt || skip.has(start) || (start === '(journal)' && fromNothing.has(file))) {
      const message =
        `${what} and neither a backup nor the journal can rebuild it. The file was left in ` +
        `place and the archive opened read-only, so nothing more can be lost; its articles ` +
        `are not shown.`
      report({ ...none, lost: 'the whole file', message })
      opts.onUnrecoverable(message)
      return false
    }
    if (rebuilt.backup) skip.add(rebuilt.backup.name)
    else fromNothing.add(file)
    // Keep a copy first, then replace atomically: a failure in between leaves the damaged
    // file where it was (and reported again next time), never a missing shard.
    const aside = await keepAside(err.path, opts.now())
    await opts.write(err.path, rebuilt.bytes)
    const asideName = relative(opts.layout.root, aside).split(sep).join('/')
    const source = rebuilt.backup
      ? `the backup of ${rebuilt.backup.createdAt}`
      : 'the journal of every change since the archive was created'
    const replayed = rebuilt.backup
      ? ` and ${rebuilt.changes} change${rebuilt.changes === 1 ? '' : 's'} journaled since`
      : ''
    const outcome = rebuilt.lost
      ? `What could not be recovered: ${rebuilt.lost}.`
      : 'Nothing was lost.'
    report({
      restoredFrom: rebuilt.backup ? `backups/${rebuilt.backup.name}` : null,
      backupDate: rebuilt.backup?.createdAt ?? null,
      changesReplayed: rebuilt.changes,
      lost: rebuilt.lost,
      message: `${what}. It was kept as ${asideName} and rebuilt from ${source}${replayed}. ${outcome}`,
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

/** What reads a document: null when missing, DamagedFileError when it fails to parse. */
export interface DocumentReader<T> {
  read(): Promise<T | null>
}

/**
 * Read a document, rebuilding it while `recover` can. False when it stays damaged (the
 * file is then untouched); null when it does not exist. Other errors are thrown.
 */
export async function readOrRecover<T>(
  doc: DocumentReader<T>,
  recover: Recover | undefined,
): Promise<T | null | false> {
  for (;;) {
    try {
      return await doc.read()
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
