// The merge rules for two copies of a record or shard edited apart on two devices:
// property tests (commutative, idempotent, nothing lost) over random edits on each side.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Annotation, Article } from '../../../../../../shared/model.ts'
import { mergeRecords } from '../../../../../../main/archive/store/sync/merge-record.ts'
import {
  mergeShards,
  type SyncShard,
} from '../../../../../../main/archive/store/sync/merge-shard.ts'
import { BOTH_KEPT_MARKER } from '../../../../../../main/archive/store/sync/merge-text.ts'
import {
  stampChanges,
  stampOf,
  stampTime,
  textHash,
} from '../../../../../../main/archive/store/sync/stamp.ts'
import { makeArticle } from '../../../../helpers/article.ts'

const T0 = Date.parse('2026-01-01T00:00:00.000Z')
const TAGS = ['gaza', 'economy', 'region/asia', 'to-read']
const HL_IDS = ['00000000000000a1', '00000000000000a2', '00000000000000a3']

type Edit =
  | { op: 'tag'; tag: string }
  | { op: 'untag'; tag: string }
  | { op: 'highlight'; id: string; note: string }
  | { op: 'hlNote'; id: string; note: string }
  | { op: 'unhighlight'; id: string }
  | { op: 'note'; note: string }
  | { op: 'title'; title: string }
  | { op: 'favorite'; on: boolean }
  | { op: 'status'; status: 'unread' | 'reading' | 'read' }

const text = fc.string({ minLength: 0, maxLength: 8 })
const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ op: fc.constant('tag' as const), tag: fc.constantFrom(...TAGS) }),
  fc.record({ op: fc.constant('untag' as const), tag: fc.constantFrom(...TAGS) }),
  fc.record({ op: fc.constant('highlight' as const), id: fc.constantFrom(...HL_IDS), note: text }),
  fc.record({ op: fc.constant('hlNote' as const), id: fc.constantFrom(...HL_IDS), note: text }),
  fc.record({ op: fc.constant('unhighlight' as const), id: fc.constantFrom(...HL_IDS) }),
  fc.record({ op: fc.constant('note' as const), note: text }),
  fc.record({ op: fc.constant('title' as const), title: text }),
  fc.record({ op: fc.constant('favorite' as const), on: fc.boolean() }),
  fc.record({
    op: fc.constant('status' as const),
    status: fc.constantFrom('unread' as const, 'reading' as const, 'read' as const),
  }),
)

function highlight(id: string, note: string, at: string): Annotation {
  return {
    id,
    createdAt: at,
    updatedAt: at,
    color: 'yellow',
    note,
    tags: [],
    target: {
      quote: { type: 'TextQuoteSelector', exact: 'quoted', prefix: '', suffix: '' },
      position: { type: 'TextPositionSelector', start: 0, end: 6 },
    },
    orphaned: false,
  }
}

/** One edit as an area makes it (a new record object), then stamped as the catalog does. */
function apply(r: Article, e: Edit, at: string, device: string): Article {
  let next: Article = { ...r, updatedAt: at }
  switch (e.op) {
    case 'tag':
      if (r.tags.includes(e.tag)) return r
      next.tags = [...r.tags, e.tag]
      break
    case 'untag':
      if (!r.tags.includes(e.tag)) return r
      next.tags = r.tags.filter((t) => t !== e.tag)
      break
    case 'highlight':
      if (r.annotations.some((a) => a.id === e.id)) return r
      next.annotations = [...r.annotations, highlight(e.id, e.note, at)]
      break
    case 'hlNote':
      if (!r.annotations.some((a) => a.id === e.id && a.note !== e.note)) return r
      next.annotations = r.annotations.map((a) =>
        a.id === e.id ? { ...a, note: e.note, updatedAt: at } : a,
      )
      break
    case 'unhighlight':
      if (!r.annotations.some((a) => a.id === e.id)) return r
      next.annotations = r.annotations.filter((a) => a.id !== e.id)
      break
    case 'note':
      if (r.note === e.note) return r
      next.note = e.note
      break
    case 'title':
      next.title = e.title
      break
    case 'favorite':
      next.favorite = e.on
      break
    case 'status':
      next.status = e.status
      break
  }
  next = stampChanges(r, next, stampOf(at, device))
  return next
}

