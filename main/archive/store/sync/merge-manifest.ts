// Two copies of quire.json made one, the same answer whichever copy comes first. Tags,
// saved searches and feeds merge item by item under their clocks (manifest-clock.ts): the
// newer stamp wins, a deletion (a tombstone) beats an older presence and loses to a newer
// re-add. Items neither side has a clock for (written before clocks) merge as before: both
// sides' items kept, the one whose entry sorts last (feeds: the later check first) when
// both hold one key differently, so both devices settle on one.
import type { EntryClock, Manifest, ManifestClock } from '../manifest.ts'
import { CLOCKED_LISTS, keyOf, type ClockedList } from './manifest-clock.ts'
import { mergeTombstones, type Tombstone } from './merge-shard.ts'
import { stampTime } from './stamp.ts'

function json(v: unknown): string {
  return JSON.stringify(v) ?? ''
}

const larger = <T>(p: T, q: T): T => (json(p) >= json(q) ? p : q)

type Item<L extends ClockedList> = Manifest[L][number]

/** Which of two copies of one item stands when their clocks do not decide. */
function tieBreak<L extends ClockedList>(list: L, p: Item<L>, q: Item<L>): Item<L> {
  if (list !== 'feeds') return larger(p, q)
  const pa = (p as Manifest['feeds'][number]).lastCheckedAt ?? ''
  const qa = (q as Manifest['feeds'][number]).lastCheckedAt ?? ''
  return pa === qa ? larger(p, q) : pa > qa ? p : q
}

function tombOf(item: unknown, c: EntryClock | undefined): Tombstone | undefined {
  return item === undefined && c ? { at: c.at, seen: c.seen ?? [] } : undefined
}

function mergeList<L extends ClockedList>(
  list: L,
  a: Manifest,
  b: Manifest,
): { items: Item<L>[]; clock: Record<string, EntryClock> } {
  const index = (m: Manifest) => new Map((m[list] as Item<L>[]).map((x) => [keyOf(list, x), x]))
  const [ia, ib] = [index(a), index(b)]
  const [ca, cb] = [a.clock?.[list] ?? {}, b.clock?.[list] ?? {}]
  const keys = new Set([...ia.keys(), ...ib.keys(), ...Object.keys(ca), ...Object.keys(cb)])
  const items: Item<L>[] = []
  const clock: Record<string, EntryClock> = {}
  for (const key of [...keys].sort()) {
    const [xa, xb] = [ia.get(key), ib.get(key)]
    const [sa, sb] = [ca[key], cb[key]]
    const tomb = mergeTombstones(tombOf(xa, sa), tombOf(xb, sb))
    let item: Item<L> | undefined
    let at: string | undefined
    if (xa !== undefined && xb !== undefined) {
      const [pa, pb] = [sa?.at ?? '', sb?.at ?? '']
      item = pa === pb ? tieBreak(list, xa, xb) : pa > pb ? xa : xb
      at = pa >= pb ? sa?.at : sb?.at
    } else {
      item = xa ?? xb
      at = xa !== undefined ? sa?.at : xb !== undefined ? sb?.at : undefined
    }
    // A deletion at or after the item's last change stands (as a record's does).
    if (item !== undefined && tomb && stampTime(tomb.at) >= stampTime(at ?? '')) item = undefined
    if (item !== undefined) {
      items.push(item)
      if (at !== undefined) clock[key] = { at }
    } else if (tomb) clock[key] = tomb
  }
  return { items, clock }
}

export function mergeManifests(a: Manifest, b: Manifest): Manifest {
  if (json(a) === json(b)) return a
  const lists: Partial<Pick<Manifest, ClockedList>> = {}
  const clock: ManifestClock = {}
  for (const list of CLOCKED_LISTS) {
    const m = mergeList(list, a, b)
    ;(lists as Record<ClockedList, unknown>)[list] = m.items
    if (Object.keys(m.clock).length) clock[list] = m.clock
  }
  const { clock: _a, ...restA } = a
  const { clock: _b, ...restB } = b
  return {
    ...larger(restA, restB),
    ...(lists as Pick<Manifest, ClockedList>),
    schemaVersion: Math.max(a.schemaVersion, b.schemaVersion),
    createdAt: a.createdAt < b.createdAt ? a.createdAt : b.createdAt,
    options: larger(a.options, b.options),
    ...(a.devices || b.devices
      ? { devices: [...new Set([...(a.devices ?? []), ...(b.devices ?? [])])].sort() }
      : {}),
    ...(Object.keys(clock).length ? { clock } : {}),
  }
}
