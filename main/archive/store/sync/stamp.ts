// Stamps each change to a record with when and where it was made (the record's clock), so
// copies edited apart on two devices can be merged field by field (merge-record.ts). The
// catalog calls it on every put, so no area has to remember to.
import { createHash } from 'node:crypto'
import type { Annotation, Article, RecordClock } from '../../../../shared/model.ts'

/** Earlier texts remembered per note: enough to tell "edited here since" over many edits. */
export const TEXT_HISTORY = 16

/** Parts of a record merged by their own rules, not as plain fields. */
export const OWN_RULES = new Set(['id', 'clock', 'tags', 'annotations', 'note', 'updatedAt'])

/** A stamp: `<ISO time>/<device>`; sorts by time, then device. */
export function stampOf(at: Date | string, device: string): string {
  return `${typeof at === 'string' ? at : at.toISOString()}/${device}`
}

/** The time part of a stamp (or a bare ISO time as is). */
export function stampTime(stamp: string): string {
  const slash = stamp.indexOf('/')
  return slash < 0 ? stamp : stamp.slice(0, slash)
}

/** A short hash of a text: remembered in place of the text itself. */
export function textHash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 12)
}

function same(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b)
}

/** `hash` in front of `history`, once, capped. */
function remember(history: readonly string[] | undefined, hash: string): string[] {
  return [hash, ...(history ?? []).filter((h) => h !== hash)].slice(0, TEXT_HISTORY)
}

/**
 * `next` with its clock recording what changed since `prev` (the record as it was), at
 * `stamp`. A new record (no prev) is returned as it is: its updatedAt says when it was made.
 */
export function stampChanges(prev: Article | undefined, next: Article, stamp: string): Article {
  if (!prev || prev === next) return next
  const clock: RecordClock = structuredClone(next.clock ?? prev.clock ?? {})
  let changed = false
  const f = (clock.f ??= {})
  const keys = new Set([...Object.keys(prev), ...Object.keys(next)])
  for (const key of keys) {
    if (OWN_RULES.has(key)) continue
    const before = (prev as Record<string, unknown>)[key]
    const after = (next as Record<string, unknown>)[key]
    if (!same(before, after)) {
      f[key] = stamp
      changed = true
    }
  }
  if (prev.note !== next.note) {
    f.note = stamp
    const h = (clock.h ??= {})
    h.note = remember(h.note, textHash(prev.note))
    changed = true
  }
  const before = new Set(prev.tags)
  const after = new Set(next.tags)
  for (const tag of new Set([...before, ...after])) {
    if (before.has(tag) === after.has(tag)) continue
    ;(clock.t ??= {})[tag] = stamp
    changed = true
  }
  const prevNotes = new Map<string, Annotation>(prev.annotations.map((a) => [a.id, a]))
  const nextIds = new Set(next.annotations.map((a) => a.id))
  for (const a of next.annotations) {
    const old = prevNotes.get(a.id)
    if (old && old.note !== a.note) {
      const h = (clock.h ??= {})
      h[`a:${a.id}`] = remember(h[`a:${a.id}`], textHash(old.note))
      changed = true
    }
  }
  for (const id of prevNotes.keys()) {
    if (nextIds.has(id)) continue
    ;(clock.x ??= {})[id] = stamp
    if (clock.h) delete clock.h[`a:${id}`]
    changed = true
  }
  if (!changed) return next
  if (Object.keys(f).length === 0) delete clock.f
  return { ...next, clock }
}
