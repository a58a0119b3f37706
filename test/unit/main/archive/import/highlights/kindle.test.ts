// Kindle's My Clippings.txt: languages and firmware generations, notes on their highlights,
// bookmarks, edited highlights folded into the latest, and the archive's view of a re-import.
import { readFileSync } from 'node:fs'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { kindleClippingsImporter } from '../../../../../../main/archive/import/highlights/kindle-clippings.ts'
import { kindleDate } from '../../../../../../main/archive/import/highlights/kindle-header.ts'
import { sniffOf } from '../../../../../../main/archive/import/importer.ts'
import { importerFor } from '../../../../../../main/archive/import/registry.ts'
import { ArchiveService } from '../../../../../../main/archive/service.ts'
import { tempDir } from '../../../../helpers/temp-dir.ts'

const FIXTURES = join(import.meta.dirname, '../../../../../fixtures/highlights')
const bytes = (name: string) => new Uint8Array(readFileSync(join(FIXTURES, name)))
const parse = (name: string) => kindleClippingsImporter.parse(bytes(name), name)

describe('My Clippings.txt', () => {
  it('is claimed by the Kindle importer, not as plain text', () => {
    for (const f of ['kindle-en.txt', 'kindle-en-old.txt', 'kindle-de.txt', 'kindle-es.txt']) {
      expect(importerFor(sniffOf(f, bytes(f)))?.id).toBe('kindle-clippings')
    }
    const plain = new TextEncoder().encode('Just a note.\n==========\nnot clippings\n')
    expect(importerFor(sniffOf('note.txt', plain))?.id).toBe('text')
  })

  it('reads English clippings: edits folded, the note on its highlight, bookmarks kept', () => {
    const { entries, problems } = parse('kindle-en.txt')
    expect(entries.map((e) => [e.book?.title, e.book?.authors])).toEqual([
      ['The Salt Road: A History of the Coast', ['Marsh, Eleanor']],
      ['Maps and Their Makers', ['Ann Lee', 'Bo Chen']],
    ])
    const [salt, maps] = entries
    expect(salt!.highlights).toEqual([
      {
        quote: 'The harbour was older than the town, and the town knew it.',
        note: 'Check the port records.',
        createdAt: '2020-01-05T10:02:00.000Z',
        location: { type: 'location', value: 180, end: 186 },
        key: expect.stringMatching(/^kindle:/),
      },
    ])
    expect(salt!.detail).toContain('1 edited highlight folded into the latest')
    expect(salt!.bookmarks).toEqual([
      {
        location: { type: 'location', value: 610 },
        createdAt: '2020-01-06T21:15:03.000Z',
        key: expect.stringMatching(/^kindle:/),
      },
    ])
    // A note with nothing under it is a bookmark that carries it, never dropped.
    expect(maps!.bookmarks).toMatchObject([
      { location: { type: 'location', value: 900 }, note: 'A note with no highlight under it.' },
    ])
    expect(maps!.highlights.map((h) => h.quote)).toEqual(['Every map is an argument.'])
    expect(problems).toEqual([
      {
        source: 'kindle-en.txt › clipping 7',
        reason: 'has no text: the book’s clipping limit was reached',
      },
    ])
  })

  it('reads the older firmware: "Loc. 1234-36", dates with a comma and AM/PM', () => {
    const [book] = parse('kindle-en-old.txt').entries
    expect(book!.highlights.map((h) => [h.location, h.note, h.createdAt])).toEqual([
      [
        { type: 'location', value: 1234, end: 1236 },
        'True of rivers too.',
        '2012-03-12T22:00:00.000Z',
      ],
      [{ type: 'location', value: 1340, end: 1345 }, undefined, '2012-03-13T07:05:00.000Z'],
    ])
    expect(book!.bookmarks).toHaveLength(1)
  })

  for (const [file, title, quote, note] of [
    [
      'kindle-de.txt',
      'Die Salzstraße',
      'Der Hafen war älter als die Stadt.',
      'Hafenbücher prüfen.',
    ],
    [
      'kindle-fr.txt',
      'La Route du sel',
      'Le port était plus ancien que la ville.',
      'Vérifier les registres du port.',
    ],
    [
      'kindle-es.txt',
      'El camino de la sal',
      'El puerto era más antiguo que la ciudad.',
      'Revisar los registros del puerto.',
    ],
  ] as const) {
    it(`reads ${file}: highlight, note and bookmark with their dates`, () => {
      const text = readFileSync(join(FIXTURES, file), 'utf8').replace(/\n/g, '\r\n')
      const { entries, problems } = kindleClippingsImporter.parse(
        new TextEncoder().encode(text),
        file,
      )
      expect(problems).toEqual([])
      expect(entries).toHaveLength(1)
      expect(entries[0]!.book).toMatchObject({ title, authors: [expect.stringMatching(/Marsh/)] })
      expect(entries[0]!.highlights).toEqual([
        {
          quote,
          note,
          createdAt: '2020-01-05T10:00:00.000Z',
          location: { type: 'location', value: 180, end: 183 },
          key: expect.any(String),
        },
      ])
      expect(entries[0]!.bookmarks).toMatchObject([
        { location: { type: 'location', value: 610 }, createdAt: '2020-01-06T21:15:03.000Z' },
      ])
    })
  }

  it('reads dates in each language, and refuses what is not one', () => {
    expect(kindleDate('Thursday, 12 December 2019 08:01:02')).toBe('2019-12-12T08:01:02.000Z')
    expect(kindleDate('Friday, December 13, 2019 12:05:00 AM')).toBe('2019-12-13T00:05:00.000Z')
    expect(kindleDate('sábado, 1 de septiembre de 2018 17:00:00')).toBe('2018-09-01T17:00:00.000Z')
    expect(kindleDate('not a date')).toBeUndefined()
  })

  it('stores books with bookmarks; a re-import or a later file adds no duplicate', async () => {
    const root = await tempDir()
    const file = join(root, 'My Clippings.txt')
    const original = readFileSync(join(FIXTURES, 'kindle-en.txt'), 'utf8')
    // The first two clippings only: the highlight before it was extended.
    await writeFile(
      file,
      original.split('==========').slice(0, 2).join('==========') + '==========\n',
    )
    const service = await ArchiveService.open(join(root, 'archive'))
    const first = await service.importPaths([file])
    const id = first.results[0]!.status === 'imported' ? first.results[0]!.id : ''
    const before = (await service.get(id)).article
    expect(before.annotations.map((a) => a.target.quote.exact)).toEqual([
      'The harbour was older than the town.',
    ])
    await writeFile(file, original)
    const second = await service.importPaths([file])
    expect(second.results.map((r) => r.status)).toEqual(['duplicate', 'imported', 'failed'])
    const after = (await service.get(id)).article
    expect(after.kind).toBe('book')
    expect(after.annotations).toHaveLength(1)
    expect(after.annotations[0]).toMatchObject({
      id: before.annotations[0]!.id,
      target: { quote: { exact: 'The harbour was older than the town, and the town knew it.' } },
    })
    expect(after.bookmarks).toHaveLength(1)
    const third = await service.importPaths([file])
    expect(third.results.filter((r) => r.status === 'duplicate' && r.merged)).toEqual([])
    expect((await service.get(id)).article).toEqual(after)
    await service.close()
  }, 60_000)
})
