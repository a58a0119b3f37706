// The per-device part of an archive kept out of the synced set: archives made before it
// had their journal, backups, index and lock at the top; the writer moves them into its
// device folder on open. And the `.stignore` Syncthing reads, so it never carries them.
import { readFile, rename, rm, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { writeFileAtomic } from './atomic-write.ts'
import { LOCAL_DIR, type ArchiveLayout } from './layout.ts'

/** Our lines in `.stignore`, between these markers so the user's own lines are kept. */
const BEGIN =
  '// quire: per-device state, never synced (written by Quire; edit outside these lines)'
const END = '// quire: end'

/**
 * Syncthing's ignore patterns for an archive. `(?d)` lets Syncthing delete an ignored file
 * that blocks removing a folder. Temp files of atomic writes and damaged files set aside
 * are this device's own too.
 */
export const STIGNORE_LINES = [
  BEGIN,
  `/${LOCAL_DIR}`,
  '/.quire.lock',
  '/index',
  '/journal',
  '/backups',
  '(?d).*.tmp',
  '(?d)*.damaged',
  END,
]

/**
 * Write (or bring up to date) `.stignore` in the archive: our block replaced, the rest of
 * the file as the user wrote it. Syncthing never syncs `.stignore` itself, so each device
 * writes its own. Throws the fs error.
 */
export async function writeSyncIgnores(root: string): Promise<boolean> {
  const path = join(root, '.stignore')
  const current = await readFile(path, 'utf8').catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') return ''
    throw err
  })
  const lines = current.split(/\r?\n/)
  const start = lines.indexOf(BEGIN)
  const end = lines.indexOf(END, start)
  const own =
    start >= 0 && end > start ? [...lines.slice(0, start), ...lines.slice(end + 1)] : lines
  while (own.length && own.at(-1) === '') own.pop()
  const next = [...STIGNORE_LINES, ...own].join('\n') + '\n'
  if (next === current) return false
  await writeFileAtomic(path, next)
  return true
}

/**
 * Move an older archive's journal and backups (kept at the top before devices had folders)
 * into this device's folder, and drop its old index (derived). Only when the device folder
 * has none yet: the archive was then used by this device alone. Never throws for a part
 * that cannot be moved (it stays where it was and the archive works on).
 */
export async function adoptLegacyLocalState(layout: ArchiveLayout): Promise<void> {
  for (const [name, to] of [
    ['journal', layout.journalDir],
    ['backups', layout.backupsDir],
  ] as const) {
    const from = join(layout.root, name)
    if (!(await isDir(from)) || (await exists(to))) continue
    await rename(from, to).catch(() => {})
  }
  const oldIndex = join(layout.root, 'index')
  if (await isDir(oldIndex)) await rm(oldIndex, { recursive: true, force: true }).catch(() => {})
}

async function isDir(path: string): Promise<boolean> {
  return (await stat(path).catch(() => null))?.isDirectory() ?? false
}

async function exists(path: string): Promise<boolean> {
  return (await stat(path).catch(() => null)) !== null
}
