// Perf sanity for 100 KB articles: timings are logged for a human to read, never asserted.
import { describe as suite, expect, it } from 'vitest'
import { anchor } from '../../../../shared/anchoring/anchor.ts'
import type { AnchorResult } from '../../../../shared/anchoring/anchor.ts'
import { describe } from '../../../../shared/anchoring/describe.ts'
import type { AnchorTarget } from '../../../../shared/anchoring/describe.ts'

const WORDS =
  'the of and to in a is that for on with as was by at from his her it an be are this which said government minister city council people year new police report two after first would military forces'.split(
    ' ',
  )

const SYLLABLES = 'ka lo mi ne ru sa te vi zo ba de fi gu ho ja'.split(' ')

/**
 * Deterministic pseudo-prose of `size` code units (mulberry32 picks the words): from 40 common words, where every 8-unit piece of a quote recurs and the search falls
 * back to a full scan, or from thousands of made-up words, where exact seeds narrow it.
 */
function prose(size: number, vocabulary: 'small' | 'large', seed = 1): string {
  let x = seed
  // mulberry32: small, deterministic, and without the short low-bit cycles of an LCG.
  const next = () => {
    x = (x + 0x6d2b79f5) | 0
    let t = Math.imul(x ^ (x >>> 15), 1 | x)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return (t ^ (t >>> 14)) >>> 0
  }
  const parts: string[] = []
  let length = 0
  while (length < size) {
    const word =
      vocabulary === 'small'
        ? WORDS[next() % WORDS.length]!
        : Array.from({ length: 1 + (next() % 3) }, () => SYLLABLES[next() % SYLLABLES.length]).join(
            '',
          )
    const r = next() % 100
    const sep = r < 6 ? '. ' : r < 8 ? '.\n\n' : ' '
    parts.push(word + sep)
    length += word.length + sep.length
  }
  return parts.join('').slice(0, size)
}

function time(text: string, target: AnchorTarget): { ms: number; result: AnchorResult } {
  anchor(text, target) // warm-up
  const runs: number[] = []
  let result = anchor(text, target)
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now()
    result = anchor(text, target)
    runs.push(performance.now() - t0)
  }
  return { ms: runs.sort((a, b) => a - b)[2]!, result }
}

/** Six scattered one-character edits. */
const edit = (quote: string) =>
  [...quote].map((c, i) => (i % 50 === 25 ? (c === 'x' ? 'y' : 'x') : c)).join('')

function cases(vocabulary: 'small' | 'large'): Array<[string, string, AnchorTarget, string]> {
  const text = prose(100_000, vocabulary)
  const start = 50_000
  const target = describe(text, start, start + 300)
  const before = text.slice(0, start)
  const after = text.slice(start + 300)
  const fuzzy = `An editor's note.\n\n${before}${edit(target.quote.exact)}${after}`
  const the = text.indexOf(' the ', start) + 1
  return [
    ['exact position', text, target, 'exact-position'],
    ['exact quote, shifted', `Update.\n\n${text}`, target, 'exact-quote'],
    ['fuzzy, 300-unit quote with 6 edits', fuzzy, target, 'fuzzy'],
    ['orphaned, quote deleted', before + after, target, 'orphaned'],
    ...(the > 0
      ? [
          [
            'exact quote "the", thousands of repeats',
            `x ${text}`,
            describe(text, the, the + 3),
            'exact-quote',
          ] as [string, string, AnchorTarget, string],
        ]
      : []),
  ]
}

suite('anchoring perf (logged, not asserted)', () => {
  for (const vocabulary of ['small', 'large'] as const) {
    for (const [name, haystack, target, status] of cases(vocabulary)) {
      it(`${vocabulary} vocabulary: ${name}`, () => {
        const { ms, result } = time(haystack, target)
        console.info(`anchoring perf, ${vocabulary} vocabulary, ${name}: ${ms.toFixed(2)} ms`)
        expect(result.status).toBe(status)
      })
    }
  }

  it('periodic text, every offset an equal exact match', () => {
    const text = 'ab'.repeat(50_000)
    const target = describe(text, 50_000, 50_300)
    const lost = { ...target, position: { ...target.position, start: 50_001, end: 50_301 } }
    const { ms, result } = time(`xy${text}`, lost)
    console.info(`anchoring perf, periodic text, ~50,000 exact occurrences: ${ms.toFixed(2)} ms`)
    expect(result.status).toBe('exact-quote')
  })

  it('one paragraph repeated 100 times, every copy edited alike', () => {
    const paragraph = prose(1000, 'small', 7)
    const target = describe(paragraph.repeat(100), 50_400, 50_700)
    const edited = `x${(paragraph.slice(0, 550) + '#' + paragraph.slice(551)).repeat(100)}`
    const { ms, result } = time(edited, target)
    console.info(`anchoring perf, repeated paragraph, fuzzy and ambiguous: ${ms.toFixed(2)} ms`)
    // Equal copies: the nearest is taken, and the score says it was a guess.
    expect(result).toMatchObject({ status: 'fuzzy', start: 50_401 })
    if (result.status !== 'orphaned') expect(result.score).toBeLessThanOrEqual(0.5)
  })
})
