// Kobo's KoboReader.sqlite, built here with node:sqlite in the layout the e-reader writes
// (Bookmark and content tables): highlights with notes and chapters, dog-ears, hidden rows.
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { DatabaseSync } from 'node:sqlite'
import { describe, expect, it } from 'vitest'
import { koboSqliteImporter } from '../../../../../../main/archive/import/highlights/kobo-sqlite.ts'
import { sniffOf } from '../../../../../../main/archive/import/importer.ts'
import { importerFor } from '../../../../../../main/archive/import/registry.ts'
import { ArchiveService } from '../../../../../../main/archive/service.ts'
import { tempDir } from '../../../../helpers/temp-dir.ts'

const BOOK = 'file:///mnt/onboard/Books/Salt Road.kepub.epub'

/** A KoboReader.sqlite with two books; `edit` changes the note of the first highlight. */
async function koboDb(dir: string, note = 'Check the port records.'): Promise<string> {
  const path = join(dir, `KoboReader-${Math.random().toString(16).slice(2)}.sqlite`)
  const db = new DatabaseSync(path)
  db.exec(`
    CREATE TABLE content (ContentID TEXT PRIMARY KEY, ContentType INTEGER, Title TEXT,
      Attribution TEXT, ISBN TEXT, Language TEXT, BookTitle TEXT);
    CREATE TABLE Bookmark (BookmarkID TEXT PRIMARY KEY, VolumeID TEXT, ContentID TEXT,
      StartContainerPath TEXT, StartOffset INTEGER, EndContainerPath TEXT, EndOffset INTEGER,
      Text TEXT, Annotation TEXT, ExtraAnnotationData BLOB, DateCreated TEXT,
      ChapterProgress REAL, Hidden TEXT, Version TEXT, DateModified TEXT, Creator TEXT,
      UUID TEXT, UserID TEXT, SyncTime TEXT, Published TEXT, ContextString TEXT, Type TEXT);
  `)
  const content = db.prepare('INSERT INTO content VALUES (?, ?, ?, ?, ?, ?, ?)')
  content.run(BOOK, 6, 'The Salt Road', 'Eleanor Marsh', '978-0-00-000000-2', 'en', null)
  content.run(`${BOOK}!OEBPS!ch01.xhtml`, 899, '1. The Harbour', null, null, null, 'The Salt Road')
  content.run(
    'file:///mnt/onboard/Books/maps.epub',
    6,
    'Maps and Their Makers',
    'Ann Lee & Bo Chen',
    null,
    'en',
    null,
  )
  const mark = db.prepare(
    `INSERT INTO Bookmark (BookmarkID, VolumeID, ContentID, Text, Annotation, DateCreated,
      ChapterProgress, Hidden, Type) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  )
  mark.run(
    'b1',
    BOOK,
    `${BOOK}!OEBPS!ch01.xhtml`,
    'The harbour was older than the town.',
    note,
    '2024-01-05T10:00:00.000',
    0.25,
    'false',
    'note',
  )
  mark.run(
    'b2',
    BOOK,
    `${BOOK}!OEBPS!ch01.xhtml`,
    'Ships do not wait,\nthe tide does not either.',
    null,
    '2024-01-05T11:00:00.000',
    0.5,
    'false',
    'highlight',
  )
  mark.run(
    'b3',
    BOOK,
    `${BOOK}!OEBPS!ch01.xhtml`,
    null,
    null,
    '2024-01-06T08:00:00.000',
    0.9,
    'false',
    'dogear',
  )
  mark.run(
    'b4',
    BOOK,
    `${BOOK}!OEBPS!ch01.xhtml`,
    'Deleted on the device.',
    null,
    '2024-01-06T09:00:00.000',
    0.95,
    'true',
    'highlight',
  )
  mark.run(
    'm1',
    'file:///mnt/onboard/Books/maps.epub',
    null,
    'Every map is an argument.',
    null,
    '2021-03-03T12:30:00Z',
    null,
    'false',
    'highlight',
  )
  db.close()
  return path
}

describe('KoboReader.sqlite', () => {
  it('reads highlights, notes, chapters and dog-ears per book, naming hidden rows', async () => {
    const path = await koboDb(await tempDir())
    const bytes = new Uint8Array(await readFile(path))
    expect(importerFor(sniffOf('KoboReader.sqlite', bytes))?.id).toBe('kobo-sqlite')
    const { entries, problems } = koboSqliteImporter.parse(bytes, 'KoboReader.sqlite')
    expect(entries.map((e) => [e.book?.title, e.book?.authors, e.book?.isbn])).toEqual([
      ['The Salt Road', ['Eleanor Marsh'], '9780000000002'],
      ['Maps and Their Makers', ['Ann Lee', 'Bo Chen'], undefined],
    ])
    const salt = entries[0]!
    expect(salt.highlights).toEqual([
      {
        quote: 'The harbour was older than the town.',
        note: 'Check the port records.',
        createdAt: '2024-01-05T10:00:00.000Z',
        location: { type: 'chapter', label: '1. The Harbour', value: 25 },
        key: 'kobo:b1',
      },
      expect.objectContaining({
        quote: 'Ships do not wait,\nthe tide does not either.',
        key: 'kobo:b2',
      }),
    ])
    expect(salt.bookmarks).toMatchObject([{ key: 'kobo:b3', location: { value: 90 } }])
    expect(problems).toEqual([
      { source: 'KoboReader.sqlite › bookmark b4', reason: 'is deleted on the Kobo (hidden)' },
    ])
  })

  it('refuses a file that is not a Kobo database', () => {
    const junk = new TextEncoder().encode('SQLite format 3\0 but truncated')
    expect(() => koboSqliteImporter.parse(junk, 'KoboReader.sqlite')).toThrow(/not a Kobo database/)
  })

  it('imports into books; a later copy of the database updates the edited note in place', async () => {
    const dir = await tempDir()
    const service = await ArchiveService.open(join(dir, 'archive'))
    const first = await service.importPaths([await koboDb(dir)])
    expect([first.imported, first.failed]).toEqual([2, 1])
    const salt = first.results.find((r) => r.status === 'imported' && r.title === 'The Salt Road')
    const id = salt?.status === 'imported' ? salt.id : ''
    const before = (await service.get(id)).article
    const again = await service.importPaths([await koboDb(dir, 'Edited on the Kobo.')])
    expect(again.imported).toBe(0)
    const after = (await service.get(id)).article
    expect(after.annotations).toHaveLength(2)
    expect(after.annotations[0]).toMatchObject({
      id: before.annotations[0]!.id,
      note: 'Edited on the Kobo.',
    })
    expect(after.bookmarks).toHaveLength(1)
    await service.close()
  }, 60_000)
})
