// parseQuery: every operator and filter, and the Query it produces.
import { describe, expect, it } from 'vitest'
import { parseQuery } from '../../../../shared/search/parser.ts'
import { QuerySchema, emptyQuery, isEmptyQuery } from '../../../../shared/search/query.ts'
import type { Query } from '../../../../shared/search/query.ts'

function parse(input: string): Query {
  const result = parseQuery(input)
  if (!result.ok) throw new Error(`${result.error.message} at ${result.error.start}`)
  expect(QuerySchema.parse(result.query)).toEqual(result.query)
  return result.query
}
const q = (parts: Partial<Query>): Query => ({ ...emptyQuery(), ...parts })
const word = (text: string, prefix = true) => ({ kind: 'word' as const, text, prefix })
const phrase = (text: string) => ({ kind: 'phrase' as const, text })

describe('parseQuery: text', () => {
  it('treats empty and whitespace-only input as the empty query', () => {
    expect(parse('')).toEqual(emptyQuery())
    expect(parse(' \t\n ')).toEqual(emptyQuery())
    expect(isEmptyQuery(parse('  '))).toBe(true)
    expect(isEmptyQuery(parse('x'))).toBe(false)
  })

  it('makes bare words folded prefix words, each its own clause', () => {
    expect(parse('Rafa Türkiye')).toEqual(q({ terms: [[word('rafa')], [word('turkiye')]] }))
  })

  it('makes a quoted single word exact and a quoted phrase a phrase', () => {
    expect(parse('"Rafah" "Gaza  Strip!"')).toEqual(
      q({ terms: [[word('rafah', false)], [phrase('gaza strip')]] }),
    )
  })

  it('makes a bare word with inner punctuation a phrase and trims outer punctuation', () => {
    expect(parse('e-mail (rafah), rafa*')).toEqual(
      q({ terms: [[phrase('e mail')], [word('rafah')], [word('rafa')]] }),
    )
  })

  it('excludes words and phrases with -', () => {
    expect(parse('gaza -sport -"World Cup" -"goal"')).toEqual(
      q({
        terms: [[word('gaza')]],
        exclude: [word('sport'), phrase('world cup'), word('goal', false)],
      }),
    )
  })

  it('joins terms with upper-case OR only: a OR b c = (a OR b) AND c', () => {
    expect(parse('a OR "b c" d')).toEqual(q({ terms: [[word('a'), phrase('b c')], [word('d')]] }))
    expect(parse('a OR b OR c')).toEqual(q({ terms: [[word('a'), word('b'), word('c')]] }))
    expect(parse('a or b')).toEqual(q({ terms: [[word('a')], [word('or')], [word('b')]] }))
  })

  it('reads a bare URL as a phrase of its tokens', () => {
    expect(parse('https://aa.com.tr')).toEqual(q({ terms: [[phrase('https aa com tr')]] }))
  })
})

describe('parseQuery: filters', () => {
  it('parses the example from the architecture notes', () => {
    expect(parse('rafah tag:gaza is:unread source:aa.com.tr before:2024-06-01 has:notes')).toEqual(
      q({
        terms: [[word('rafah')]],
        tags: ['gaza'],
        is: { unread: true },
        source: ['aa.com.tr'],
        before: '2024-06-01',
        has: { notes: true },
      }),
    )
  })

  it('reads tags: quoted, nested, excluded', () => {
    expect(parse('tag:"two words" tag:region/gaza -tag:sport')).toEqual(
      q({ tags: ['two words', 'region/gaza'], excludeTags: ['sport'] }),
    )
  })

  it('reads every is: flag and its negation, case-insensitively', () => {
    const input = 'is:unread IS:Reading is:read is:favorite -is:archived -is:annotated'
    expect(parse(input).is).toEqual({
      unread: true,
      reading: true,
      read: true,
      favorite: true,
      archived: false,
      annotated: false,
    })
  })

  it('collects source, author, url and lang values (lang lower-cased)', () => {
    expect(
      parse('source:bbc source:aa.com.tr author:"Jane Doe" url:https://x.org/a?b=1 lang:pt-BR'),
    ).toEqual(
      q({
        source: ['bbc', 'aa.com.tr'],
        author: ['Jane Doe'],
        url: ['https://x.org/a?b=1'],
        lang: ['pt-br'],
      }),
    )
  })

  it.each([
    ['after:2024', { after: '2024-01-01' }],
    ['after:2024-06', { after: '2024-06-01' }],
    ['after:2024-06-15', { after: '2024-06-15' }],
    ['before:2024', { before: '2024-01-01' }],
    ['before:2024-02-29', { before: '2024-02-29' }],
    [
      'after:2023 after:2024-03 before:2025 before:2024-12',
      { after: '2024-03-01', before: '2024-12-01' },
    ],
  ])('%s is the first day of the period, repeats narrowing', (input, dates) => {
    expect(parse(input)).toEqual(q(dates))
  })

  it.each([
    ['words:>500', { min: 501 }],
    ['words:>=500', { min: 500 }],
    ['words:<300', { max: 299 }],
    ['words:<=300', { max: 300 }],
    ['words:100-800', { min: 100, max: 800 }],
    ['words:250', { min: 250, max: 250 }],
    ['words:>100 words:<500 words:>200', { min: 201, max: 499 }],
  ])('%s gives inclusive bounds', (input, words) => {
    expect(parse(input).words).toEqual(words)
  })

  it('reads has: and color:', () => {
    expect(parse('has:notes -has:highlights color:Yellow color:purple')).toEqual(
      q({ has: { notes: true, highlights: false }, colors: ['yellow', 'purple'] }),
    )
  })

  it('accepts repeated flags that agree', () => {
    expect(parse('is:read is:read -has:notes -has:notes')).toEqual(
      q({ is: { read: true }, has: { notes: false } }),
    )
  })

  it('trims quoted values', () => {
    expect(parse('author:" Jane Doe "').author).toEqual(['Jane Doe'])
  })
})
