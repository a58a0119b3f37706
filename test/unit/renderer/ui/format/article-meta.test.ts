import { describe, expect, it } from 'vitest'
import {
  attribution,
  formatDateline,
  joinNames,
  plural,
  readingLabel,
  readingTime,
  shortTitle,
} from '../../../../../renderer/src/ui/format/article-meta.ts'

describe('article meta', () => {
  it('joins names as a person would write them', () => {
    expect(joinNames([])).toBe('')
    expect(joinNames(['Jane Doe'])).toBe('Jane Doe')
    expect(joinNames(['Jane Doe', 'John Roe'])).toBe('Jane Doe and John Roe')
    expect(joinNames(['A', 'B', 'C'])).toBe('A, B and C')
  })

  it('attributes a row to the source, the agency, the site, the authors, never the file', () => {
    expect(attribution({ source: 'BBC', authors: ['X'] })).toBe('BBC')
    const dateline = { place: 'LONDON', agency: 'Reuters', raw: 'LONDON (Reuters) –' }
    expect(attribution({ authors: ['X'], dateline })).toBe('Reuters')
    expect(attribution({ authors: ['X'], url: 'https://www.example.org/a' })).toBe('example.org')
    expect(attribution({ authors: ['Jane Doe', 'John Roe'] })).toBe('Jane Doe and John Roe')
    expect(attribution({ authors: [] })).toBe('')
  })

  it('writes a dateline without its trailing dash', () => {
    expect(formatDateline({ place: 'LONDON', agency: 'Reuters', raw: 'LONDON (Reuters) –' })).toBe(
      'LONDON (Reuters)',
    )
    expect(formatDateline({ place: 'ANKARA', raw: 'ANKARA –' })).toBe('ANKARA')
    expect(formatDateline({ place: '', raw: 'Monday, 3 March —' })).toBe('Monday, 3 March')
  })

  it('never says an article takes no time to read', () => {
    expect(readingTime(0)).toBe('1 min read')
    expect(readingTime(7)).toBe('7 min read')
  })

  it('gives a saved link, whose text was never fetched, no reading time', () => {
    const origin = { kind: 'service', format: 'link', name: 'pocket-csv' } as const
    expect(readingLabel({ readingMinutes: 0, origin })).toBe('Link, not fetched')
    const text = { ...origin, format: 'html' } as const
    expect(readingLabel({ readingMinutes: 4, origin: text })).toBe('4 min read')
  })

  it('pluralises counts', () => {
    expect(plural(1, 'article')).toBe('1 article')
    expect(plural(2, 'article')).toBe('2 articles')
  })

  it('shortens long titles at a word', () => {
    expect(shortTitle('Short title')).toBe('Short title')
    expect(shortTitle('Harbour town turns old ferry terminal into a floating library')).toBe(
      'Harbour town turns old ferry terminal into a…',
    )
    expect(shortTitle('one two three four five', 12)).toBe('one two…')
  })
})
