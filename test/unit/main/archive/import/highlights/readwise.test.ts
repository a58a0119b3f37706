// Readwise CSV into books: both shapes of the file, every row accounted for, locations,
// colours, notes and tags kept, a re-import adding nothing and an edited row updated in place.
import { readFileSync } from 'node:fs'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ArchiveService } from '../../../../../../main/archive/service.ts'
import { readwiseCsvImporter } from '../../../../../../main/archive/import/services/readwise-csv.ts'
import type { Article, ImportReport } from '../../../../../../shared/model.ts'
import { tempDir } from '../../../../helpers/temp-dir.ts'
import { generateReadwise } from './readwise-generated.ts'

const FIXTURES = join(import.meta.dirname, '../../../../../fixtures/highlights')
const bytes = (name: string) => new Uint8Array(readFileSync(join(FIXTURES, name)))

async function booksOf(service: ArchiveService, report: ImportReport): Promise<Article[]> {
  const ids = new Set(report.results.flatMap((r) => ('id' in r && r.id ? [r.id] : [])))
  return Promise.all([...ids].map(async (id) => (await service.get(id)).article))
}

describe('Readwise export (Book Title, Location Type…)', () => {
  const { entries, problems } = readwiseCsvImporter.parse(bytes('readwise-export.csv'), 'rw.csv')

  it('gives one entry per book and names every row it could not take', () => {
    expect(entries.map((e) => [e.book?.title, e.book?.authors, e.highlights.length])).toEqual([
      ['The Salt Road: A History of the Coast', ['Marsh, Eleanor'], 3],
      ['Maps and Their Makers', ['Ann Lee', 'Bo Chen'], 5],
      ['The Long Listening', ['Ravi Das'], 2],
      ['Untitled Notes', [], 1],
    ])
    expect(entries[0]!.book?.asin).toBe('B07SALT001')
    expect(entries[1]!.tags).toEqual(['to-read'])
    expect(problems).toEqual([
      { source: 'rw.csv › row 10', reason: 'has no highlight text' },
      { source: 'rw.csv › row 13', reason: 'names no book, document or web address' },
    ])
  })

  it('keeps quotes, newlines, notes, colours, tags, dates and every location type', () => {
    const [salt, maps, listening, untitled] = entries
    expect(salt!.highlights[0]).toMatchObject({
      quote: 'The harbour was older than the town, and the town knew it.',
      note: 'First line; "older" in quotes',
      color: 'yellow',
      tags: ['history', 'coast'],
      createdAt: '2023-04-02T08:15:11.000Z',
      location: { type: 'location', value: 112 },
    })
    expect(salt!.highlights[1]).toMatchObject({
      quote: 'A second passage\nthat spans two lines.',
      color: 'yellow',
      sourceColor: 'orange',
      location: { type: 'location', value: 240, end: 246 },
    })
    // The Tags column is the truth; the note's `.tag` token only leaves the note.
    expect(salt!.highlights[2]).toMatchObject({ note: 'Reversed proverb', tags: ['favourite'] })
    expect(salt!.highlights[2]!.location).toEqual({ type: 'page', value: 31 })
    expect(maps!.highlights.map((h) => h.location)).toEqual([
      { type: 'order', value: 3 },
      { type: 'chapter', label: 'Chapter 2' },
      { type: 'percent', value: 87.5 },
      { type: 'order', value: 9 },
      { type: 'other', sourceType: 'sidebar', value: 7 },
    ])
    expect(maps!.highlights[2]).toMatchObject({ color: 'pink', sourceColor: 'red' })
    expect(listening!.highlights.map((h) => h.location)).toEqual([
      { type: 'time', value: 3723 },
      { type: 'offset', value: 5120 },
    ])
    expect(untitled!.highlights[0]!.location).toBeUndefined()
    const keys = entries.flatMap((e) => e.highlights.map((h) => h.key))
    expect(new Set(keys).size).toBe(11)
  })
})

describe('Readwise import template (Title, Author, URL…)', () => {
  it('sends rows with an address to the article, the rest to books, tags from the note', () => {
    const { entries, problems } = readwiseCsvImporter.parse(bytes('readwise-template.csv'), 't')
    expect(problems).toEqual([])
    expect(entries.map((e) => [e.url, e.book?.title, e.book?.authors])).toEqual([
      ['https://example.com/coast', undefined, undefined],
      [undefined, 'Maps and Their Makers', ['Ann Lee', 'Bo Chen']],
      [undefined, 'A Template Book', ['Tess Template']],
    ])
    expect(entries[1]!.highlights[0]).toMatchObject({
      note: 'Template note',
      tags: ['maps', 'argument'],
      location: { type: 'location', value: 3 },
      createdAt: '2022-11-20T10:00:00.000Z',
    })
  })
})

