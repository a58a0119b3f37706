// Tests for Readeck CSV, Readwise CSV and Hypothesis JSON: entries grouped per document.
import { describe, expect, it } from 'vitest'
import { sniffOf } from '../../../../../../main/archive/import/importer.ts'
import { hypothesisJsonImporter } from '../../../../../../main/archive/import/services/hypothesis-json.ts'
import { readeckCsvImporter } from '../../../../../../main/archive/import/services/readeck-csv.ts'
import { readwiseCsvImporter } from '../../../../../../main/archive/import/services/readwise-csv.ts'
import { failure, fixture, utf8 } from './load.ts'

describe('Readeck CSV', () => {
  it('reads labels (JSON list or plain), state and dates', () => {
    const { entries } = readeckCsvImporter.parse(fixture('readeck.csv'), 'readeck.csv')
    expect(entries.map((e) => [e.url, e.tags, e.archived, e.favorite, e.addedAt])).toEqual([
      [
        'https://example.com/readeck-one',
        ['tech', 'linux'],
        false,
        false,
        '2024-03-01T10:00:00.000Z',
      ],
      ['https://example.com/readeck-two', ['news'], true, false, '2024-03-02T10:00:00.000Z'],
      ['https://example.com/readeck-three', [], false, true, '2024-03-02T10:00:00.000Z'],
    ])
  })

  it('accepts is_archived / is_marked columns', () => {
    const csv =
      'url,title,created,labels,is_archived,is_marked\nhttps://example.com/a,A,,x,1,true\n'
    const [e] = readeckCsvImporter.parse(utf8(csv), 'r.csv').entries
    expect([e!.archived, e!.favorite, e!.tags]).toEqual([true, true, ['x']])
    expect(readeckCsvImporter.matches(sniffOf('r.csv', utf8(csv)))).toBe(true)
  })
})

describe('Readwise CSV', () => {
  it('groups the export by document, keeping notes, colours, tags and dates', () => {
    const { entries, problems } = readwiseCsvImporter.parse(fixture('readwise.csv'), 'readwise.csv')
    expect(problems).toEqual([{ source: 'readwise.csv › row 4', reason: 'has no highlight text' }])
    expect(entries.map((e) => [e.title, e.url, e.tags, e.highlights.length, e.article])).toEqual([
      ['Talks resume', undefined, ['news'], 2, undefined],
      ['A Long Book', undefined, [], 1, undefined],
    ])
    expect(entries[0]!.highlights[0]).toEqual({
      quote: 'The first highlight, with a comma.',
      note: 'A note',
      color: 'yellow',
      tags: ['politics'],
      createdAt: '2024-03-01T10:00:00.000Z',
      location: { type: 'offset', value: 120 },
      key: expect.stringMatching(/^readwise:[0-9a-f]{24}$/),
    })
    expect(entries.map((e) => e.book?.authors)).toEqual([['Ada Writer'], ['Some Author']])
    expect(entries[1]!.highlights[0]).toMatchObject({ color: 'yellow', sourceColor: 'orange' })
  })

  it('reads the import template with URLs, grouping by URL', () => {
    const { entries } = readwiseCsvImporter.parse(fixture('readwise-import.csv'), 'r.csv')
    expect(entries).toHaveLength(1)
    expect(entries[0]!.url).toBe('https://example.com/talks')
    expect(entries[0]!.highlights.map((h) => h.quote)).toEqual([
      'Quote from the web.',
      'Another quote.',
    ])
    expect(entries[0]!.highlights[0]!.createdAt).toBe('2024-03-01T10:00:00.000Z')
  })
})

describe('Hypothesis JSON', () => {
  const { entries, problems } = hypothesisJsonImporter.parse(fixture('hypothesis.json'), 'h.json')

  it('groups annotations by page, with prefix and suffix from the quote selector', () => {
    expect(entries.map((e) => [e.url, e.title, e.highlights.length])).toEqual([
      ['https://example.com/talks', 'Talks resume', 2],
      ['https://example.org/other', 'Other page', 1],
    ])
    expect(entries[0]!.highlights[0]).toEqual({
      quote: 'talks would resume',
      prefix: 'said on Monday that ',
      suffix: '. Officials',
      note: 'Worth checking',
      tags: ['politics'],
      createdAt: '2024-03-01T10:00:00.000Z',
    })
  })

  it('skips page notes and replies, saying why', () => {
    expect(problems.map((s) => s.reason)).toEqual([
      'is a page note with no quoted text',
      'is a reply, not a highlight',
    ])
  })

  it('reads the { annotations: [...] } wrapper too, and refuses other objects', () => {
    const wrapped = utf8(
      JSON.stringify({
        export_date: 'x',
        annotations: JSON.parse(new TextDecoder().decode(fixture('hypothesis.json'))),
      }),
    )
    expect(hypothesisJsonImporter.parse(wrapped, 'h.json').entries).toHaveLength(2)
    expect(failure(() => hypothesisJsonImporter.parse(utf8('{"rows":[]}'), 'h.json')).code).toBe(
      'INVALID_INPUT',
    )
  })
})
