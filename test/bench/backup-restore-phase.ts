// One phase of the backup/restore benchmark, in its own process so its peak RSS is the
// operation's own. Prints one JSON line.
//   --phase backup: the CLI's backup (the archive's lock held, files streamed into the zip).
//   --phase restore: the backup restored into a new archive (records, bodies, images).
import { rm, stat } from 'node:fs/promises'
import { parseArgs } from 'node:util'
import { createBackupZip } from '../../main/archive/export/backup-zip.ts'
import { restoreBackup } from '../../main/archive/export/restore.ts'
import { acquireArchiveLock } from '../../main/archive/store/lock.ts'

const { values } = parseArgs({
  options: {
    phase: { type: 'string' },
    archive: { type: 'string' },
    zip: { type: 'string' },
    target: { type: 'string' },
  },
})
const peakMb = () => Math.round(process.resourceUsage().maxRSS / 1024)
const baselineMb = peakMb()

if (values.phase === 'backup') {
  const t = performance.now()
  const attempt = await acquireArchiveLock(values.archive!)
  if (!attempt.lock) throw new Error(attempt.reason)
  const made = await createBackupZip(values.archive!, values.zip!)
  await attempt.lock.release()
  const ms = Math.round(performance.now() - t)
  console.log(
    JSON.stringify({ ms, peakMb: peakMb(), baselineMb, files: made.files, bytes: made.bytes }),
  )
} else if (values.phase === 'restore') {
  await rm(values.target!, { recursive: true, force: true })
  const t = performance.now()
  const done = await restoreBackup(values.zip!, values.target!, 'replace')
  const ms = Math.round(performance.now() - t)
  const zipBytes = (await stat(values.zip!)).size
  console.log(
    JSON.stringify({ ms, peakMb: peakMb(), baselineMb, articles: done.articles.added, zipBytes }),
  )
} else {
  throw new Error('--phase backup|restore')
}
