// What the search box's suggestions complete, and how a pick is written into the query.
import { describe, expect, it } from 'vitest'
import {
  applySuggestion,
  suggestionFilter,
  termAtCaret,
} from '../../../../renderer/src/search/suggest-term.ts'

describe('termAtCaret', () => {
  it('completes a bare word with every kind, and a filter value with its own kind', () => {
    expect(termAtCaret('harbour reu', 11)).toEqual({
      start: 8,
      end: 11,
      negated: false,
      prefix: 'reu',
      kinds: ['tag', 'source', 'author'],
    })
    expect(termAtCaret('x -tag:reg', 10)).toMatchObject({
      start: 2,
      negated: true,
      prefix: 'reg',
      kinds: ['tag'],
    })
    expect(termAtCaret('author:', 7)).toMatchObject({ prefix: '', kinds: ['author'] })
    expect(termAtCaret('Source:al', 9)).toMatchObject({ kinds: ['source'] })
  })

  it('asks nothing inside quotes, in other filters, mid-word, or for one letter', () => {
    expect(termAtCaret('"sea wa', 7)).toBeNull()
    expect(termAtCaret('is:unr', 6)).toBeNull()
    expect(termAtCaret('words:>10', 9)).toBeNull()
    expect(termAtCaret('harbour', 3)).toBeNull()
    expect(termAtCaret('a h', 3)).toBeNull()
    expect(termAtCaret('sea OR', 6)).toBeNull()
    expect(termAtCaret('sea ', 4)).toBeNull()
  })

  it('completes the word before the caret when the caret is mid-text', () => {
    expect(termAtCaret('reu harbour', 3)).toMatchObject({ start: 0, end: 3, prefix: 'reu' })
  })
})

describe('applySuggestion', () => {
  it('writes the filter in place of the term, quoted when the name has spaces', () => {
    const term = termAtCaret('harbour al', 10)!
    const s = { kind: 'source' as const, value: 'Al Jazeera', count: 3 }
    expect(applySuggestion('harbour al', term, s)).toEqual({
      text: 'harbour source:"Al Jazeera" ',
      caret: 28,
    })
  })

  it('keeps the minus and what follows the caret', () => {
    const text = '-tag:reg harbour'
    const term = termAtCaret(text, 8)!
    const s = { kind: 'tag' as const, value: 'region/gaza', count: 1 }
    expect(applySuggestion(text, term, s)).toEqual({
      text: '-tag:region/gaza harbour',
      caret: 17,
    })
  })

  it('refuses a name the query language cannot write', () => {
    expect(suggestionFilter({ kind: 'author', value: 'The "Doc"', count: 1 })).toBeNull()
    expect(suggestionFilter({ kind: 'tag', value: 'news', count: 1 })).toBe('tag:news')
  })
})
