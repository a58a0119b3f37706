// Tests for the Pocket importers: CSV, the zip of part_*.csv (with cursor and annotations), HTML.
import { zipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { sniffOf } from '../../../../../../main/archive/import/importer.ts'
import { pocketCsvImporter } from '../../../../../../main/archive/import/services/pocket-csv.ts'
import { pocketHtmlImporter } from '../../../../../../main/archive/import/services/pocket-html.ts'
import { pocketZipImporter } from '../../../../../../main/archive/import/services/pocket-zip.ts'
import { failure, fixture, utf8 } from './load.ts'

describe('Pocket CSV', () => {
  const { entries, problems } = pocketCsvImporter.parse(fixture('pocket.csv'), 'pocket.csv')

  it('reads each good row as a link-only entry with its state, tags and date', () => {
    expect(entries.map((e) => e.url)).toEqual([
      'https://example.com/plain',
      'https://example.org/quoted?x=1',
      'http://example.net/old',
    ])
    expect(entries[0]).toEqual({
      source: 'pocket.csv › row 1',
      url: 'https://example.com/plain',
      title: 'A plain saved page',
      tags: [],
      status: 'unread',
      archived: false,
      addedAt: '2020-09-17T06:06:28.000Z',
      highlights: [],
    })
    expect(entries.every((e) => e.article === undefined)).toBe(true)
  })

  it('keeps quoted commas, quotes and line breaks in titles, splits tags on |', () => {
    expect(entries[1]!.title).toBe('Commas, quotes "and" a\nline break')
    expect(entries[1]!.tags).toEqual(['news', 'long read'])
    expect(entries[1]!.archived).toBe(true)
    expect(entries[1]!.status).toBe('read')
  })

  it('skips and reports a row without a web address and a row with missing fields', () => {
    expect(problems).toEqual([
      { source: 'pocket.csv › row 4', reason: 'has 2 fields where the header has 5' },
      { source: 'pocket.csv › row 3', reason: '"javascript:alert(1)" is not a web address' },
    ])
  })

  it('claims only CSVs with exactly Pocket columns', () => {
    const sniff = (name: string, text: string) => sniffOf(name, utf8(text))
    expect(pocketCsvImporter.matches(sniff('x.csv', 'title,url,time_added,tags,status\n'))).toBe(
      true,
    )
    expect(
      pocketCsvImporter.matches(sniff('x.csv', '\uFEFFtitle,url,time_added,cursor,tags,status\n')),
    ).toBe(true)
    expect(pocketCsvImporter.matches(sniff('x.txt', 'title,url,time_added,tags,status\n'))).toBe(
      false,
    )
    expect(
      pocketCsvImporter.matches(sniff('x.csv', 'title,url,time_added,tags,status,price\n')),
    ).toBe(false)
    expect(pocketCsvImporter.matches(sniff('x.csv', 'name,url\n'))).toBe(false)
  })
})

describe('Pocket zip', () => {
  const zip = zipSync({
    'part_000000.csv': utf8(
      'title,url,time_added,tags,status\nFirst,https://example.com/a,1700000000,x,unread\n',
    ),
    'part_000001.csv': utf8(
      'title,url,time_added,cursor,tags,status\nSecond,https://example.com/b,1700000001,abc123,y|z,archive\n',
    ),
    'annotations/part_000000.json': utf8(
      JSON.stringify([
        {
          url: 'https://example.com/b',
          title: 'Second',
          highlights: [{ quote: 'A highlighted line', created_at: 1700000100 }],
        },
      ]),
    ),
  })

  it('is claimed by its first entry name', () => {
    expect(pocketZipImporter.matches(sniffOf('pocket.zip', zip))).toBe(true)
    expect(pocketZipImporter.matches(sniffOf('other.zip', zipSync({ 'a.csv': utf8('x') })))).toBe(
      false,
    )
  })

  it('reads every part, with or without the cursor column, and attaches highlights by URL', () => {
    const { entries, problems } = pocketZipImporter.parse(zip, 'pocket.zip')
    expect(problems).toEqual([])
    expect(entries.map((e) => [e.source, e.url, e.tags, e.archived])).toEqual([
      ['pocket.zip › part_000000.csv › row 1', 'https://example.com/a', ['x'], false],
      ['pocket.zip › part_000001.csv › row 1', 'https://example.com/b', ['y', 'z'], true],
    ])
    expect(entries[1]!.highlights).toEqual([
      { quote: 'A highlighted line', createdAt: '2023-11-14T22:15:00.000Z' },
    ])
  })

  it('is claimed when a folder entry comes first', () => {
    const nested = zipSync({
      'pocket/': new Uint8Array(),
      'pocket/part_000000.csv': utf8('title,url\n'),
    })
    expect(pocketZipImporter.matches(sniffOf('pocket.zip', nested))).toBe(true)
  })

  it('refuses a zip with no part file', () => {
    const err = failure(() => pocketZipImporter.parse(zipSync({ 'notes.txt': utf8('x') }), 'p.zip'))
    expect(err.message).toContain('part_*.csv')
  })
})

describe('Pocket HTML (ril_export.html)', () => {
  const bytes = fixture('ril_export.html')

  it('is claimed by its title and Unread heading only', () => {
    expect(pocketHtmlImporter.matches(sniffOf('ril_export.html', bytes))).toBe(true)
    expect(
      pocketHtmlImporter.matches(sniffOf('page.html', utf8('<title>News</title><h1>Unread</h1>'))),
    ).toBe(false)
  })

  it('reads the Unread list as unread and the Read Archive list as archived', () => {
    const { entries, problems } = pocketHtmlImporter.parse(bytes, 'ril_export.html')
    expect(entries.map((e) => [e.url, e.title, e.archived, e.tags])).toEqual([
      ['https://example.com/unread-one', 'Première lecture', false, ['ifttt', 'to read']],
      ['https://example.com/unread-two', 'Second & last', false, []],
      ['https://example.com/done', 'Done reading', true, ['old']],
    ])
    expect(entries[0]!.addedAt).toBe('2023-07-06T07:31:35.000Z')
    expect(problems).toHaveLength(1)
    expect(problems[0]!.reason).toContain('ftp://example.com/nope')
  })
})
