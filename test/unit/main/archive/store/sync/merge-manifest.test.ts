// The merge rules for two copies of quire.json edited apart: tags, saved searches and feeds
// under their clocks and tombstones. Property tests over random histories on two devices
// that start from a common copy (commutative, idempotent, nothing lost that was not
// deleted), then examples and expiry.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { newManifest, type Manifest } from '../../../../../../main/archive/store/manifest.ts'
import {
  CLOCKED_LISTS,
  keyOf,
  stampManifest,
  tendManifestTombstones,
  type ClockedList,
} from '../../../../../../main/archive/store/sync/manifest-clock.ts'
import { mergeManifests } from '../../../../../../main/archive/store/sync/merge-manifest.ts'
import { stampOf, stampTime } from '../../../../../../main/archive/store/sync/stamp.ts'

const T0 = Date.parse('2026-01-01T00:00:00.000Z')
const DAY = 86_400_000
const TAGS = ['gaza', 'economy', 'to-read']
const IDS = ['00000000000000a1', '00000000000000a2', '00000000000000a3']
const COLORS = ['#112233', '#445566', '#778899']

type Edit =
  | { op: 'tag'; name: string; color: string }
  | { op: 'untag'; name: string }
  | { op: 'search'; id: string; name: string }
  | { op: 'unsearch'; id: string }
  | { op: 'feed'; id: string; title: string }
  | { op: 'unfeed'; id: string }

const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({
    op: fc.constant('tag' as const),
    name: fc.constantFrom(...TAGS),
    color: fc.constantFrom(...COLORS),
  }),
  fc.record({ op: fc.constant('untag' as const), name: fc.constantFrom(...TAGS) }),
  fc.record({
    op: fc.constant('search' as const),
    id: fc.constantFrom(...IDS),
    name: fc.constantFrom('a', 'b', 'c'),
  }),
  fc.record({ op: fc.constant('unsearch' as const), id: fc.constantFrom(...IDS) }),
  fc.record({
    op: fc.constant('feed' as const),
    id: fc.constantFrom(...IDS),
    title: fc.constantFrom('x', 'y'),
  }),
  fc.record({ op: fc.constant('unfeed' as const), id: fc.constantFrom(...IDS) }),
)

/** One edit as an area makes it (new lists), then stamped as the commit does. */
function apply(m: Manifest, e: Edit, at: number, device: string): Manifest {
  const next: Manifest = structuredClone(m)
  const when = new Date(at).toISOString()
  switch (e.op) {
    case 'tag':
      next.tags = [...m.tags.filter((t) => t.name !== e.name), { name: e.name, color: e.color }]
      break
    case 'untag':
      next.tags = m.tags.filter((t) => t.name !== e.name)
      break
    case 'search':
      next.savedSearches = [
        ...m.savedSearches.filter((s) => s.id !== e.id),
        { id: e.id, name: e.name, query: `q ${e.name}`, createdAt: when },
      ]
      break
    case 'unsearch':
      next.savedSearches = m.savedSearches.filter((s) => s.id !== e.id)
      break
    case 'feed':
      next.feeds = [
        ...m.feeds.filter((f) => f.id !== e.id),
        {
          id: e.id,
          url: `https://example.com/${e.id}.xml`,
          title: e.title,
          addedAt: when,
          tags: [],
        },
      ]
      break
    case 'unfeed':
      next.feeds = m.feeds.filter((f) => f.id !== e.id)
      break
  }
  return stampManifest(m, next, stampOf(new Date(at), device), device)
}

/** A common start, then each device's edits, interleaved in time (a global order). */
const histories = fc
  .tuple(
    fc.array(edit, { maxLength: 6 }),
    fc.array(fc.tuple(fc.constantFrom('A', 'B'), edit), { maxLength: 12 }),
  )
  .map(([common, apart]) => {
    let base = newManifest(1, new Date(T0).toISOString())
    let t = T0
    for (const e of common) base = apply(base, e, (t += 1000), 'C')
    let a = base
    let b = base
    for (const [side, e] of apart) {
      t += 1000
      if (side === 'A') a = apply(a, e, t, 'A')
      else b = apply(b, e, t, 'B')
    }
    return { a, b }
  })

const canon = (m: Manifest) => JSON.stringify(mergeManifests(m, m))

function present(m: Manifest, list: ClockedList): Map<string, unknown> {
  return new Map((m[list] as Manifest[ClockedList][number][]).map((x) => [keyOf(list, x), x]))
}

