// fast-check generators for canonical Query objects (what parseQuery can produce).
import fc from 'fast-check'
import { tokenize } from '../../../../shared/search/normalize.ts'
import {
  HAS_FLAGS,
  HIGHLIGHT_COLORS,
  STATUS_FLAGS,
  daysInMonth,
} from '../../../../shared/search/query.ts'
import type { Query, Term } from '../../../../shared/search/query.ts'

const LETTERS = 'abcdefghijklmnopqrstuvwxyz0123456789ıøæßαжك中'.split('')

/** A folded token: mostly plain letters, sometimes any Unicode folded by the real code. */
export const token: fc.Arbitrary<string> = fc.oneof(
  fc.array(fc.constantFrom(...LETTERS), { minLength: 1, maxLength: 8 }).map((cs) => cs.join('')),
  fc
    .string({ unit: 'binary', minLength: 1, maxLength: 6 })
    .map((s) => tokenize(s)[0])
    .filter((t): t is string => t !== undefined),
)

export const term: fc.Arbitrary<Term> = fc.oneof(
  fc.record({ kind: fc.constant('word' as const), text: token, prefix: fc.boolean() }),
  fc
    .array(token, { minLength: 2, maxLength: 4 })
    .map((ts) => ({ kind: 'phrase' as const, text: ts.join(' ') })),
)

/** A trimmed filter value without quotes; spaces inside force quoting. */
const text: fc.Arbitrary<string> = fc.oneof(
  fc.stringMatching(/^[A-Za-z.:/-]{1,6}( [A-Za-z]{1,6}){0,2}$/),
  fc
    .string({ unit: 'grapheme', minLength: 1, maxLength: 12 })
    .map((s) => s.replace(/"/g, '').trim())
    .filter((s) => s.length > 0),
)

const tagName = text.filter((s) => !/[\u0000-\u001f\u007f,]/.test(s) && s.length <= 100)

const lang = fc.stringMatching(/^[a-z]{2,3}(-[a-z0-9]{1,8}){0,2}$/)

export const isoDate: fc.Arbitrary<string> = fc
  .record({ y: fc.integer({ min: 1, max: 9999 }), m: fc.integer({ min: 1, max: 12 }), d: fc.nat() })
  .map(({ y, m, d }) => {
    const day = (d % daysInMonth(y, m)) + 1
    return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`
  })

const flags = <K extends string>(keys: readonly K[]) =>
  fc.record(
    Object.fromEntries(keys.map((k) => [k, fc.boolean()])) as Record<K, fc.Arbitrary<boolean>>,
    {
      requiredKeys: [],
    },
  )

const words = fc
  .record({
    a: fc.option(fc.nat({ max: 100_000 }), { nil: undefined }),
    b: fc.nat({ max: 100_000 }),
  })
  .chain(({ a, b }) =>
    fc.constantFrom<Query['words']>(
      {},
      { min: b },
      { max: b },
      a === undefined ? {} : { min: Math.min(a, b), max: Math.max(a, b) },
    ),
  )

const small = <T>(arb: fc.Arbitrary<T>) => fc.array(arb, { maxLength: 3 })

export const query: fc.Arbitrary<Query> = fc
  .record({
    terms: small(fc.array(term, { minLength: 1, maxLength: 3 })),
    exclude: small(term),
    tags: small(tagName),
    excludeTags: small(tagName),
    is: flags(STATUS_FLAGS),
    source: small(text),
    author: small(text),
    url: small(text),
    lang: small(lang),
    after: fc.option(isoDate, { nil: undefined }),
    before: fc.option(isoDate, { nil: undefined }),
    words,
    has: flags(HAS_FLAGS),
    colors: small(fc.constantFrom(...HIGHLIGHT_COLORS)),
  })
  .map((q) => {
    // Optional keys are absent, never undefined, in what parseQuery returns.
    const { after, before, ...rest } = q
    return { ...rest, ...(after && { after }), ...(before && { before }) }
  })
