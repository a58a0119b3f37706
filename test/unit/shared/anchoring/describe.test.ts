import fc from 'fast-check'
import { describe as suite, expect, it } from 'vitest'
import { CONTEXT_LENGTH, describe } from '../../../../shared/anchoring/describe.ts'
import { selectionArb } from './arbitraries.ts'

suite('describe', () => {
  it('stores the quote, up to 32 code units of context each side, and the offsets', () => {
    const text = `${'p'.repeat(40)}QUOTE${'s'.repeat(40)}`
    expect(describe(text, 40, 45)).toEqual({
      quote: {
        type: 'TextQuoteSelector',
        exact: 'QUOTE',
        prefix: 'p'.repeat(CONTEXT_LENGTH),
        suffix: 's'.repeat(CONTEXT_LENGTH),
      },
      position: { type: 'TextPositionSelector', start: 40, end: 45 },
    })
  })

  it('stores shorter context at the edges of the text', () => {
    const { quote } = describe('abc', 0, 3)
    expect(quote).toMatchObject({ exact: 'abc', prefix: '', suffix: '' })
  })

  it('never cuts a surrogate pair in the context', () => {
    // 32 code units back from Q (and forward from its end) land inside an emoji.
    const text = `${'😀'.repeat(20)}zQz${'😀'.repeat(20)}`
    const q = text.indexOf('Q')
    const { quote } = describe(text, q, q + 1)
    expect(quote.prefix).toBe(`${'😀'.repeat(15)}z`)
    expect(quote.suffix).toBe(`z${'😀'.repeat(15)}`)
  })

  it('refuses empty, reversed, fractional and out-of-range selections', () => {
    for (const [start, end] of [
      [2, 2],
      [3, 1],
      [-1, 2],
      [0, 4],
      [0.5, 2],
      [Number.NaN, 2],
    ] as const) {
      expect(() => describe('abc', start, end)).toThrow(RangeError)
    }
  })

  it('holds quote and context that sit around the selection in the text', () => {
    fc.assert(
      fc.property(selectionArb, ({ text, start, end }) => {
        const { quote, position } = describe(text, start, end)
        expect(text.slice(start - quote.prefix.length, end + quote.suffix.length)).toBe(
          quote.prefix + quote.exact + quote.suffix,
        )
        expect(quote.exact).toBe(text.slice(start, end))
        expect(quote.prefix.length).toBeGreaterThanOrEqual(Math.min(start, CONTEXT_LENGTH) - 1)
        expect(quote.suffix.length).toBeLessThanOrEqual(CONTEXT_LENGTH)
        expect(position).toMatchObject({ start, end })
      }),
    )
  })
})