describe('merging two copies of quire.json', () => {
  it('is commutative', () => {
    fc.assert(
      fc.property(histories, ({ a, b }) => {
        expect(mergeManifests(a, b)).toEqual(mergeManifests(b, a))
      }),
      { numRuns: 500 },
    )
  })

  it('is idempotent: merging the result again with either side changes nothing', () => {
    fc.assert(
      fc.property(histories, ({ a, b }) => {
        const m = mergeManifests(a, b)
        expect(canon(mergeManifests(m, a))).toBe(canon(m))
        expect(canon(mergeManifests(m, b))).toBe(canon(m))
        expect(mergeManifests(m, m)).toBe(m)
      }),
      { numRuns: 500 },
    )
  })

  it('loses nothing the other side did not delete later, and keeps what was deleted last deleted', () => {
    fc.assert(
      fc.property(histories, ({ a, b }) => {
        const m = mergeManifests(a, b)
        for (const list of CLOCKED_LISTS) {
          const [pa, pb, pm] = [present(a, list), present(b, list), present(m, list)]
          const keys = new Set([...pa.keys(), ...pb.keys(), ...Object.keys(a.clock?.[list] ?? {})])
          for (const key of keys) {
            // The last event for this key on each side: its stamp, and whether it was a deletion.
            const last = [a, b].map((side, i) => {
              const c = side.clock?.[list]?.[key]
              return { at: stampTime(c?.at ?? ''), gone: ![pa, pb][i]!.has(key) && !!c }
            })
            const newest = last.reduce((p, q) => (q.at > p.at || (q.at === p.at && q.gone) ? q : p))
            const anywhere = pa.has(key) || pb.has(key)
            if (!anywhere || newest.gone) expect(pm.has(key), `${list} ${key}`).toBe(false)
            else expect(pm.has(key), `${list} ${key}`).toBe(true)
          }
        }
      }),
      { numRuns: 500 },
    )
  })
})

describe('quire.json tombstones, by example', () => {
  const base = apply(
    newManifest(1, new Date(T0).toISOString()),
    { op: 'tag', name: 'gaza', color: '#112233' },
    T0 + 1000,
    'A',
  )

  it('keeps a tag deleted on one device deleted when the other device still holds it', () => {
    const a = apply(base, { op: 'untag', name: 'gaza' }, T0 + 5000, 'A')
    const b = apply(base, { op: 'search', id: IDS[0]!, name: 'a' }, T0 + 6000, 'B')
    const m = mergeManifests(a, b)
    expect(m.tags).toEqual([])
    expect(m.savedSearches.map((s) => s.id)).toEqual([IDS[0]])
    expect(m.clock?.tags?.gaza).toEqual({ at: stampOf(new Date(T0 + 5000), 'A'), seen: ['A'] })
  })

  it('brings back a tag the other device added again after the deletion', () => {
    const a = apply(base, { op: 'untag', name: 'gaza' }, T0 + 5000, 'A')
    const b = apply(base, { op: 'tag', name: 'gaza', color: '#445566' }, T0 + 7000, 'B')
    expect(mergeManifests(a, b).tags).toEqual([{ name: 'gaza', color: '#445566' }])
  })

  it('lets the newer change of one item win (a colour, a feed title)', () => {
    const a = apply(base, { op: 'tag', name: 'gaza', color: '#778899' }, T0 + 9000, 'A')
    const b = apply(base, { op: 'tag', name: 'gaza', color: '#445566' }, T0 + 3000, 'B')
    expect(mergeManifests(a, b).tags).toEqual([{ name: 'gaza', color: '#778899' }])
  })

  it('merges copies written before clocks as sets, as before', () => {
    const old = newManifest(1, new Date(T0).toISOString())
    const a = { ...old, tags: [{ name: 'x', color: '#112233' }] }
    const b = { ...old, tags: [{ name: 'y', color: '#112233' }] }
    expect(mergeManifests(a, b).tags.map((t) => t.name)).toEqual(['x', 'y'])
  })

  it('does not stamp again what a merge brought with its own clock', () => {
    const a = apply(base, { op: 'untag', name: 'gaza' }, T0 + 5000, 'A')
    const merged = mergeManifests(base, a)
    expect(stampManifest(base, merged, stampOf(new Date(T0 + 99_000), 'B'), 'B')).toBe(merged)
  })
})

describe('quire.json tombstone expiry', () => {
  const deleted = apply(
    apply(
      newManifest(1, new Date(T0).toISOString()),
      { op: 'feed', id: IDS[1]!, title: 'x' },
      T0,
      'A',
    ),
    { op: 'unfeed', id: IDS[1]! },
    T0 + 1000,
    'A',
  )

  it('signs a tombstone as seen and drops it once every device saw it and 30 days passed', () => {
    const seen = tendManifestTombstones(deleted, 'B', ['A', 'B'], T0 + DAY)
    expect(seen.clock?.feeds?.[IDS[1]!]?.seen).toEqual(['A', 'B'])
    expect(tendManifestTombstones(seen, 'B', ['A', 'B'], T0 + 31 * DAY).clock?.feeds).toEqual({})
  })

  it('keeps it while a known device has not seen it, up to 90 days', () => {
    expect(tendManifestTombstones(deleted, 'A', ['A', 'B'], T0 + 60 * DAY)).toBe(deleted)
    const late = tendManifestTombstones(deleted, 'A', ['A', 'B'], T0 + 91 * DAY)
    expect(late.clock?.feeds).toEqual({})
  })

  it('never drops the clock of an item that is present', () => {
    const back = apply(deleted, { op: 'feed', id: IDS[1]!, title: 'y' }, T0 + 2000, 'B')
    const later = tendManifestTombstones(back, 'A', ['A', 'B'], T0 + 200 * DAY)
    expect(later).toBe(back)
  })
})
