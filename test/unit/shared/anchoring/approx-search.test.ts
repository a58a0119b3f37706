import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { matchStarts, scanErrors } from '../../../../shared/anchoring/approx-search.ts'
import { naiveDistance, naiveEndErrors } from './arbitraries.ts'

// Small alphabets make near-matches common; lengths cross the 32-row block boundaries.
const alphabet = fc.constantFrom('a', 'b', 'c', '😀', 'ש')
const str = (min: number, max: number) =>
  fc.array(alphabet, { minLength: min, maxLength: max }).map((a) => a.join(''))

describe('scanErrors', () => {
  it('finds an exact occurrence with zero errors at its end', () => {
    const errors = scanErrors('xx hello yy', 'hello')
    expect(errors[7]).toBe(0)
    expect(Math.min(...errors)).toBe(0)
  })

  it('counts edits of a pattern longer than one 32-bit block', () => {
    const pattern = 'The council approved the new river bridge after a long debate.'
    const edited = pattern.replace('river', 'rivers').replace('long', 'lung')
    expect(Math.min(...scanErrors(`Intro. ${edited} Outro.`, pattern))).toBe(2)
  })

  it('agrees with the textbook dynamic programme, across block boundaries', () => {
    fc.assert(
      fc.property(str(0, 120), str(1, 100), (text, pattern) => {
        expect([...scanErrors(text, pattern)]).toEqual(naiveEndErrors(text, pattern))
      }),
      { numRuns: 300 },
    )
  })

  it('scans a window as if the text began at `from`', () => {
    fc.assert(
      fc.property(str(0, 80), str(1, 40), fc.nat(), fc.nat(), (text, pattern, a, b) => {
        const from = a % (text.length + 1)
        const to = from + (b % (text.length - from + 1))
        expect([...scanErrors(text, pattern, from, to)]).toEqual(
          naiveEndErrors(text.slice(from, to), pattern),
        )
      }),
    )
  })
})

describe('matchStarts', () => {
  it('recovers the start of an edited occurrence', () => {
    const text = 'aaa the quick brwn fox zzz'
    const end = text.indexOf(' zzz')
    expect(matchStarts(text, 'the quick brown fox', end, 4)).toEqual({
      errors: 1,
      starts: [text.indexOf('the')],
    })
  })

  it('returns exactly the starts with the least distance, when within budget', () => {
    fc.assert(
      fc.property(str(1, 60), str(1, 40), fc.nat(), fc.nat({ max: 20 }), (text, pattern, e, k) => {
        const end = 1 + (e % text.length)
        const { errors, starts } = matchStarts(text, pattern, end, k)
        const distances = new Map<number, number>()
        for (let s = 0; s < end; s++) distances.set(s, naiveDistance(pattern, text.slice(s, end)))
        const best = Math.min(...distances.values())
        if (best > k)
          return void expect({ errors, starts }).toEqual({ errors: Infinity, starts: [] })
        expect(errors).toBe(best)
        expect(starts.toSorted((a, b) => a - b)).toEqual(
          [...distances].filter(([, d]) => d === best).map(([s]) => s),
        )
      }),
      { numRuns: 300 },
    )
  })
})
