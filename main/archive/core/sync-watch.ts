// A running archive picks up what the sync engine brings while it runs: every few seconds
// it merges shards and quire.json replaced with another device's copy and the conflict
// copies left beside them (store/sync/merge-files.ts) in the write queue, and tells the
// search index which records changed; a body that arrives after its record is indexed when
// it lands.
import { watch, type FSWatcher } from 'node:fs'
import { syncStatus, type SyncMergeReport, type SyncStatus } from '../store/sync/sync-status.ts'
import type { ArchiveCore } from './archive-core.ts'

export const SYNC_LOOK_EVERY_MS = 2000

export interface SyncWatch {
  /** One look now (tests; the timer does the same). */
  poll(): Promise<void>
  /**
   * Hear of each look that merged or set aside a copy, once the merge is durable (the UI's
   * live sync state); returns the unsubscribe.
   */
  onMerged(listener: (report: SyncMergeReport) => void): () => void
  /** Where the archive is synced and how the last merge went (Settings, `quire sync-status`). */
  status(): Promise<SyncStatus>
  stop(): void
}

export function watchSynced(core: ArchiveCore, everyMs = SYNC_LOOK_EVERY_MS): SyncWatch {
  let running: Promise<void> | null = null
  const listeners = new Set<(report: SyncMergeReport) => void>()
  const look = async () => {
    const store = core.store
    if (store.readOnly) return
    const report = await core.exclusive(() => store.mergeSynced())
    if (report && (report.merged.length || report.unmerged.length))
      for (const listener of listeners) listener(report)
    if (!report?.changed.length) return
    const present = report.changed.flatMap((id) => store.catalog.get(id) ?? [])
    core.indexChanged(
      present,
      report.changed.filter((id) => !store.catalog.has(id)),
    )
  }
  const poll = () =>
    (running ??= look()
      .catch(() => {}) // a file mid-write: the next look meets it again
      .finally(() => (running = null)))
  const timer = setInterval(() => void poll(), everyMs)
  timer.unref()
  let bodies: FSWatcher | null = null
  try {
    bodies = watch(core.store.layout.contentDir, (_event, name) => {
      const m = /^([0-9a-f]{16})\.html$/.exec(String(name ?? ''))
      const article = m ? core.store.catalog.get(m[1]!) : undefined
      if (article) core.indexChanged([article])
    })
    bodies.on('error', () => bodies?.close())
    bodies.unref()
  } catch {
    // No file watching here: bodies are indexed when their record next changes.
  }
  return {
    poll,
    onMerged(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    status: () => syncStatus(core.store.layout.root),
    stop() {
      clearInterval(timer)
      bodies?.close()
    },
  }
}
