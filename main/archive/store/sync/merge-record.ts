// Two copies of one article record, edited apart on two devices, made one: each field goes
// to its newer edit, tags and highlights are sets whose removals are tombstones, and a note
// edited on both sides keeps both texts (merge-text.ts). The same answer whichever copy
// comes first, merging a result again changes nothing, and no tag, highlight or note
// written on either side is dropped unless the other side removed it later.
import type { Annotation, Article, RecordClock } from '../../../../shared/model.ts'
import { mergeText } from './merge-text.ts'
import { OWN_RULES, stampTime } from './stamp.ts'

export interface RecordMerge {
  record: Article
  /** Notes (the article's, a highlight's) whose two texts were both kept. */
  notesKeptBoth: number
}

function json(v: unknown): string {
  return JSON.stringify(v) ?? ''
}

function maxStamp(a: string | undefined, b: string | undefined): string | undefined {
  if (a === undefined) return b
  if (b === undefined) return a
  return a > b ? a : b
}

/** Which side's value wins: the later stamp, then the larger JSON (any fixed order will do). */
function aWins(va: unknown, sa: string, vb: unknown, sb: string): boolean {
  if (sa !== sb) return sa > sb
  return json(va) >= json(vb)
}

function mergeStampMaps(
  a: Record<string, string> | undefined,
  b: Record<string, string> | undefined,
): Record<string, string> {
  const out: Record<string, string> = { ...a }
  for (const [k, v] of Object.entries(b ?? {})) out[k] = maxStamp(out[k], v)!
  // Keys sorted: both devices write the same bytes for the same merge.
  return Object.fromEntries(Object.entries(out).sort(([p], [q]) => (p < q ? -1 : 1)))
}

/** The latest moment anything in the record changed (its updatedAt or any stamp). */
export function lastChange(r: Article): string {
  let last = r.updatedAt
  const c = r.clock
  for (const map of [c?.f, c?.t, c?.x]) {
    for (const s of Object.values(map ?? {})) if (stampTime(s) > last) last = stampTime(s)
  }
  for (const a of r.annotations) if (a.updatedAt > last) last = a.updatedAt
  return last
}

export function mergeRecords(a: Article, b: Article): RecordMerge {
  if (a === b || json(a) === json(b)) return { record: a, notesKeptBoth: 0 }
  let notesKeptBoth = 0
  const out: Record<string, unknown> = { id: a.id }
  const f: Record<string, string> = {}
  const fa = a.clock?.f ?? {}
  const fb = b.clock?.f ?? {}
  const keys = new Set([...Object.keys(a), ...Object.keys(b)])
  for (const key of [...keys].sort()) {
    if (OWN_RULES.has(key)) continue
    const va = (a as Record<string, unknown>)[key]
    const vb = (b as Record<string, unknown>)[key]
    const win = aWins(va, fa[key] ?? '', vb, fb[key] ?? '')
    const value = win ? va : vb
    if (value !== undefined) out[key] = value
    const stamp = win ? fa[key] : fb[key]
    if (stamp !== undefined) f[key] = stamp
  }
  out.updatedAt = a.updatedAt > b.updatedAt ? a.updatedAt : b.updatedAt

  const h: Record<string, string[]> = {}
  const note = mergeText(
    { text: a.note, stamp: fa.note ?? '', history: a.clock?.h?.note ?? [] },
    { text: b.note, stamp: fb.note ?? '', history: b.clock?.h?.note ?? [] },
  )
  out.note = note.text
  if (note.stamp) f.note = note.stamp
  if (note.history.length) h.note = note.history
  if (note.both) notesKeptBoth++

  const t = mergeStampMaps(a.clock?.t, b.clock?.t)
  out.tags = mergeTags(a, b)

  const x = mergeStampMaps(a.clock?.x, b.clock?.x)
  const annotations = mergeAnnotations(a, b, x, h)
  out.annotations = annotations.list
  notesKeptBoth += annotations.notesKeptBoth

  const clock: RecordClock = {}
  if (Object.keys(f).length) clock.f = mergeStampMaps(f, undefined)
  if (Object.keys(t).length) clock.t = t
  if (Object.keys(x).length) clock.x = x
  if (Object.keys(h).length)
    clock.h = Object.fromEntries(Object.entries(h).sort(([p], [q]) => (p < q ? -1 : 1)))
  if (Object.keys(clock).length) out.clock = clock
  return { record: out as Article, notesKeptBoth }
}

/**
 * Tags as a set: a tag is on the record when the side that last added or removed it says
 * so; with no stamp on either side (or the same one), being on it wins.
 */
