// The library page's partial sort (main/archive/articles/list-articles.ts) against a full sort.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { firstK } from '../../../../../main/archive/articles/list-articles.ts'

describe('firstK', () => {
  it('gives what sorting everything and slicing gives', () => {
    const byKeyThenId = (a: [number, number], b: [number, number]) => a[0] - b[0] || a[1] - b[1]
    fc.assert(
      fc.property(
        // Few distinct keys, so ties (broken by the unique second field) are common.
        fc.uniqueArray(fc.tuple(fc.integer({ min: 0, max: 20 }), fc.integer()), {
          maxLength: 400,
          selector: (t) => t[1],
        }),
        fc.integer({ min: 1, max: 120 }),
        (items, k) => {
          const expected = [...items].sort(byKeyThenId).slice(0, k)
          expect(firstK([...items], k, byKeyThenId)).toEqual(expected)
        },
      ),
      { numRuns: 300 },
    )
  })
})
