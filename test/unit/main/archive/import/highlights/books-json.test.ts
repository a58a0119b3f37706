// Books through the JSON exports: W3C Web Annotation JSON-LD (places as location selectors,
// bookmarks as `bookmarking` annotations, authors and ASIN on the source) and Quire JSON, each
// imported back into the same archive (nothing added) and into an empty one (the same books).
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runExport } from '../../../../../../main/archive/export/export-runner.ts'
import { restoreBackup } from '../../../../../../main/archive/export/restore.ts'
import { ArchiveService } from '../../../../../../main/archive/service.ts'
import type { Article } from '../../../../../../shared/model.ts'
import { tempDir } from '../../../../helpers/temp-dir.ts'

const BOOKS = join(import.meta.dirname, '../../../../../fixtures/e2e/books')

async function archiveWithBooks() {
  const root = await tempDir()
  const service = await ArchiveService.open(join(root, 'archive'))
  const report = await service.importPaths([
    join(BOOKS, 'readwise-export.csv'),
    join(BOOKS, 'My Clippings.txt'),
  ])
  expect(report.imported).toBe(5)
  return { root, service }
}

async function booksOf(service: ArchiveService): Promise<Article[]> {
  const page = await service.list({
    view: 'books',
    sort: 'title',
    order: 'asc',
    offset: 0,
    limit: 100,
  })
  return Promise.all(page.items.map(async (b) => (await service.get(b.id)).article))
}

/** What a book is and holds, without the ids and times this archive gave it. */
function portable(b: Article) {
  return {
    title: b.title,
    kind: b.kind,
    authors: b.authors,
    identifiers: b.identifiers,
    highlights: b.annotations
      .map((a) => [a.target.quote.exact, a.target.location, a.note, a.tags, a.color, a.createdAt])
      .sort((x, y) => String(x[0]).localeCompare(String(y[0]))),
    bookmarks: (b.bookmarks ?? []).map((m) => [m.location, m.note, m.createdAt]),
  }
}

describe('books in the JSON exports', () => {
  it('round-trips W3C JSON-LD: places, bookmarks, authors and ASIN; nothing twice', async () => {
    const { root, service } = await archiveWithBooks()
    const before = await booksOf(service)
    const out = await runExport(service, { format: 'jsonld', selection: { kind: 'all' } })
    const doc = JSON.parse(new TextDecoder().decode(out.bytes)) as {
      total: number
      first: { items: Record<string, unknown>[] }
    }
    // 49 highlights and one bookmark.
    expect(doc.total).toBe(50)
    const salt = doc.first.items.find((a) =>
      JSON.stringify(a).includes('The harbour was older than the town'),
    )!
    expect(salt.target).toMatchObject({
      source: {
        type: 'Text',
        'dcterms:title': 'The Salt Road: A History of the Coast',
        'dcterms:creator': ['Eleanor Marsh'],
        'schema:identifier': { 'schema:propertyID': 'ASIN', 'schema:value': 'B07SALT001' },
      },
      selector: [
        {
          type: 'TextQuoteSelector',
          exact: 'The harbour was older than the town, and the town knew it.',
        },
        {
          type: 'FragmentSelector',
          conformsTo: 'https://quire.example/ns/book-location',
          value: 'type=location&value=112',
        },
      ],
    })
    // A book has no HTML to point into.
    expect((salt.target as { source: Record<string, unknown> }).source.format).toBeUndefined()
    const mark = doc.first.items.find((a) => a.motivation === 'bookmarking')!
    expect(mark.target).toMatchObject({
      source: { 'dcterms:title': 'An Almanac of Small Harbours' },
      selector: { type: 'FragmentSelector', value: 'type=location&value=610' },
    })

    const path = join(root, 'books.jsonld')
    await writeFile(path, out.bytes)
    // Into the same archive: every book found again, nothing added or changed.
    const again = await service.importPaths([path])
    expect([again.imported, again.duplicates, again.failed]).toEqual([0, 5, 0])
    expect(again.results.filter((r) => r.status === 'duplicate' && r.merged)).toEqual([])
    expect(await booksOf(service)).toEqual(before)

    // Into an empty archive: the same books with the same highlights, places and bookmarks.
    const fresh = await ArchiveService.open(join(root, 'fresh'))
    const report = await fresh.importPaths([path])
    expect([report.imported, report.failed]).toEqual([5, 0])
    expect((await booksOf(fresh)).map(portable)).toEqual(before.map(portable))
    await fresh.close()
    await service.close()
  }, 60_000)

  it('keeps books whole in Quire JSON: kind, identifiers, locations and bookmarks', async () => {
    const { root, service } = await archiveWithBooks()
    const before = await booksOf(service)
    const out = await runExport(service, { format: 'quire-json', selection: { kind: 'all' } })
    const path = join(root, 'archive.quire.json')
    await writeFile(path, out.bytes)
    await service.close()
    await restoreBackup(path, join(root, 'restored'), 'replace')
    const restored = await ArchiveService.open(join(root, 'restored'))
    expect(await booksOf(restored)).toEqual(before)
    await restored.close()
  }, 60_000)
})
