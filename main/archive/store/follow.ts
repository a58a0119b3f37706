// A read-only archive following its writer: what another Quire commits (its shard files,
// quire.json and the journal's newest segment) is read again when asked, so a second
// window or a CLI command sees the writer's changes.
import type { Low } from 'lowdb'
import { shardStamp } from './shard-stamp.ts'
import type { Catalog } from './catalog.ts'
import { listSegments, readSegment, type JournalEntry } from './journal-format.ts'
import { allShardKeys, shardPath, type ArchiveLayout } from './layout.ts'
import { journaledManifest } from './load-manifest.ts'
import type { Manifest } from './manifest.ts'
import type { MigrationStep } from './migrations.ts'

export interface Follower {
  /** Read what changed on disk; the ids of records that changed. */
  refresh(): Promise<string[]>
}

export function createFollower(
  layout: ArchiveLayout,
  catalog: Catalog,
  manifest: Low<Manifest>,
  stepsFor: (v: number) => readonly MigrationStep[],
): Follower {
  const stamps = new Map(allShardKeys().map((k) => [k, shardStamp(shardPath(layout, k))]))
  let manifestStamp = shardStamp(layout.manifest)
  let running: Promise<string[]> | null = null

  const refresh = async (): Promise<string[]> => {
    // As on open: the newest segment noted before the files are read, the journal after.
    const fromStart = (await listSegments(layout.journalDir)).at(-1)?.start ?? 0
    const changed = new Set<string>()
    for (const key of allShardKeys()) {
      const stamp = shardStamp(shardPath(layout, key))
      if (stamp === stamps.get(key)) continue
      stamps.set(key, stamp)
      for (const id of await catalog.reload(key)) changed.add(id)
    }
    const stamp = shardStamp(layout.manifest)
    if (stamp !== manifestStamp) {
      manifestStamp = stamp
      await manifest.read().catch(() => {}) // mid-write or damaged: keep what we have
    }
    const entries: JournalEntry[] = []
    for (const file of await listSegments(layout.journalDir)) {
      if (file.start < fromStart) continue
      entries.push(...((await readSegment(file))?.entries ?? []))
    }
    const journaled = journaledManifest(entries, stepsFor)
    if (journaled) manifest.data = journaled
    for (const id of catalog.replay(entries, stepsFor)) changed.add(id)
    return [...changed]
  }

  return {
    refresh() {
      // One at a time: two overlapping reads could apply an older journal over a newer one.
      running ??= refresh().finally(() => (running = null))
      return running
    },
  }
}
