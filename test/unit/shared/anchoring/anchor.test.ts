import { describe as suite, expect, it } from 'vitest'
import { anchor } from '../../../../shared/anchoring/anchor.ts'
import { describe } from '../../../../shared/anchoring/describe.ts'
import type { AnchorTarget } from '../../../../shared/anchoring/describe.ts'

const ARTICLE = [
  'The city council voted on Tuesday to approve the new river bridge.',
  'Residents had argued about the crossing for more than a decade.',
  'The mayor said the bridge would open in 2027, ahead of schedule.',
  'Critics said the cost was too high.',
].join('\n\n')

function target(text: string, quote: string, occurrence = 0): AnchorTarget {
  let start = text.indexOf(quote)
  for (let i = 0; i < occurrence; i++) start = text.indexOf(quote, start + 1)
  return describe(text, start, start + quote.length)
}

const rangeOf = (text: string, r: ReturnType<typeof anchor>) =>
  r.status === 'orphaned' ? undefined : text.slice(r.start, r.end)

suite('anchor', () => {
  it('keeps the stored position while it still holds the quote', () => {
    const t = target(ARTICLE, 'approve the new river bridge')
    expect(anchor(ARTICLE, t)).toEqual({
      status: 'exact-position',
      start: t.position.start,
      end: t.position.end,
      score: 1,
    })
  })

  it('finds the quote again after text is inserted before it', () => {
    const t = target(ARTICLE, 'the bridge would open in 2027')
    const edited = `Updated: ${ARTICLE}`
    const r = anchor(edited, t)
    expect(r).toMatchObject({ status: 'exact-quote', start: t.position.start + 9 })
    expect(rangeOf(edited, r)).toBe(t.quote.exact)
    if (r.status !== 'orphaned') expect(r.score).toBeGreaterThan(0.9)
  })

  it('tells repeated quotes apart by prefix and suffix', () => {
    const t = target(ARTICLE, 'said the', 1) // "Critics said the", not "mayor said the"
    const edited = `Breaking. ${ARTICLE}`
    const r = anchor(edited, t)
    expect(r).toMatchObject({ status: 'exact-quote', start: edited.indexOf('Critics said') + 8 })
    if (r.status !== 'orphaned') expect(r.score).toBeGreaterThan(0.5)
  })

  it('prefers context over the old position', () => {
    const text = 'A. The mayor said the bridge opens soon. Critics said the cost was high.'
    const t = target(text, 'said the', 0) // the mayor's, at offset 13
    // Sentences swapped: the critics' "said the" now sits where the mayor's used to.
    const edited = 'Critics said the cost was high. Later, the mayor said the bridge opens soon.'
    const r = anchor(edited, t)
    expect(r).toMatchObject({ status: 'exact-quote', start: edited.indexOf('mayor said') + 6 })
    if (r.status !== 'orphaned') expect(r.score).toBeGreaterThan(0.5)
  })

  it('picks the nearest of identical repeats and flags it with a score ≤ 0.5', () => {
    const text = 'spam spam spam spam'
    const t = describe(text, 10, 14) // the third one, context everywhere alike at the edges
    const r = anchor('ham spam spam spam spam', {
      quote: { ...t.quote, prefix: '', suffix: '' },
      position: t.position,
    })
    expect(r).toMatchObject({ status: 'exact-quote', start: 9 })
    if (r.status !== 'orphaned') expect(r.score).toBeLessThanOrEqual(0.5)
  })

  it('flags equal overlapping occurrences in periodic text as ambiguous', () => {
    const text = 'ab'.repeat(100)
    const t = describe(text, 100, 110)
    const edited = `x${text}` // every odd offset inside now holds the quote with its context
    const r = anchor(edited, t)
    expect(r.status).toBe('exact-quote')
    if (r.status === 'orphaned') return
    expect(edited.slice(r.start, r.end)).toBe(t.quote.exact)
    expect(Math.abs(r.start - 100)).toBe(1)
    expect(r.score).toBeLessThanOrEqual(0.5)
  })

  it('follows a quote edited by a couple of characters, as fuzzy', () => {
    const t = target(ARTICLE, 'Residents had argued about the crossing for more than a decade')
    const edited = ARTICLE.replace('argued about', 'argued over').replace('decade', 'decade,')
    const r = anchor(edited, t)
    expect(r).toMatchObject({ status: 'fuzzy', start: edited.indexOf('Residents') })
    expect(rangeOf(edited, r)).toBe('Residents had argued over the crossing for more than a decade')
    if (r.status !== 'orphaned') expect(r.score).toBeGreaterThan(0.8)
  })

  it('orphans a deleted quote and offers no wrong range', () => {
    const t = target(ARTICLE, 'Residents had argued about the crossing for more than a decade.')
    const edited = ARTICLE.replace(/Residents[^\n]*\n\n/, '')
    expect(anchor(edited, t)).toEqual({ status: 'orphaned' })
  })

  it('orphans a heavily rewritten quote but offers the best candidate for repair', () => {
    const t = target(ARTICLE, 'Critics said the cost was too high.')
    const edited = ARTICLE.replace(
      'Critics said the cost was too high.',
      'Critics say costs are too high!',
    )
    const r = anchor(edited, t)
    expect(r.status).toBe('orphaned')
    if (r.status === 'orphaned') {
      expect(r.candidate).toBeDefined()
      expect(edited.slice(r.candidate!.start, r.candidate!.end)).toMatch(/^Critics say.*high/)
    }
  })

  it('does not fuzzy-match a short quote whose context disagrees', () => {
    const t = target('We saw the cats at noon.', 'the cats')
    expect(anchor('Totally different: the cars are fast.', t).status).toBe('orphaned')
    // ...but does when the context still agrees.
    expect(anchor('We saw the rats at noon.', t)).toMatchObject({
      status: 'fuzzy',
      start: 7,
      end: 15,
    })
  })

  it('ignores positions that are empty, reversed or beyond the text', () => {
    const quote = target(ARTICLE, 'Critics said').quote
    const expected = ARTICLE.indexOf('Critics said')
    const positions: Array<[number, number]> = [
      [5, 5],
      [9, 3],
      [ARTICLE.length + 10, ARTICLE.length + 22],
      [expected, ARTICLE.length + 1],
      [Number.NaN, 3],
      [-4, 8],
    ]
    for (const [start, end] of positions) {
      const r = anchor(ARTICLE, { quote, position: { type: 'TextPositionSelector', start, end } })
      expect(r).toMatchObject({ status: 'exact-quote', start: expected })
    }
  })

  it('orphans an empty quote or an empty text', () => {
    const t = target(ARTICLE, 'Critics')
    expect(anchor('', t)).toEqual({ status: 'orphaned' })
    expect(anchor(ARTICLE, { ...t, quote: { ...t.quote, exact: '' } })).toEqual({
      status: 'orphaned',
    })
  })
})
