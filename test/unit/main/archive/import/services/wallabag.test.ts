// Tests for the Wallabag importer: v1 and v2 exports, articles, tags, annotations.
import { describe, expect, it } from 'vitest'
import { sniffOf } from '../../../../../../main/archive/import/importer.ts'
import { wallabagJsonImporter } from '../../../../../../main/archive/import/services/wallabag-json.ts'
import { fixture, utf8 } from './load.ts'

describe('Wallabag v2', () => {
  const { entries, problems } = wallabagJsonImporter.parse(
    fixture('wallabag-v2.json'),
    'wallabag.json',
  )

  it('reads state, tags (strings and {label}) and dates', () => {
    expect(problems).toEqual([])
    expect(entries.map((e) => [e.url, e.archived, e.favorite, e.tags])).toEqual([
      ['https://example.com/talks', true, false, ['politics', 'talks']],
      ['https://example.com/empty', false, true, []],
    ])
    expect(entries[0]!.addedAt).toBe('2016-09-08T09:55:58.000Z')
  })

  it('turns content into a sanitised article with byline, language and date', () => {
    const a = entries[0]!.article!
    expect(a.bodyHtml).toBe(
      '<p>The ministry said on Monday that talks would resume.</p><p>Officials confirmed the date.</p>',
    )
    expect(a.byline).toBe('Ada Writer')
    expect(a.language).toBe('en-GB')
    expect(a.publishedAt).toBe('2016-09-07T06:00:00.000Z')
    expect(a.source).toBe('example.com')
    expect(entries[1]!.article).toBeUndefined()
  })

  it('turns annotations into highlights, the annotation text into the note', () => {
    expect(entries[0]!.highlights).toEqual([
      { quote: 'talks would resume', note: 'Important', createdAt: '2016-09-09T08:00:00.000Z' },
      { quote: 'Officials confirmed' },
    ])
  })
})

describe('Wallabag v1', () => {
  const bytes = fixture('wallabag-v1.json')

  it('is claimed by its numbered keys', () => {
    expect(wallabagJsonImporter.matches(sniffOf('wallabag.json', bytes))).toBe(true)
    expect(wallabagJsonImporter.matches(sniffOf('x.json', utf8('[{"title":"x","url":"y"}]')))).toBe(
      false,
    )
  })

  it('reads is_read, is_fav and comma-separated tags', () => {
    const { entries } = wallabagJsonImporter.parse(bytes, 'wallabag.json')
    expect(
      entries.map((e) => [e.url, e.archived, e.favorite, e.tags, e.article !== undefined]),
    ).toEqual([
      ['http://example.fr/premier', false, true, ['France', 'politique'], true],
      ['https://example.fr/lu', true, false, [], false],
    ])
    expect(entries[0]!.article!.paragraphs).toEqual(['Un titre', 'Premier paragraphe.'])
  })
})
