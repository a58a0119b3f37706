// Backup and restore at scale: a synthetic archive (bodies on disk) backed up as the CLI does
// and restored into a new archive, each in a fresh process, with its time and peak RSS. Kept
// apart from run.ts's table (which it only adds a section to); runs alone too:
//   node test/bench/backup-restore.ts [--sizes 10000,100000]
import { spawnSync } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { generateArchive } from './synthetic-archive.ts'

export interface BackupRestoreResult {
  articles: number
  backupMs: number
  backupPeakMb: number
  restoreMs: number
  restorePeakMb: number
  /** RSS of the phase process before it did anything (Node and the modules loaded). */
  baselineMb: number
  zipMb: number
}

function phase(args: string[]): Record<string, number> {
  const child = spawnSync(
    process.execPath,
    [join(import.meta.dirname, 'backup-restore-phase.ts'), ...args],
    {
      encoding: 'utf8',
      maxBuffer: 16 * 1024 * 1024,
    },
  )
  if (child.status !== 0)
    throw new Error(`backup-restore ${args.join(' ')} failed: ${child.stderr}`)
  return JSON.parse(child.stdout.trim().split('\n').pop()!) as Record<string, number>
}

/** Generate an archive of `n` articles, back it up and restore it; everything is removed after. */
export async function measureBackupRestore(n: number): Promise<BackupRestoreResult> {
  const dir = await mkdtemp(join(tmpdir(), `quire-bench-backup-${n}-`))
  try {
    const archive = join(dir, 'archive')
    await generateArchive(archive, n, true)
    const zip = join(dir, 'backup.zip')
    const backup = phase(['--phase', 'backup', '--archive', archive, '--zip', zip])
    const restore = phase(['--phase', 'restore', '--zip', zip, '--target', join(dir, 'restored')])
    if (restore.articles !== n) throw new Error(`restored ${restore.articles} of ${n} articles`)
    return {
      articles: n,
      backupMs: backup.ms!,
      backupPeakMb: backup.peakMb!,
      restoreMs: restore.ms!,
      restorePeakMb: restore.peakMb!,
      baselineMb: Math.max(backup.baselineMb!, restore.baselineMb!),
      zipMb: Math.round(backup.bytes! / 1024 / 1024),
    }
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

/** The section the bench prints: a small table of its own. */
export function backupRestoreTable(results: BackupRestoreResult[]): string {
  return [
    '| articles | zip | backup | backup peak RSS | restore | restore peak RSS | process baseline |',
    '|---:|---:|---:|---:|---:|---:|---:|',
    ...results.map(
      (r) =>
        `| ${r.articles.toLocaleString('en')} | ${r.zipMb} MB | ${(r.backupMs / 1000).toFixed(1)} s | ${r.backupPeakMb} MB | ${(r.restoreMs / 1000).toFixed(1)} s | ${r.restorePeakMb} MB | ${r.baselineMb} MB |`,
    ),
  ].join('\n')
}

if (import.meta.main) {
  const { values } = parseArgs({ options: { sizes: { type: 'string', default: '10000,100000' } } })
  const results: BackupRestoreResult[] = []
  for (const n of values.sizes.split(',').map(Number)) {
    results.push(await measureBackupRestore(n))
    console.error(`measured backup/restore ${n}: ${JSON.stringify(results.at(-1))}`)
  }
  console.log(backupRestoreTable(results))
}
