// `quire restore <backup.zip|export.json> [--replace] [--dry-run]`: shows what a restore
// does, then does it (merge by default: the archive's own records win; --replace: the
// backup's state wins, the old one kept aside in a dated *.before-restore folder).
import type { RestorePlan } from '../archive/export/restore.ts'
import { detectBackup, planRestore, restoreBackup } from '../archive/export/restore.ts'
import { throttledProgress } from '../archive/export/export-progress.ts'
import type { CommandIo } from './export-command.ts'
import { UsageError } from './usage.ts'

export interface RestoreCommandOptions {
  replace?: boolean
  'dry-run'?: boolean
  json?: boolean
}

const PROCESS_IO: CommandIo = {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  isTTY: process.stderr.isTTY,
}

export async function restoreCommand(
  root: string,
  args: string[],
  opts: RestoreCommandOptions,
  io: CommandIo = PROCESS_IO,
): Promise<number> {
  if (args.length !== 1) throw new UsageError('restore takes one backup zip or Quire JSON file')
  const file = args[0]!
  if (!(await detectBackup(file))) {
    throw new UsageError(`${file} is not a Quire backup zip or Quire JSON export`)
  }
  const mode = opts.replace ? 'replace' : 'merge'
  const draw =
    io.isTTY && !opts.json
      ? throttledProgress((p) => io.stderr(`\r\x1b[Krestoring: ${p.done}/${p.total}`))
      : undefined
  const plan = opts['dry-run']
    ? await planRestore(file, root, mode)
    : await restoreBackup(file, root, mode, draw ? { onProgress: draw } : {})
  if (draw) io.stderr('\r\x1b[K')
  if (opts.json) {
    const { settings: _settings, ...rest } = plan as RestorePlan & { settings?: unknown }
    io.stdout(JSON.stringify(rest, null, 2) + '\n')
  } else {
    io.stdout(formatRestorePlan(plan, opts['dry-run'] === true) + '\n')
  }
  return 0
}

export function formatRestorePlan(p: RestorePlan, dryRun: boolean): string {
  const verb = dryRun ? 'would be' : 'were'
  const a = p.articles
  const lines = [
    `${dryRun ? 'Dry run: ' : ''}${p.mode} restore`,
    `articles: ${a.added} added, ${a.replaced} replaced, ${a.kept} kept (ours differ), ${a.unchanged} unchanged, ${a.removed} removed`,
    `bodies: ${p.bodies} ${verb} written; assets: ${p.assets.added} added, ${p.assets.present} already here`,
    `tags: ${p.tags.added.length} added${p.tags.conflicts.length ? `, colour kept for ${p.tags.conflicts.join(', ')}` : ''}; saved searches: ${p.savedSearches.added} added`,
  ]
  for (const c of p.conflicts.slice(0, 20)) lines.push(`  kept ours: ${c.id}  ${c.title}`)
  if (p.conflicts.length > 20) lines.push(`  … and ${p.conflicts.length - 20} more`)
  if (p.ignored.length) lines.push(`ignored (not part of a backup): ${p.ignored.join(', ')}`)
  if (p.hasSettings)
    lines.push('the backup holds app settings (settings.json): restore them from the app')
  if (p.keptAside) lines.push(`the previous catalog was kept in ${p.keptAside}`)
  return lines.join('\n')
}
