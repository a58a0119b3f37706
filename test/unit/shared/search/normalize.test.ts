// Folding and tokenising: the definition of "the same word" for parser, matcher and index.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { foldText, isPhraseText, isToken, tokenize } from '../../../../shared/search/normalize.ts'

describe('foldText', () => {
  it.each([
    ['Türkiye', 'turkiye'],
    ['TÜRKİYE', 'turkiye'],
    ['Ελληνικά ΟΔΟΣ', 'ελληνικα οδοσ'],
    ['ﬁnancial', 'financial'],
    ['x²', 'x2'],
    ['Crème Brûlée', 'creme brulee'],
    ['Ⅻ', 'xii'],
  ])('%s folds to %s', (input, folded) => {
    expect(foldText(input)).toBe(folded)
  })

  it('is idempotent on any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => foldText(foldText(s)) === foldText(s)),
      { numRuns: 2000 },
    )
  })
})

describe('tokenize', () => {
  it('splits on everything but letters and numbers', () => {
    expect(tokenize("Rafah's e-mail: COVID-19, aa.com.tr — 2024!")).toEqual([
      'rafah',
      's',
      'e',
      'mail',
      'covid',
      '19',
      'aa',
      'com',
      'tr',
      '2024',
    ])
  })

  it('keeps a word whole when its accents are combining marks', () => {
    expect(tokenize('Tu\u0308rkiye كَتَبَ')).toEqual(['turkiye', 'كتب'])
  })

  it('gives tokens that are each stable single tokens', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) =>
        tokenize(s).every((t) => isToken(t) && tokenize(t).length === 1),
      ),
      { numRuns: 2000 },
    )
  })

  it('re-tokenises its own output unchanged', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const tokens = tokenize(s)
        expect(tokenize(tokens.join(' '))).toEqual(tokens)
      }),
      { numRuns: 2000 },
    )
  })
})

describe('isToken / isPhraseText', () => {
  it('accepts only the folded forms terms store', () => {
    expect(isToken('rafah')).toBe(true)
    expect(isToken('Rafah')).toBe(false)
    expect(isToken('e-mail')).toBe(false)
    expect(isToken('')).toBe(false)
    expect(isPhraseText('e mail')).toBe(true)
    expect(isPhraseText('e  mail')).toBe(false)
    expect(isPhraseText('mail')).toBe(false)
    expect(isPhraseText('e-mail')).toBe(false)
  })
})
