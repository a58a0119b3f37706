// The body of openArchiveStore once the lock is settled: temp files cleared, quire.json and
// the shards read (damaged ones rebuilt), the journal's newest segment replayed over them,
// the journal opened for appending, migrations and replayed changes written back.
import { mkdir, readFile } from 'node:fs/promises'
import { QuireError } from '../../../shared/errors.ts'
import { writeFileAtomic } from './atomic-write.ts'
import { createBackup, hasRecentBackup, pruneBackups, type BackupInfo } from './backups.ts'
import { Catalog } from './catalog.ts'
import { Committer } from './committer.ts'
import { ContentStore } from './content-store.ts'
import { createFollower } from './follow.ts'
import { Journal } from './journal.ts'
import { listSegments, readSegment, type JournalEntry, type ReadSegment } from './journal-format.ts'
import type { ArchiveLayout } from './layout.ts'
import { journaledManifest, loadManifest } from './load-manifest.ts'
import type { ArchiveLock } from './lock.ts'
import type { Manifest } from './manifest.ts'
import { CURRENT_SCHEMA_VERSION, MIGRATIONS, stepsFrom } from './migrations.ts'
import { createRecoverer, type Recovery } from './recovery.ts'
import { adoptLegacyLocalState, writeSyncIgnores } from './local-state.ts'
import { removeStaleTempFiles } from './stale-temp-files.ts'
import { sweepOrphans } from './sweep.ts'
import { stampManifest, tendManifestTombstones } from './sync/manifest-clock.ts'
import { mergeSyncedFiles, type SyncMergeReport } from './sync/merge-files.ts'
import { stampOf } from './sync/stamp.ts'
import { VerifiedShards } from './verified-shards.ts'
import type { ArchiveStore, OpenOptions } from './archive-store.ts'

