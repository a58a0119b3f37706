// matchesQuery: the reference semantics the full-text index will be tested against.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { ArticleLike } from '../../../../shared/search/matcher.ts'
import { articleDay, hostOf, matchesQuery } from '../../../../shared/search/matcher.ts'
import { parseQuery } from '../../../../shared/search/parser.ts'
import { tokenize } from '../../../../shared/search/normalize.ts'

const base: ArticleLike = {
  title: 'Crossing at Rafah reopens',
  subtitle: 'Aid trucks wait at the border',
  authors: ['Jane Doe', 'Ali Şahin'],
  source: 'Anadolu Agency',
  url: 'https://www.aa.com.tr/en/middle-east/rafah/123',
  language: 'en-GB',
  text: 'ANKARA. Türkiye sent aid on Monday.\n\nThe convoy, officials said, reached the gate.',
  tags: ['region/gaza/rafah', 'Humanitarian'],
  status: 'unread',
  favorite: false,
  archived: false,
  annotations: [{ color: 'yellow', note: 'check the casualty figures' }],
  wordCount: 640,
  publishedAt: '2024-05-31T23:30:00+03:00',
  importedAt: '2024-06-02T08:00:00.000Z',
}

function matches(input: string, overrides: Partial<ArticleLike> = {}): boolean {
  const result = parseQuery(input)
  if (!result.ok) throw new Error(result.error.message)
  return matchesQuery({ ...base, ...overrides }, result.query)
}

describe('matchesQuery: text', () => {
  it('matches everything with the empty query', () => {
    expect(matches('')).toBe(true)
  })

  it.each([
    ['turkiye', true],
    ['TÜRKİYE', true],
    ['sahin', true],
    ['rafa', true],
    ['"rafa"', false],
    ['"rafah"', true],
    ['afah', false],
    ['crossing rafah', true],
    ['crossing zebra', false],
    ['humanitarian', true],
    ['gaza', true],
    ['casualty', true],
    ['anadolu', true],
    ['middle', false],
  ])('%s → %s', (input, expected) => {
    expect(matches(input)).toBe(expected)
  })

  it.each([
    ['"sent aid on monday"', true],
    ['"monday the convoy"', true],
    ['"convoy officials said"', true],
    ['"aid sent"', false],
    ['"sent ai"', false],
    ['"reopens aid"', false],
    ['"ankara turkiye"', true],
  ])(
    'phrase %s → %s (punctuation and paragraphs ignored, fields kept apart)',
    (input, expected) => {
      expect(matches(input)).toBe(expected)
    },
  )

  it('makes OR clauses alternatives and separate clauses all required', () => {
    expect(matches('zebra OR rafah')).toBe(true)
    expect(matches('zebra OR giraffe')).toBe(false)
    expect(matches('zebra OR rafah convoy')).toBe(true)
    expect(matches('zebra OR rafah giraffe')).toBe(false)
  })

  it('excludes words (as prefixes), exact words and phrases', () => {
    expect(matches('rafah -convoy')).toBe(false)
    expect(matches('rafah -conv')).toBe(false)
    expect(matches('rafah -"conv"')).toBe(true)
    expect(matches('rafah -"convoy officials"')).toBe(false)
    expect(matches('rafah -"officials convoy"')).toBe(true)
    expect(matches('-zebra')).toBe(true)
  })

  it('searches annotation notes and the article note but not the URL', () => {
    expect(matches('memo', { note: 'Memo to self' })).toBe(true)
    expect(matches('memo')).toBe(false)
    expect(matches('www')).toBe(false)
  })
})