describe('importing Readwise into the archive', () => {
  it('makes book records without a body, and a re-import adds nothing', async () => {
    const root = await tempDir()
    const file = join(root, 'readwise.csv')
    await writeFile(file, bytes('readwise-export.csv'))
    const service = await ArchiveService.open(join(root, 'archive'))
    const first = await service.importPaths([file])
    expect([first.imported, first.failed]).toEqual([4, 2])
    const books = await booksOf(service, first)
    expect(books.map((b) => b.kind)).toEqual(['book', 'book', 'book', 'book'])
    expect(books.flatMap((b) => b.annotations)).toHaveLength(11)
    expect(books[0]!.identifiers).toEqual({ asin: 'B07SALT001' })
    expect(books[0]!.origin.format).toBe('metadata')
    const located = books[0]!.annotations[1]!
    expect(located.target.location).toEqual({ type: 'location', value: 240, end: 246 })
    expect(located).toMatchObject({ orphaned: true, sourceColor: 'orange' })

    const again = await service.importPaths([file])
    expect([again.imported, again.duplicates]).toEqual([0, 4])
    expect(again.results.filter((r) => r.status === 'duplicate' && r.merged)).toEqual([])
    const after = await booksOf(service, first)
    expect(after).toEqual(books)

    // Imported with the Kindle-side title and author order: still the same book.
    await writeFile(file, 'Highlight,Title,Author\n"A fresh one.",The Salt Road,Eleanor Marsh\n')
    const third = await service.importPaths([file])
    expect(third.duplicates).toBe(1)
    expect((await service.get(books[0]!.id)).article.annotations).toHaveLength(4)
    await service.close()
  }, 60_000)

  it('updates a highlight edited in Readwise in place', async () => {
    const root = await tempDir()
    const file = join(root, 'readwise.csv')
    const csv = readFileSync(join(FIXTURES, 'readwise-export.csv'), 'utf8')
    await writeFile(file, csv)
    const service = await ArchiveService.open(join(root, 'archive'))
    const first = await service.importPaths([file])
    const before = (await booksOf(service, first))[1]!.annotations[0]!
    await writeFile(
      file,
      csv.replace('"Every map is an argument."', '"Every map is an argument, edited."'),
    )
    const second = await service.importPaths([file])
    const after = (await booksOf(service, second))
      .flatMap((b) => b.annotations)
      .find((a) => a.id === before.id)!
    expect(after.target.quote.exact).toBe('Every map is an argument, edited.')
    expect(after.note).toBe(before.note)
    expect((await booksOf(service, second)).flatMap((b) => b.annotations)).toHaveLength(11)
    await service.close()
  }, 60_000)

  it('imports every highlight of a 3,946-row, 133-book export with what it carries', async () => {
    const { csv, rows } = generateReadwise()
    expect(rows.filter((r) => r.note).length).toBeGreaterThan(1200)
    expect(rows.filter((r) => r.tags.length).length).toBeGreaterThan(1800)
    const root = await tempDir()
    const file = join(root, 'readwise-big.csv')
    await writeFile(file, csv)
    const service = await ArchiveService.open(join(root, 'archive'))
    const report = await service.importPaths([file])
    expect([report.imported, report.failed, report.skipped]).toEqual([133, 0, 0])
    const books = await booksOf(service, report)
    const all = books.flatMap((b) => b.annotations)
    expect(all).toHaveLength(3946)
    const byQuote = new Map(all.map((a) => [a.target.quote.exact, a]))
    for (const r of rows) {
      const a = byQuote.get(r.highlight)
      expect(a, r.highlight).toBeDefined()
      expect(a!.note).toBe(r.note)
      expect(a!.tags).toEqual(r.tags)
      expect(a!.sourceColor ?? a!.color).toBe(r.color)
      expect(a!.createdAt).toBe(new Date(r.at.replace(' ', 'T')).toISOString())
      expect(a!.target.location).toBeDefined()
    }
    const again = await service.importPaths([file])
    expect([again.imported, again.duplicates]).toEqual([0, 133])
    const recount = (await booksOf(service, report)).flatMap((b) => b.annotations)
    expect(recount).toHaveLength(3946)
    await service.close()
  }, 240_000)
})
