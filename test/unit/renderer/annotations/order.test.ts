// The sidebar lists highlights in text order and keeps orphans apart.
import { describe, expect, it } from 'vitest'
import type { Annotation } from '../../../../shared/model.ts'
import { orderAnnotations } from '../../../../renderer/src/annotations/order.ts'

function annotation(id: string): Annotation {
  return {
    id,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    color: 'yellow',
    note: '',
    tags: [],
    target: {
      quote: { type: 'TextQuoteSelector', exact: id, prefix: '', suffix: '' },
      position: { type: 'TextPositionSelector', start: 0, end: 1 },
    },
    orphaned: false,
  }
}

describe('orderAnnotations', () => {
  it('sorts by where each lands now and puts orphans (or unanchored ones) apart', () => {
    const [a, b, c, d] = ['a', 'b', 'c', 'd'].map((x) => annotation(x.repeat(16)))
    if (!a || !b || !c || !d) throw new Error('setup')
    const { placed, orphaned } = orderAnnotations(
      [a, b, c, d],
      [
        { id: a.id, status: 'exact-position', start: 40, end: 50 },
        { id: b.id, status: 'orphaned' },
        { id: c.id, status: 'fuzzy', start: 3, end: 9 },
      ],
    )
    expect(placed.map((x) => x.id)).toEqual([c.id, a.id])
    expect(orphaned.map((x) => x.id)).toEqual([b.id, d.id])
  })
})
