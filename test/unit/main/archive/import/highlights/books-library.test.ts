// Books in the rest of Quire: the Books view, search by a highlight's words, the notebook in
// reading order, Markdown (one note per book, with locations) and the Readwise CSV round trip.
import { readFileSync } from 'node:fs'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runExport } from '../../../../../../main/archive/export/export-runner.ts'
import { ArchiveService } from '../../../../../../main/archive/service.ts'
import { tempDir } from '../../../../helpers/temp-dir.ts'

const FIXTURE = join(import.meta.dirname, '../../../../../fixtures/highlights/readwise-export.csv')
const text = (b: Uint8Array) => new TextDecoder().decode(b)

async function archiveWithBooks() {
  const root = await tempDir()
  const file = join(root, 'readwise.csv')
  await writeFile(file, readFileSync(FIXTURE))
  const service = await ArchiveService.open(join(root, 'archive'))
  await service.importUploads([
    {
      name: 'page.txt',
      bytes: new TextEncoder().encode('An article about harbours and nothing else.\n'),
    },
  ])
  await service.importPaths([file])
  return { root, service }
}

describe('books in the library', () => {
  it('lists books in their own view, finds them by a highlight’s words, shows them in the notebook', async () => {
    const { service } = await archiveWithBooks()
    const books = await service.list({
      view: 'books',
      sort: 'title',
      order: 'asc',
      offset: 0,
      limit: 100,
    })
    expect(books.items.map((b) => b.title)).toEqual([
      'Maps and Their Makers',
      'The Long Listening',
      'The Salt Road: A History of the Coast',
      'Untitled Notes',
    ])
    const all = await service.list({
      view: 'all',
      sort: 'title',
      order: 'asc',
      offset: 0,
      limit: 100,
    })
    expect(all.total).toBe(5)
    const found = await service.search({
      query: 'projection distort',
      view: 'all',
      sort: 'relevance',
      order: 'desc',
      offset: 0,
      limit: 50,
    })
    expect(found.items.map((i) => i.title)).toEqual(['Maps and Their Makers'])
    const inBooks = await service.search({
      query: 'harbour',
      view: 'books',
      sort: 'relevance',
      order: 'desc',
      offset: 0,
      limit: 50,
    })
    expect(inBooks.items.map((i) => i.title)).toEqual(['The Salt Road: A History of the Coast'])
    const notebook = await service.listAnnotations({
      filters: { text: 'map' },
      offset: 0,
      limit: 100,
    })
    expect(notebook.items.map((i) => i.annotation?.target.quote.exact)).toContain(
      'Every map is an argument.',
    )
    const maps = await service.listAnnotations({ filters: {}, offset: 0, limit: 100 })
    const order = maps.items
      .filter((i) => i.title === 'Maps and Their Makers')
      .map((i) => i.annotation?.target.location?.value)
    // Places of one type in their order; types apart ("sidebar 7" is not between #3 and #9).
    expect(order.slice(0, 3)).toEqual([3, 9, 87.5])
    await service.close()
  }, 60_000)

  it('exports a book as one Markdown note with its places, and round-trips Readwise CSV', async () => {
    const { root, service } = await archiveWithBooks()
    const page = await service.list({
      view: 'books',
      sort: 'title',
      order: 'asc',
      offset: 0,
      limit: 100,
    })
    const salt = page.items.find((b) => b.title.startsWith('The Salt Road'))!
    const md = await runExport(service, {
      format: 'markdown',
      selection: { kind: 'ids', ids: [salt.id] },
    })
    const note = text(md.bytes)
    expect(md.fileName).toMatch(/^The Salt Road.*\.md$/)
    expect(note).toContain('> The harbour was older than the town, and the town knew it.')
    expect(note).toContain('— location 112')
    expect(note).toContain('— location 240–246')
    expect(note).toContain('— page 31')
    expect(note).toContain('First line; "older" in quotes')

    const csv = await runExport(service, { format: 'readwise', selection: { kind: 'all' } })
    const path = join(root, 'quire-readwise.csv')
    await writeFile(path, csv.bytes)
    const before = await Promise.all(page.items.map((b) => service.get(b.id)))
    const again = await service.importPaths([path])
    expect(again.imported).toBe(0)
    const after = await Promise.all(page.items.map((b) => service.get(b.id)))
    expect(after.map((a) => a.article.annotations)).toEqual(
      before.map((b) => b.article.annotations),
    )

    // Into an empty archive: the same books, highlights, places, colours and notes.
    const fresh = await ArchiveService.open(join(root, 'fresh'))
    await fresh.importPaths([path])
    const copies = await fresh.list({
      view: 'books',
      sort: 'title',
      order: 'asc',
      offset: 0,
      limit: 100,
    })
    expect(copies.items.map((b) => [b.title, b.annotationCount])).toEqual(
      page.items.map((b) => [b.title, b.annotationCount]),
    )
    const copy = (await fresh.get(copies.items.find((b) => b.title === salt.title)!.id)).article
    const strip = (a: (typeof copy.annotations)[number]) => [
      a.target.quote.exact,
      a.target.location,
      a.note,
      a.tags,
      a.color,
      a.sourceColor,
      a.createdAt,
    ]
    const byQuote = (xs: typeof copy.annotations) =>
      xs.map(strip).sort((x, y) => String(x[0]).localeCompare(String(y[0])))
    expect(byQuote(copy.annotations)).toEqual(
      byQuote((await service.get(salt.id)).article.annotations),
    )
    await fresh.close()
    await service.close()
  }, 60_000)
})