describe('matchesQuery: filters', () => {
  it('matches tags case-insensitively, with descendants but not siblings', () => {
    expect(matches('tag:region')).toBe(true)
    expect(matches('tag:Region/Gaza')).toBe(true)
    expect(matches('tag:region/gaza/rafah')).toBe(true)
    expect(matches('tag:region/ga')).toBe(false)
    expect(matches('tag:humanitarian tag:region')).toBe(true)
    expect(matches('tag:humanitarian tag:sport')).toBe(false)
    expect(matches('-tag:region/gaza')).toBe(false)
    expect(matches('-tag:sport')).toBe(true)
  })

  it('checks status and marks', () => {
    expect(matches('is:unread')).toBe(true)
    expect(matches('is:read')).toBe(false)
    expect(matches('-is:read')).toBe(true)
    expect(matches('is:reading', { status: 'reading' })).toBe(true)
    expect(matches('is:favorite')).toBe(false)
    expect(matches('is:favorite is:archived', { favorite: true, archived: true })).toBe(true)
    expect(matches('-is:archived')).toBe(true)
    expect(matches('is:annotated')).toBe(true)
    expect(matches('is:annotated', { annotations: [] })).toBe(false)
  })

  it('matches source by name or URL host, author and url by folded substring', () => {
    expect(matches('source:aa.com.tr')).toBe(true)
    expect(matches('source:anadolu')).toBe(true)
    expect(matches('source:bbc')).toBe(false)
    expect(matches('source:bbc source:aa.com.tr')).toBe(true)
    expect(matches('author:sahin')).toBe(true)
    expect(matches('author:"jane doe"')).toBe(true)
    expect(matches('author:smith')).toBe(false)
    expect(matches('url:middle-east/rafah')).toBe(true)
    expect(matches('url:bbc')).toBe(false)
    expect(matches('source:x', { source: undefined, url: undefined })).toBe(false)
  })

  it('matches lang by whole code or leading subtags', () => {
    expect(matches('lang:en')).toBe(true)
    expect(matches('lang:en-gb')).toBe(true)
    expect(matches('lang:eng')).toBe(false)
    expect(matches('lang:fr lang:en')).toBe(true)
    expect(matches('lang:en', { language: undefined })).toBe(false)
  })

  it('bounds the published day: after inclusive, before exclusive', () => {
    expect(matches('after:2024-05-31')).toBe(true)
    expect(matches('after:2024-06')).toBe(false)
    expect(matches('before:2024-05-31')).toBe(false)
    expect(matches('before:2024-06-01')).toBe(true)
    expect(matches('after:2024 before:2025')).toBe(true)
    expect(matches('before:2024')).toBe(false)
  })

  it('falls back to the imported day when published is missing or unreadable', () => {
    expect(matches('after:2024-06-02', { publishedAt: undefined })).toBe(true)
    expect(matches('after:2024-06-02', { publishedAt: 'last spring' })).toBe(true)
    expect(matches('after:2020', { publishedAt: undefined, importedAt: 'never' })).toBe(false)
    expect(articleDay({ ...base, publishedAt: undefined })).toBe('2024-06-02')
  })

  it('bounds the word count inclusively', () => {
    expect(matches('words:>639')).toBe(true)
    expect(matches('words:>640')).toBe(false)
    expect(matches('words:<641')).toBe(true)
    expect(matches('words:<640')).toBe(false)
    expect(matches('words:600-640')).toBe(true)
    expect(matches('words:640')).toBe(true)
  })

  it('checks notes, highlights and colours', () => {
    expect(matches('has:notes has:highlights')).toBe(true)
    const blank = { annotations: [{ color: 'green', note: '  ' }] }
    expect(matches('has:notes', blank)).toBe(false)
    expect(matches('-has:notes has:highlights', blank)).toBe(true)
    expect(matches('has:notes', { ...blank, note: 'mine' })).toBe(true)
    expect(matches('-has:highlights', { annotations: [] })).toBe(true)
    expect(matches('color:yellow')).toBe(true)
    expect(matches('color:yellow color:green')).toBe(false)
    expect(matches('color:green', blank)).toBe(true)
  })

  it('needs every part of the architecture example', () => {
    const example = 'rafah tag:gaza is:unread source:aa.com.tr before:2024-06-01 has:notes'
    expect(matches(example.replace('tag:gaza', 'tag:region/gaza'))).toBe(true)
    expect(matches(example)).toBe(false)
    expect(matches(example, { tags: ['gaza'] })).toBe(true)
    expect(matches(example, { tags: ['gaza'], status: 'read' })).toBe(false)
  })
})

describe('matchesQuery: properties', () => {
  it('finds every token of a text by itself, its prefixes, and the whole text as a phrase', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (text) => {
        const tokens = tokenize(text)
        const article = { ...base, title: '', subtitle: '', authors: [], source: '', tags: [] }
        const doc = { ...article, annotations: [], text }
        for (const t of tokens) {
          expect(matches(t, doc)).toBe(true)
          expect(matches(`"${t}"`, doc)).toBe(true)
          expect(matches(Array.from(t)[0] ?? '', doc)).toBe(true)
        }
        if (tokens.length > 0) expect(matches(`"${tokens.join(' ')}"`, doc)).toBe(true)
      }),
      { numRuns: 500 },
    )
  })
})

describe('hostOf', () => {
  it.each([
    ['https://www.aa.com.tr/en/x', 'www.aa.com.tr'],
    ['http://user:pw@Example.ORG:8080/a', 'example.org'],
    ['not a url', ''],
  ])('%s → %s', (url, host) => {
    expect(hostOf(url)).toBe(host)
  })
})