/** A shared start, then each side's edits at interleaved instants on its own device. */
const sides = fc
  .record({
    common: fc.array(edit, { maxLength: 4 }),
    a: fc.array(edit, { maxLength: 6 }),
    b: fc.array(edit, { maxLength: 6 }),
    offset: fc.integer({ min: 0, max: 3 }),
  })
  .map(({ common, a, b, offset }) => {
    let base = makeArticle({ id: '0123456789abcdef', importedAt: new Date(T0).toISOString() })
    common.forEach(
      (e, i) => (base = apply(base, e, new Date(T0 + 1000 * (i + 1)).toISOString(), 'C')),
    )
    const start = T0 + 100_000
    let ra = base
    let rb = base
    a.forEach((e, i) => (ra = apply(ra, e, new Date(start + 2 * i * 1000).toISOString(), 'A')))
    b.forEach(
      (e, i) => (rb = apply(rb, e, new Date(start + (2 * i + offset) * 1000).toISOString(), 'B')),
    )
    return { base, a: ra, b: rb }
  })

/** Compare as data: key order aside. */
function canon(v: unknown): string {
  return JSON.stringify(v, (_k, x: unknown) =>
    x && typeof x === 'object' && !Array.isArray(x)
      ? Object.fromEntries(Object.entries(x).sort(([p], [q]) => (p < q ? -1 : 1)))
      : x,
  )
}

describe('merging two copies of a record', () => {
  it('is commutative', () => {
    fc.assert(
      fc.property(sides, ({ a, b }) => {
        expect(canon(mergeRecords(a, b).record)).toBe(canon(mergeRecords(b, a).record))
      }),
      { numRuns: 500 },
    )
  })

  it('is idempotent: merging a result again with either side changes nothing', () => {
    fc.assert(
      fc.property(sides, ({ a, b }) => {
        const m = mergeRecords(a, b).record
        expect(canon(mergeRecords(a, a).record)).toBe(canon(a))
        expect(canon(mergeRecords(m, a).record)).toBe(canon(m))
        expect(canon(mergeRecords(m, b).record)).toBe(canon(m))
        expect(canon(mergeRecords(m, m).record)).toBe(canon(m))
      }),
      { numRuns: 500 },
    )
  })

  it('loses no tag, highlight or note the other side did not remove later', () => {
    fc.assert(
      fc.property(sides, ({ a, b }) => {
        const m = mergeRecords(a, b).record
        for (const [mine, theirs] of [
          [a, b],
          [b, a],
        ] as const) {
          for (const tag of mine.tags) {
            const removedLater =
              !theirs.tags.includes(tag) &&
              (theirs.clock?.t?.[tag] ?? '') > (mine.clock?.t?.[tag] ?? '')
            if (!removedLater) expect(m.tags).toContain(tag)
          }
          for (const h of mine.annotations) {
            const x = theirs.clock?.x?.[h.id]
            if (x && stampTime(x) >= h.updatedAt) continue
            const kept = m.annotations.find((n) => n.id === h.id)
            expect(kept, `highlight ${h.id}`).toBeDefined()
            const theirsFromMine =
              theirs.clock?.h?.[`a:${h.id}`]?.includes(textHash(h.note)) ?? false
            // A blank note holds no word to lose: the merge keeps the other side's text.
            if (!theirsFromMine && h.note.trim()) expect(kept!.note).toContain(h.note)
          }
          const noteFromMine = theirs.clock?.h?.note?.includes(textHash(mine.note)) ?? false
          if (!noteFromMine && mine.note.trim()) expect(m.note).toContain(mine.note)
        }
      }),
      { numRuns: 500 },
    )
  })
})