function mergeTags(a: Article, b: Article): string[] {
  const ta = a.clock?.t ?? {}
  const tb = b.clock?.t ?? {}
  const all = new Set([...a.tags, ...b.tags, ...Object.keys(ta), ...Object.keys(tb)])
  const inA = new Set(a.tags)
  const inB = new Set(b.tags)
  const keep = new Set<string>()
  for (const tag of all) {
    const sa = ta[tag] ?? ''
    const sb = tb[tag] ?? ''
    const present = sa === sb ? inA.has(tag) || inB.has(tag) : sa > sb ? inA.has(tag) : inB.has(tag)
    if (present) keep.add(tag)
  }
  // The order of the side with the later tag change (then the larger list) leads.
  const lastA = Object.values(ta).sort().at(-1) ?? ''
  const lastB = Object.values(tb).sort().at(-1) ?? ''
  const [first, second] = aWins(a.tags, lastA, b.tags, lastB) ? [a, b] : [b, a]
  return [...new Set([...first.tags, ...second.tags, ...[...keep].sort()])].filter((t) =>
    keep.has(t),
  )
}

/**
 * Highlights as a set by id: one on both sides takes the newer edit's fields and both
 * notes' merge; one deleted (a tombstone in `x`) goes unless it was edited after that.
 */
function mergeAnnotations(
  a: Article,
  b: Article,
  x: Record<string, string>,
  h: Record<string, string[]>,
): { list: Annotation[]; notesKeptBoth: number } {
  const byA = new Map(a.annotations.map((n) => [n.id, n]))
  const byB = new Map(b.annotations.map((n) => [n.id, n]))
  let notesKeptBoth = 0
  const merged = new Map<string, Annotation>()
  for (const id of new Set([...byA.keys(), ...byB.keys()])) {
    const na = byA.get(id)
    const nb = byB.get(id)
    const ha = a.clock?.h?.[`a:${id}`] ?? []
    const hb = b.clock?.h?.[`a:${id}`] ?? []
    let n: Annotation
    if (na && nb) {
      const { note: _na, ...restA } = na
      const { note: _nb, ...restB } = nb
      const base = aWins(restA, na.updatedAt, restB, nb.updatedAt) ? na : nb
      const text = mergeText(
        { text: na.note, stamp: na.updatedAt, history: ha },
        { text: nb.note, stamp: nb.updatedAt, history: hb },
      )
      if (text.both) notesKeptBoth++
      n = { ...base, note: text.text }
      if (text.history.length) h[`a:${id}`] = text.history
    } else {
      n = (na ?? nb)!
      const history = na ? ha : hb
      if (history.length) h[`a:${id}`] = [...history]
    }
    const removed = x[id]
    if (removed !== undefined && stampTime(removed) >= n.updatedAt) {
      delete h[`a:${id}`]
      continue
    }
    merged.set(id, n)
  }
  const ids = [...merged.keys()]
  const orderA = a.annotations.map((n) => n.id).filter((id) => merged.has(id))
  const orderB = b.annotations.map((n) => n.id).filter((id) => merged.has(id))
  const sameOrder = (o: string[]) => o.length === ids.length
  let order: string[]
  if (sameOrder(orderA) && json(orderA) === json(orderB)) order = orderA
  else if (sameOrder(orderA) && !sameOrder(orderB)) order = orderA
  else if (sameOrder(orderB) && !sameOrder(orderA)) order = orderB
  else
    order = ids.sort((p, q) => {
      const cp = merged.get(p)!.createdAt
      const cq = merged.get(q)!.createdAt
      return cp === cq ? (p < q ? -1 : 1) : cp < cq ? -1 : 1
    })
  return { list: order.map((id) => merged.get(id)!), notesKeptBoth }
}

/**
 * Whether `newer` already holds every change `older` has (each stamp in its clock is
 * there, as late or later; its annotations are too, as late or later): `newer` was made from
 * `older` on one device, so it replaces it with nothing to merge.
 */
export function includesChanges(newer: Article, older: Article): boolean {
  const o = older.clock ?? {}
  const n = newer.clock ?? {}
  for (const part of ['f', 't', 'x'] as const) {
    for (const [k, v] of Object.entries(o[part] ?? {})) {
      if (!((n[part]?.[k] ?? '') >= v)) return false
    }
  }
  const later = new Map(newer.annotations.map((a) => [a.id, a.updatedAt]))
  return older.annotations.every((a) => (later.get(a.id) ?? n.x?.[a.id] ?? '') >= a.updatedAt)
}