export async function loadArchive(
  layout: ArchiveLayout,
  opts: OpenOptions,
  lock: ArchiveLock | null,
  initialReason: string | null,
  lockedByOther = false,
): Promise<ArchiveStore> {
  /** Files older than this are from earlier sessions (see sweep.ts). */
  const openedAt = Date.now()
  const now = opts.now ?? (() => new Date())
  const write = opts.writeFile ?? writeFileAtomic
  const current = opts.currentVersion ?? CURRENT_SCHEMA_VERSION
  const migrations = opts.migrations ?? MIGRATIONS
  const stepsFor = (v: number) => stepsFrom(v, migrations).filter((s) => s.to <= current)
  let reason = initialReason
  let closed = false
  const assertWritable = () => {
    if (closed) throw new QuireError('READ_ONLY', 'This archive has been closed.')
    if (reason !== null) throw new QuireError('READ_ONLY', reason)
  }
  const recoverer = createRecoverer({
    layout,
    write,
    now,
    stepsFor,
    readOnlyReason: () => reason,
    onUnrecoverable: (message) => (reason ??= message),
  })
  // Temp files in the small folders now; in content/ and assets/ (100k names to list at
  // 100k articles, a tenth of an open) with the sweep, after open: nothing reads them there.
  if (lock) {
    await adoptLegacyLocalState(layout)
    await writeSyncIgnores(layout.root).catch(() => {}) // only Syncthing needs it
    await removeStaleTempFiles([layout.root, layout.catalogDir, layout.journalDir])
  }
  let staleCleared = false

  // The files first, then the journal from the segment that was newest before them: a
  // writer that commits (or checkpoints) meanwhile is then never read as going backwards.
  const fromStart = (await listSegments(layout.journalDir)).at(-1)?.start ?? 0
  const loaded = await loadManifest(layout, current, migrations, now, recoverer.recover)
  const { manifest, adapter, found, steps } = loaded
  if (reason === null) await mkdir(layout.catalogDir, { recursive: true })
  const verified = await VerifiedShards.load(layout, current)
  const catalog = await Catalog.open(layout, steps, {
    write,
    recover: recoverer.recover,
    assertWritable,
    verified,
  })
  if (reason === null) await verified.save()
  const tail = await readTail(layout, fromStart)
  const journalRecoveries = tail.segments.flatMap((s) => damagedLines(s))
  const replayedManifest = journaledManifest(tail.entries, stepsFor)
  if (replayedManifest) manifest.data = replayedManifest
  const replayed = catalog.replay(tail.entries, stepsFor)
  const content = new ContentStore(layout, { write, assertWritable })

  let journal: Journal | null = null
  let committer: Committer | null = null
  if (reason === null) {
    journal = await Journal.open(layout.journalDir, tail.segments.at(-1) ?? null, {
      since: found === null ? 'creation' : 'upgrade',
      ...(opts.journalAppend ? { append: opts.journalAppend } : {}),
      now,
    })
    committer = new Committer({
      layout,
      journal,
      catalog,
      manifest: {
        data: () => manifest.data as unknown as Record<string, unknown>,
        restore: (json) => (manifest.data = JSON.parse(json) as Manifest),
      },
      committedManifest: JSON.stringify(manifest.data),
      verified,
      schemaVersion: current,
      ...(opts.writeFile ? { write: opts.writeFile } : {}),
      assertWritable,
    })
    const c = committer
    catalog.attach(c)
    // Each add, change and deletion of a tag, saved search or feed stamped as the commit
    // carries it, as the catalog stamps records (sync/manifest-clock.ts).
    let stamped = structuredClone(manifest.data)
    adapter.commit = async () => {
      const stamp = stampOf(now(), layout.deviceId)
      manifest.data = stampManifest(stamped, manifest.data, stamp, layout.deviceId)
      c.stageManifest()
      await c.flush()
      stamped = structuredClone(manifest.data)
    }
    await content.init()
    // A new or migrated archive is written at once (the version number last, so a crash
    // mid-migration leaves the old one and the steps run again); replayed changes too.
    if (found === null || steps.length) {
      manifest.data.schemaVersion = current
      await manifest.write()
    }
    if (
      found === null ||
      steps.length ||
      replayed.size ||
      replayedManifest ||
      journalRecoveries.length
    ) {
      await c.checkpoint()
    }
  }
  adapter.refuse = assertWritable
  let lastMerge: SyncMergeReport | null = null
  const mergeSynced = async (): Promise<SyncMergeReport | null> => {
    if (!committer || closed || reason !== null) return null
    lastMerge = await mergeSyncedFiles({ layout, catalog, manifest, committer })
    tendDeletions()
    return lastMerge
  }
  // This device among the archive's known ones; the deletions it holds signed as seen here,
  // and those every device has seen long enough dropped (sync/tombstones.ts).
  const tendDeletions = () => {
    const devices = manifest.data.devices ?? []
    if (!devices.includes(layout.deviceId)) {
      // Carried by this device's next commit: only a device that writes can bring back
      // a deleted record, so one that never writes need not be waited for.
      manifest.data.devices = [...devices, layout.deviceId].sort()
      committer?.stageManifest()
    }
    catalog.tendTombstones(manifest.data.devices ?? [], now().getTime())
    const tended = tendManifestTombstones(
      manifest.data,
      layout.deviceId,
      manifest.data.devices ?? [],
      now().getTime(),
    )
    if (tended !== manifest.data) {
      manifest.data = tended
      committer?.stageManifest()
    }
  }
  // Conflict copies the sync engine left while no Quire ran here: merged before any use.
  if (committer) await mergeSynced()

  const backup = async (): Promise<BackupInfo> => {
    assertWritable()
    await committer!.checkpoint('backup')
    const journalSeq = journal!.nextSeq - 1
    const info = await createBackup(layout, {
      now: now(),
      write,
      expectedRecords: catalog.size,
      journalSeq,
      // A writer given for tests (a failing disk) copies through it, so its faults show.
      ...(opts.writeFile
        ? { copy: async (from: string, to: string) => write(to, await readFile(from)) }
        : {}),
      recordsIn: (rel) => catalog.shardSize(rel.slice('catalog/'.length, -'.json'.length)),
    })
    await pruneBackups(layout)
    // The backup holds every change up to journalSeq: older segments are no longer needed.
    await journal!.dropBefore(journalSeq + 1)
    return info
  }

  let backupError: string | null = null
  const backupIfDue = async (): Promise<BackupInfo | null> => {
    if (closed || reason !== null || found === null) return null
    try {
      if (await hasRecentBackup(layout, now())) return null
      const info = await backup()
      backupError = null
      return info
    } catch (err) {
      backupError = (err as Error).message
      return null
    }
  }

  const follower = lock ? null : createFollower(layout, catalog, manifest, stepsFor)
  return {
    layout,
    manifest,
    catalog,
    content,
    get recoveries(): Recovery[] {
      return [...recoverer.recoveries, ...journalRecoveries]
    },
    get readOnly() {
      return closed || reason !== null
    },
    get readOnlyReason() {
      return closed ? 'This archive has been closed.' : reason
    },
    lockedByOther,
    get backupError() {
      return backupError
    },
    assertWritable,
    backup,
    backupIfDue,
    async checkpoint() {
      if (!committer || closed || reason !== null || !committer.hasUncheckpointed) return []
      return committer.checkpoint()
    },
    async rollback() {
      await committer?.rollback()
    },
    async refresh() {
      return follower ? follower.refresh() : []
    },
    mergeSynced,
    get lastMerge() {
      return lastMerge
    },
    async sweep(cutoffMs?: number, released?: ReadonlySet<string>) {
      if (closed || reason !== null) return null
      if (lock && !staleCleared) {
        staleCleared = true
        await removeStaleTempFiles([layout.contentDir, layout.assetsDir])
      }
      if (catalog.damagedShards.length) return null
      // An archive this open created holds nothing from earlier sessions.
      if (cutoffMs === undefined && found === null) return null
      cutoffMs ??= openedAt
      return sweepOrphans(layout, catalog, cutoffMs, now().getTime(), released, opts.sweepGraceMs)
    },
    async close() {
      if (closed) return
      // What the sync engine brought meanwhile first, so the last checkpoint writes over nothing newer.
      await mergeSynced().catch(() => null)
      closed = true
      try {
        await committer?.close()
      } finally {
        await lock?.release()
      }
    },
  }
}

/** The journal's segments from `fromStart` on, read, and their changes in order. */
async function readTail(
  layout: ArchiveLayout,
  fromStart: number,
): Promise<{ segments: ReadSegment[]; entries: JournalEntry[] }> {
  const segments: ReadSegment[] = []
  for (const file of await listSegments(layout.journalDir)) {
    if (file.start < fromStart) continue
    const read = await readSegment(file)
    if (read) segments.push(read)
  }
  return { segments, entries: segments.flatMap((s) => s.entries) }
}

/** A journal line that fails its check in the middle of a segment: named, never hidden. */
function damagedLines(segment: ReadSegment): Recovery[] {
  if (!segment.badLines.length) return []
  const lines = segment.badLines.slice(0, 5).join(', ')
  const lost = `the change${segment.badLines.length === 1 ? '' : 's'} on line ${lines}`
  return [
    {
      file: `journal/${segment.name}`,
      restoredFrom: null,
      backupDate: null,
      changesReplayed: segment.entries.length,
      lost,
      message:
        `journal/${segment.name} is damaged: ${lost} could not be read. ` +
        `Every other change it holds was applied.`,
    },
  ]
}
