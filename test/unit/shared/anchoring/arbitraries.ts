// fast-check generators for anchoring tests: mixed-script texts, selections and text edits.
import fc from 'fast-check'

/** Words and marks from several scripts: Latin, Arabic and Hebrew (RTL), CJK, emoji (astral). */
const TOKENS = [
  'the ',
  'news ',
  'archive ',
  'قال ',
  'الأخبار ',
  'שלום ',
  'עיתון ',
  '日本語',
  '😀',
  '👩🏽‍🚀',
  'é',
  'ß',
  ', ',
  '. ',
  '\n',
  '\u200f',
  'a',
  'b',
  ' ',
]

/** Prose-like mixed-script text, random code units (lone surrogates too), or repetitive text. */
export const textArb: fc.Arbitrary<string> = fc.oneof(
  fc.array(fc.constantFrom(...TOKENS), { minLength: 1, maxLength: 80 }).map((t) => t.join('')),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 200 }),
  fc.string({ unit: fc.constantFrom('a', 'b', ' '), minLength: 1, maxLength: 60 }),
)

/** Longer text of random letters, where 8-unit pieces are rare enough to seed a search. */
export const longTextArb: fc.Arbitrary<string> = fc.string({
  unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz שלום قال😀'),
  minLength: 300,
  maxLength: 3000,
})

/** Short insertions, drawn from the same mix. */
export const insertArb: fc.Arbitrary<string> = fc.oneof(
  fc.array(fc.constantFrom(...TOKENS), { maxLength: 4 }).map((t) => t.join('')),
  fc.string({ unit: 'binary', maxLength: 6 }),
)

/** A text and a non-empty selection in it, as UTF-16 code-unit offsets. */
export const selectionArb = fc.tuple(textArb, fc.nat(), fc.nat()).map(([text, a, b]) => {
  const start = a % text.length
  const end = start + 1 + (b % (text.length - start))
  return { text, start, end }
})

/** Like selectionArb, but quotes of 16 or more code units, where fuzzy matching applies. */
export const longSelectionArb = fc
  .tuple(
    fc.oneof(textArb, longTextArb).filter((t) => t.length >= 16),
    fc.nat(),
    fc.integer({ min: 16, max: 300 }),
  )
  .map(([text, a, length]) => {
    const end = Math.min(text.length, (a % text.length) + length)
    const start = Math.max(0, end - length)
    return { text, start, end }
  })

/** One edit: delete `del` code units at `at` (taken modulo the length) and insert `ins`. */
export type Edit = { at: number; del: number; ins: string }

export const editArb = (maxDelete: number): fc.Arbitrary<Edit> =>
  fc.record({ at: fc.nat(), del: fc.nat({ max: maxDelete }), ins: insertArb })

export function applyEdits(s: string, edits: Edit[]): string {
  for (const { at, del, ins } of edits) {
    const i = at % (s.length + 1)
    s = s.slice(0, i) + ins + s.slice(Math.min(s.length, i + del))
  }
  return s
}

/** Levenshtein distance by the textbook full table, as an oracle for the fast versions. */
export function naiveDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  )
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      d[i]![j] = Math.min(d[i - 1]![j - 1]! + cost, d[i - 1]![j]! + 1, d[i]![j - 1]! + 1)
    }
  }
  return d[a.length]![b.length]!
}

/** Smallest distance from `pattern` to a substring of `text` ending at each offset 1..n. */
export function naiveEndErrors(text: string, pattern: string): number[] {
  let row = Array.from({ length: pattern.length + 1 }, (_, i) => i)
  const out: number[] = []
  for (let j = 1; j <= text.length; j++) {
    const next = [0]
    for (let i = 1; i <= pattern.length; i++) {
      const cost = pattern[i - 1] === text[j - 1] ? 0 : 1
      next[i] = Math.min(row[i - 1]! + cost, row[i]! + 1, next[i - 1]! + 1)
    }
    row = next
    out.push(row[pattern.length]!)
  }
  return out
}
