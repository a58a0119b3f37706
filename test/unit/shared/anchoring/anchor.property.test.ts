// Offsets in these properties are UTF-16 code units (JavaScript string indices), so texts mix
// Latin, Arabic and Hebrew (RTL), CJK, emoji (surrogate pairs) and even lone surrogates.
import fc from 'fast-check'
import { describe as suite, expect, it } from 'vitest'
import {
  anchor,
  FUZZY_MAX_ERROR_RATE,
  FUZZY_SHORT_QUOTE,
} from '../../../../shared/anchoring/anchor.ts'
import { describe } from '../../../../shared/anchoring/describe.ts'
import { editDistance } from '../../../../shared/anchoring/similarity.ts'
import { applyEdits, editArb, longSelectionArb, selectionArb } from './arbitraries.ts'

const RUNS = { numRuns: 500 }
const budget = (quote: string) => Math.floor(quote.length * FUZZY_MAX_ERROR_RATE)

suite('anchor properties', () => {
  it('returns the original range in unchanged text', () => {
    fc.assert(
      fc.property(selectionArb, ({ text, start, end }) => {
        expect(anchor(text, describe(text, start, end))).toEqual({
          status: 'exact-position',
          start,
          end,
          score: 1,
        })
      }),
      RUNS,
    )
  })

  it('finds the exact quote in unchanged text from the quote selector alone', () => {
    fc.assert(
      fc.property(selectionArb, ({ text, start, end }) => {
        const { quote } = describe(text, start, end)
        const lost = { type: 'TextPositionSelector' as const, start: text.length + 1, end: 0 }
        const r = anchor(text, { quote, position: lost })
        expect(r.status).toBe('exact-quote')
        if (r.status === 'orphaned') return
        expect(text.slice(r.start, r.end)).toBe(quote.exact)
        // Unique quote-with-context: it must be the original occurrence.
        const whole = quote.prefix + quote.exact + quote.suffix
        if (text.indexOf(whole) === text.lastIndexOf(whole)) expect(r.start).toBe(start)
      }),
      RUNS,
    )
  })

  it('after edits outside the quote, lands on text equal to the quote', () => {
    fc.assert(
      fc.property(
        fc.oneof(selectionArb, longSelectionArb),
        fc.array(editArb(12), { maxLength: 3 }),
        fc.array(editArb(12), { maxLength: 3 }),
        ({ text, start, end }, before, after) => {
          const target = describe(text, start, end)
          const head = applyEdits(text.slice(0, start), before)
          const edited = head + target.quote.exact + applyEdits(text.slice(end), after)
          const r = anchor(edited, target)
          expect(r.status).not.toBe('orphaned')
          expect(r.status).not.toBe('fuzzy')
          if (r.status === 'orphaned') return
          expect(edited.slice(r.start, r.end)).toBe(target.quote.exact)
          const exact = target.quote.exact
          if (edited.indexOf(exact) === edited.lastIndexOf(exact)) expect(r.start).toBe(head.length)
        },
      ),
      RUNS,
    )
  })

  it('after edits inside the quote, lands within the error budget or orphans', () => {
    fc.assert(
      fc.property(
        fc.oneof(selectionArb, longSelectionArb),
        fc.array(editArb(3), { minLength: 1, maxLength: 3 }),
        ({ text, start, end }, edits) => {
          const target = describe(text, start, end)
          const quote = target.quote.exact
          const changed = applyEdits(quote, edits)
          const edited = text.slice(0, start) + changed + text.slice(end)
          const r = anchor(edited, target)
          if (r.status === 'orphaned') {
            // Orphaning is only allowed when the edit really broke the quote...
            const within = editDistance(quote, changed) <= budget(quote)
            if (within && quote.length >= FUZZY_SHORT_QUOTE) expect.unreachable('lost a fair match')
            // ...and a repair candidate is never further than half the quote away.
            if (r.candidate) {
              const { start: s, end: e } = r.candidate
              expect(editDistance(quote, edited.slice(s, e))).toBeLessThanOrEqual(quote.length / 2)
            }
            return
          }
          // Never a range far from the quote, whatever the status.
          expect(editDistance(quote, edited.slice(r.start, r.end))).toBeLessThanOrEqual(
            budget(quote),
          )
          expect(r.score).toBeGreaterThan(0)
          expect(r.score).toBeLessThanOrEqual(1)
        },
      ),
      RUNS,
    )
  })

  it('never throws, whatever the target, and answers in range', () => {
    const selector = fc.record({
      type: fc.constant('TextQuoteSelector' as const),
      exact: fc.string({ maxLength: 20 }),
      prefix: fc.string({ maxLength: 32 }),
      suffix: fc.string({ maxLength: 32 }),
    })
    const position = fc.record({
      type: fc.constant('TextPositionSelector' as const),
      start: fc.integer({ min: -5, max: 400 }),
      end: fc.integer({ min: -5, max: 400 }),
    })
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), selector, position, (text, quote, pos) => {
        const r = anchor(text, { quote, position: pos })
        const range = r.status === 'orphaned' ? r.candidate : r
        if (!range) return
        expect(0 <= range.start && range.start < range.end && range.end <= text.length).toBe(true)
      }),
      RUNS,
    )
  })
})
