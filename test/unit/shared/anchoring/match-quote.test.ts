import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { scanErrors } from '../../../../shared/anchoring/approx-search.ts'
import { findApprox, findExact, seedRegions } from '../../../../shared/anchoring/match-quote.ts'
import { editDistance } from '../../../../shared/anchoring/similarity.ts'
import { applyEdits, editArb, longTextArb, textArb } from './arbitraries.ts'

describe('findExact', () => {
  it('lists every occurrence, overlapping ones too', () => {
    expect(findExact('aaaa', 'aa')).toEqual([0, 1, 2])
    expect(findExact('abc', 'x')).toEqual([])
    expect(findExact('abc', '')).toEqual([])
  })
})

describe('findApprox', () => {
  const quote = 'the committee approved the budget on Tuesday'
  const text = `Earlier, ${quote.replace('approved', 'aproved').replace('on', 'upon')} evening.`

  it('finds an edited quote with its range and error count', () => {
    const [best] = findApprox(text, quote, 11).sort((a, b) => a.errors - b.errors)
    expect(best).toMatchObject({ start: 9, end: text.indexOf(' evening'), errors: 3 })
  })

  it('finds nothing beyond the error budget, and nothing with no budget', () => {
    expect(findApprox(text, quote, 2)).toEqual([])
    expect(findApprox(text, quote, 0)).toEqual([])
    expect(findApprox('', quote, 5)).toEqual([])
  })

  it('seeds windows only where pieces of the quote occur', () => {
    const long = `${'lorem ipsum dolor '.repeat(200)}${text}${' sit amet'.repeat(200)}`
    const seeded = seedRegions(long, quote, 11)
    expect(seeded?.complete).toBeGreaterThanOrEqual(3)
    expect(seeded?.regions).toHaveLength(1)
    expect(findApprox(long, quote, 11).some((m) => m.errors === 3)).toBe(true)
  })

  it('reports the fewest errors any substring has, whenever that is within budget', () => {
    fc.assert(
      fc.property(
        fc.oneof(textArb, longTextArb),
        fc.nat(),
        fc.array(editArb(3), { maxLength: 4 }),
        fc.nat({ max: 20 }),
        (text, at, edits, maxErrors) => {
          // Quotes taken from the text, then edited, so near-matches exist.
          const from = at % text.length
          const quote = applyEdits(text.slice(from, from + 40), edits)
          if (quote.length === 0) return
          const lowest = Math.min(...scanErrors(text, quote))
          const found = findApprox(text, quote, maxErrors)
          if (lowest > maxErrors || maxErrors === 0) return void expect(found).toEqual([])
          expect(Math.min(...found.map((m) => m.errors))).toBe(lowest)
          for (const m of found) {
            expect(editDistance(quote, text.slice(m.start, m.end))).toBe(m.errors)
          }
        },
      ),
      { numRuns: 300 },
    )
  })
})