describe('the merge rules, by example', () => {
  const at = (s: number) => new Date(T0 + s * 1000).toISOString()
  const base = makeArticle({ id: '0123456789abcdef', importedAt: at(0) })

  it('keeps both tags when the same article is tagged differently', () => {
    const a = apply(base, { op: 'tag', tag: 'gaza' }, at(10), 'A')
    const b = apply(base, { op: 'tag', tag: 'economy' }, at(11), 'B')
    expect(mergeRecords(a, b).record.tags.sort()).toEqual(['economy', 'gaza'])
  })

  it('lets the newer edit of a field win, field by field', () => {
    const a = apply(
      apply(base, { op: 'title', title: 'A' }, at(10), 'A'),
      { op: 'favorite', on: true },
      at(30),
      'A',
    )
    const b = apply(base, { op: 'title', title: 'B' }, at(20), 'B')
    const m = mergeRecords(a, b).record
    expect(m.title).toBe('B')
    expect(m.favorite).toBe(true)
  })

  it('keeps both texts of a note edited on both sides, the newer first, with a marker', () => {
    const start = apply(base, { op: 'note', note: 'first' }, at(5), 'C')
    const a = apply(start, { op: 'note', note: 'first, then A' }, at(10), 'A')
    const b = apply(start, { op: 'note', note: 'B rewrote it' }, at(11), 'B')
    const m = mergeRecords(a, b)
    expect(m.record.note).toBe(`B rewrote it${BOTH_KEPT_MARKER}first, then A`)
    expect(m.notesKeptBoth).toBe(1)
    // A note edited on one side only simply moves forward.
    expect(mergeRecords(start, a).record.note).toBe('first, then A')
  })

  it('keeps highlights added on both sides, and one deleted stays deleted', () => {
    const start = apply(base, { op: 'highlight', id: HL_IDS[0]!, note: '' }, at(5), 'C')
    const a = apply(start, { op: 'highlight', id: HL_IDS[1]!, note: 'mine' }, at(10), 'A')
    const b = apply(
      apply(start, { op: 'highlight', id: HL_IDS[2]!, note: 'yours' }, at(11), 'B'),
      { op: 'unhighlight', id: HL_IDS[0]! },
      at(12),
      'B',
    )
    const ids = mergeRecords(a, b).record.annotations.map((n) => n.id)
    expect(ids.sort()).toEqual([HL_IDS[1], HL_IDS[2]])
  })
})

describe('merging two copies of a shard', () => {
  const at = (s: number) => new Date(T0 + s * 1000).toISOString()
  const rec = makeArticle({ id: '0123456789abcdef', importedAt: at(0) })

  it('keeps a record deleted on one side when the other annotated it afterwards', () => {
    const deleted: SyncShard = {
      articles: {},
      removed: { [rec.id]: { at: stampOf(at(10), 'A'), seen: ['A'] } },
    }
    const annotated = apply(rec, { op: 'highlight', id: HL_IDS[0]!, note: 'keep me' }, at(20), 'B')
    const m = mergeShards(deleted, { articles: { [rec.id]: annotated } })
    expect(m.shard.articles[rec.id]?.annotations[0]?.note).toBe('keep me')
    expect(m.changed).toEqual([rec.id])
    expect(canon(mergeShards({ articles: { [rec.id]: annotated } }, deleted).shard)).toBe(
      canon(m.shard),
    )
  })

  it('deletes a record the other side did not touch after the deletion', () => {
    const deleted: SyncShard = {
      articles: {},
      removed: { [rec.id]: { at: stampOf(at(10), 'A'), seen: ['A'] } },
    }
    const m = mergeShards({ articles: { [rec.id]: rec } }, deleted)
    expect(m.shard.articles).toEqual({})
    expect(m.shard.removed?.[rec.id]?.seen).toEqual(['A'])
  })

  it('is commutative and idempotent over random shards', () => {
    const shard = fc
      .tuple(sides, fc.boolean(), fc.boolean(), fc.integer({ min: 0, max: 200 }))
      .map(([{ a, b }, delA, delB, when]) => {
        const tomb = {
          at: stampOf(new Date(T0 + 100_000 + when * 100).toISOString(), 'X'),
          seen: ['X'],
        }
        const sa: SyncShard = delA
          ? { articles: {}, removed: { [a.id]: tomb } }
          : { articles: { [a.id]: a } }
        const sb: SyncShard = delB
          ? { articles: {}, removed: { [b.id]: tomb } }
          : { articles: { [b.id]: b } }
        return { sa, sb }
      })
    fc.assert(
      fc.property(shard, ({ sa, sb }) => {
        const m = mergeShards(sa, sb).shard
        expect(canon(mergeShards(sb, sa).shard)).toBe(canon(m))
        expect(canon(mergeShards(m, sa).shard)).toBe(canon(m))
        expect(canon(mergeShards(m, sb).shard)).toBe(canon(m))
      }),
      { numRuns: 300 },
    )
  })
})
