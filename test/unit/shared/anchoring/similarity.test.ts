import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  adjacentContext,
  editDistance,
  prefixSimilarity,
  similarity,
  suffixSimilarity,
} from '../../../../shared/anchoring/similarity.ts'
import { naiveDistance, textArb } from './arbitraries.ts'

describe('editDistance', () => {
  it('counts insertions, deletions and substitutions', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3)
    expect(editDistance('', 'abc')).toBe(3)
    expect(editDistance('abc', 'abc')).toBe(0)
    // Code units: an emoji is a surrogate pair, so replacing it costs two.
    expect(editDistance('a😀b', 'a😃b')).toBe(1)
    expect(editDistance('a😀b', 'axb')).toBe(2)
  })

  it('matches the textbook table and is symmetric', () => {
    fc.assert(
      fc.property(textArb, textArb, (a, b) => {
        const d = editDistance(a.slice(0, 40), b.slice(0, 40))
        expect(d).toBe(naiveDistance(a.slice(0, 40), b.slice(0, 40)))
        expect(editDistance(b.slice(0, 40), a.slice(0, 40))).toBe(d)
      }),
    )
  })
})

describe('context similarity', () => {
  const text = 'one two three four'

  it('is 1 for a perfect fit and for missing context, lower for a poor fit', () => {
    expect(similarity('', '')).toBe(1)
    expect(prefixSimilarity(text, 8, 'one two ')).toBe(1)
    expect(suffixSimilarity(text, 13, ' four')).toBe(1)
    expect(prefixSimilarity(text, 8, '')).toBe(1)
    expect(prefixSimilarity(text, 8, 'six ten ')).toBeLessThan(0.7)
    // Near the start of the text there is less room than the stored prefix wants.
    expect(prefixSimilarity(text, 2, 'one two ')).toBeLessThan(0.5)
  })

  it('counts the context code units touching a range', () => {
    expect(adjacentContext(text, 8, 13, 'xx two ', ' fouX')).toBe(' two '.length + ' fou'.length)
    expect(adjacentContext(text, 0, 3, 'abc', '')).toBe(0)
  })
})
