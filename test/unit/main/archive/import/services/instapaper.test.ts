// Tests for the Instapaper CSV importer: folders to state and tags, Selection to a highlight.
import { describe, expect, it } from 'vitest'
import { sniffOf } from '../../../../../../main/archive/import/importer.ts'
import { instapaperCsvImporter } from '../../../../../../main/archive/import/services/instapaper-csv.ts'
import { fixture, utf8 } from './load.ts'

describe('Instapaper CSV', () => {
  const { entries, problems } = instapaperCsvImporter.parse(
    fixture('instapaper.csv'),
    'instapaper.csv',
  )

  it('maps Unread, Archive, Starred and custom folders', () => {
    expect(problems).toEqual([])
    expect(entries.map((e) => [e.url, e.archived, e.favorite, e.tags])).toEqual([
      ['https://example.com/unread', false, false, []],
      ['https://example.com/archived', true, false, []],
      ['https://example.com/starred', false, true, []],
      ['https://example.com/folder', false, false, ['Gaza Reporting']],
    ])
  })

  it('keeps the Selection as a highlight and the Timestamp as the saved date', () => {
    expect(entries[2]!.highlights).toEqual([{ quote: 'A sentence the reader selected.' }])
    expect(entries[0]!.highlights).toEqual([])
    expect(entries[0]!.addedAt).toBe('2023-11-14T22:13:20.000Z')
    expect(entries[1]!.title).toBe('Archived, with comma')
  })

  it('reads the older export without a Timestamp column', () => {
    const csv = 'URL,Title,Selection,Folder\nhttps://example.com/x,X,,Archive\n'
    const { entries: old } = instapaperCsvImporter.parse(utf8(csv), 'old.csv')
    expect(old).toHaveLength(1)
    expect(old[0]!.addedAt).toBeUndefined()
    expect(old[0]!.archived).toBe(true)
  })

  it('claims only CSVs with its four columns', () => {
    expect(instapaperCsvImporter.matches(sniffOf('i.csv', fixture('instapaper.csv')))).toBe(true)
    expect(instapaperCsvImporter.matches(sniffOf('i.csv', utf8('URL,Title,Folder\n')))).toBe(false)
  })
})
