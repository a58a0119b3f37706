// How long a deletion is remembered. A record deleted for good leaves a tombstone in its
// shard (merge-shard.ts) so an older copy synced in from another device cannot bring it
// back. Each device that opens the shard signs the tombstone as seen; the archive's known
// devices are listed in quire.json (`devices`). A tombstone goes when every known device
// has seen it and TOMBSTONE_SEEN_KEEP_MS have passed since the deletion (time for conflict
// copies made before a device saw it to arrive and be merged), and in any case after
// TOMBSTONE_MAX_AGE_MS: a device away longer than that is treated as gone, and what it
// still holds of a record deleted elsewhere would come back when it syncs again.
import type { Tombstone } from './merge-shard.ts'
import { stampTime } from './stamp.ts'

const DAY = 24 * 60 * 60 * 1000
/** Kept at least this long after the deletion, even when every device has seen it. */
export const TOMBSTONE_SEEN_KEEP_MS = 30 * DAY
/** Dropped after this long whoever has seen it. */
export const TOMBSTONE_MAX_AGE_MS = 90 * DAY

export interface TombstoneCare {
  /** Tombstones left (the same object when nothing changed). */
  removed: Record<string, Tombstone>
  changed: boolean
}

/**
 * Sign every tombstone of a shard as seen by `device` and drop the expired ones. `devices`
 * are the archive's known devices (quire.json; this device among them).
 */
export function tendTombstones(
  removed: Record<string, Tombstone>,
  device: string,
  devices: readonly string[],
  nowMs: number,
): TombstoneCare {
  let changed = false
  const out: Record<string, Tombstone> = {}
  for (const [id, t] of Object.entries(removed)) {
    const seen = t.seen.includes(device) ? t.seen : [...t.seen, device].sort()
    if (isExpired({ at: t.at, seen }, devices, nowMs)) {
      changed = true
      continue
    }
    if (seen !== t.seen) changed = true
    out[id] = seen === t.seen ? t : { at: t.at, seen }
  }
  return changed ? { removed: out, changed } : { removed, changed }
}

/** Whether a tombstone is no longer needed (see the top of this file). */
export function isExpired(t: Tombstone, devices: readonly string[], nowMs: number): boolean {
  const at = Date.parse(stampTime(t.at))
  if (Number.isNaN(at)) return false // unreadable time: kept, never guessed
  const age = nowMs - at
  if (age >= TOMBSTONE_MAX_AGE_MS) return true
  const allSeen = devices.length > 0 && devices.every((d) => t.seen.includes(d))
  return allSeen && age >= TOMBSTONE_SEEN_KEEP_MS
}
