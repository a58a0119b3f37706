// Clocks and tombstones for quire.json's lists (tags by name, saved searches and feeds by
// id), the treatment records get in their shards: every add, change or deletion is stamped
// (time/device, stamp.ts) when the manifest is committed; two copies merge item by item,
// the newer stamp winning, so a deletion beats an older presence and a newer re-add beats an
// older deletion. A deleted item leaves its clock entry as a tombstone (the entry with no
// item in the list), signed by each device that sees it and dropped like a record's
// (tombstones.ts).
import type { EntryClock, Manifest, ManifestClock } from '../manifest.ts'
import { tendTombstones } from './tombstones.ts'

/** The lists that carry clocks, and how each names its items. */
export const CLOCKED = {
  tags: (t: Manifest['tags'][number]) => t.name,
  savedSearches: (s: Manifest['savedSearches'][number]) => s.id,
  feeds: (f: Manifest['feeds'][number]) => f.id,
} as const
export type ClockedList = keyof typeof CLOCKED

export const CLOCKED_LISTS = Object.keys(CLOCKED) as ClockedList[]

type Item<L extends ClockedList> = Manifest[L][number]

export function keyOf<L extends ClockedList>(list: L, item: Item<L>): string {
  return (CLOCKED[list] as (x: Item<L>) => string)(item)
}

function byKey<L extends ClockedList>(m: Manifest, list: L): Map<string, Item<L>> {
  return new Map((m[list] as Item<L>[]).map((x) => [keyOf(list, x), x]))
}

const json = (v: unknown): string => JSON.stringify(v) ?? ''

/**
 * `next` with a stamp on every item of its lists that differs from `prev` (added, changed or
 * deleted), unless its clock entry already moved (a merge brought the change with its own
 * stamp). Returns `next` itself when nothing needed stamping. `device` signs a deletion as
 * seen by the device that made it.
 */
export function stampManifest(
  prev: Manifest,
  next: Manifest,
  stamp: string,
  device: string,
): Manifest {
  let clock: ManifestClock | undefined
  for (const list of CLOCKED_LISTS) {
    const before = byKey(prev, list)
    const after = byKey(next, list)
    for (const key of new Set([...before.keys(), ...after.keys()])) {
      if (json(before.get(key)) === json(after.get(key))) continue
      if (json(prev.clock?.[list]?.[key]) !== json(next.clock?.[list]?.[key])) continue
      clock ??= structuredClone(next.clock ?? {})
      const entries = (clock[list] ??= {})
      entries[key] = after.has(key) ? { at: stamp } : { at: stamp, seen: [device] }
    }
  }
  return clock ? { ...next, clock } : next
}

/** Sign each tombstone of the lists as seen by `device` and drop the expired ones. */
export function tendManifestTombstones(
  m: Manifest,
  device: string,
  devices: readonly string[],
  nowMs: number,
): Manifest {
  if (!m.clock) return m
  let clock: ManifestClock | undefined
  for (const list of CLOCKED_LISTS) {
    const entries = m.clock[list]
    if (!entries) continue
    const present = byKey(m, list)
    const tombs: Record<string, { at: string; seen: string[] }> = {}
    for (const [key, e] of Object.entries(entries))
      if (!present.has(key)) tombs[key] = { at: e.at, seen: e.seen ?? [] }
    const care = tendTombstones(tombs, device, devices, nowMs)
    if (!care.changed) continue
    const kept: Record<string, EntryClock> = {}
    for (const [key, e] of Object.entries(entries)) {
      if (present.has(key)) kept[key] = e
      else if (care.removed[key]) kept[key] = care.removed[key]
    }
    clock ??= { ...m.clock }
    clock[list] = kept
  }
  return clock ? { ...m, clock } : m
}
