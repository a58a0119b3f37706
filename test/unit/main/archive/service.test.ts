import { copyFile, mkdir, readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ListQuerySchema, type ListQuery } from '../../../../shared/api.ts'
import { ArchiveService } from '../../../../main/archive/service.ts'
import { tempDir } from '../../helpers/temp-dir.ts'

const FIXTURES = join(import.meta.dirname, '../../../fixtures/import')
const q = (query: ListQuery) => ListQuerySchema.parse(query)

async function archiveWithFixtures() {
  const root = await tempDir()
  const service = await ArchiveService.open(join(root, 'archive'))
  const report = await service.importPaths([FIXTURES])
  return { root, service, report }
}

describe('ArchiveService', () => {
  it('imports a folder, one result per file, and stores record and body', async () => {
    const { service, report } = await archiveWithFixtures()
    expect(report).toMatchObject({ imported: 2, duplicates: 0, failed: 0 })
    const bridge = report.results.find((r) => r.source.endsWith('bridge.txt'))
    expect(bridge?.status).toBe('imported')
    if (bridge?.status !== 'imported') return
    const { article, body } = await service.get(bridge.id)
    expect(article).toMatchObject({
      title: 'Council approves new river bridge after long debate',
      subtitle: 'The vote ends a decade of planning for the crossing, which opens in 2027',
      authors: ['Jane Doe'],
      source: 'Associated Press',
      dateline: { place: 'RIVERTON', agency: 'AP' },
      status: 'unread',
      origin: { kind: 'file', name: 'bridge.txt', format: 'text', encoding: 'utf-8' },
    })
    expect(body).toBe(
      '<p>The city council on Tuesday approved a new bridge over the Wend river.</p>\n' +
        '<p>The project will cost about 40 million pounds, officials said.</p>\n' +
        '<p>Residents have argued over the design for years.</p>\n' +
        '<p>Work will start in the spring.</p>\n',
    )
    expect(article.wordCount).toBe(37)
  })

  it('recognises duplicates by content, across encodings and line endings, within a batch too', async () => {
    const { root, service } = await archiveWithFixtures()
    const text = await readFile(join(FIXTURES, 'markets.txt'), 'utf8')
    const dir = join(root, 'again')
    await mkdir(dir)
    await writeFile(join(dir, 'crlf.txt'), text.replace(/\n/g, '\r\n'))
    await writeFile(join(dir, 'bom.txt'), '\ufeff' + text)
    await copyFile(join(FIXTURES, 'bridge.txt'), join(dir, 'bridge-copy.txt'))
    const report = await service.importPaths([dir])
    expect(report).toMatchObject({ imported: 0, duplicates: 3, failed: 0 })
    expect((await service.info()).articleCount).toBe(2)
  })

  it('reports each bad file with a reason and imports the rest', async () => {
    const root = await tempDir()
    const dir = join(root, 'mixed')
    await mkdir(dir)
    await writeFile(join(dir, 'empty.txt'), '')
    await writeFile(join(dir, 'blank.txt'), ' \n\n \n')
    await writeFile(
      join(dir, 'image.txt'),
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 1, 2, 0, 0]),
    )
    await writeFile(join(dir, 'photo.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]))
    await writeFile(join(dir, 'README'), 'about this folder')
    await copyFile(join(FIXTURES, 'markets.txt'), join(dir, 'good.txt'))
    const service = await ArchiveService.open(join(root, 'archive'))
    const report = await service.importPaths([dir, join(root, 'missing.txt')])
    const bySource = Object.fromEntries(report.results.map((r) => [r.source.split('/').pop(), r]))
    expect(report).toMatchObject({ imported: 1, failed: 5, skipped: 1 })
    expect(bySource['empty.txt']).toMatchObject({ status: 'failed', error: { code: 'EMPTY' } })
    expect(bySource['blank.txt']).toMatchObject({ status: 'failed', error: { code: 'EMPTY' } })
    expect(bySource['image.txt']).toMatchObject({ status: 'failed', error: { code: 'BINARY' } })
    expect(bySource['photo.png']).toMatchObject({
      status: 'failed',
      error: { code: 'UNSUPPORTED_FORMAT' },
    })
    expect(bySource['missing.txt']).toMatchObject({
      status: 'failed',
      error: { code: 'NOT_FOUND' },
    })
    expect(bySource['README']).toMatchObject({ status: 'skipped' })
    expect(bySource['good.txt']).toMatchObject({ status: 'imported' })
  })

  it('refuses a 50 MB file by its size, without reading it', async () => {
    const root = await tempDir()
    const big = join(root, 'huge.txt')
    const handle = await import('node:fs/promises').then((fs) => fs.open(big, 'w'))
    await handle.truncate(50 * 1024 * 1024) // sparse: no 50 MB written
    await handle.close()
    const service = await ArchiveService.open(join(root, 'archive'))
    const report = await service.importPaths([big])
    expect(report.results[0]).toMatchObject({ status: 'failed', error: { code: 'TOO_LARGE' } })
    expect((report.results[0] as { error: { message: string } }).error.message).toMatch(
      /50(\.0)? MB/,
    )
  })

  it('lists with views, status and tag filters, text match, sort and paging', async () => {
    const { service, report } = await archiveWithFixtures()
    const [a, b] = report.results.map((r) => (r.status === 'imported' ? r.id : ''))
    await service.update(a!, { tags: ['region/europe'], status: 'read', favorite: true })
    expect((await service.list(q({ tag: 'region' }))).items.map((x) => x.id)).toEqual([a])
    expect((await service.list(q({ status: 'unread' }))).items.map((x) => x.id)).toEqual([b])
    expect((await service.list(q({ view: 'favorites' }))).total).toBe(1)
    expect((await service.list(q({ text: 'RATES' }))).items.map((x) => x.id)).toEqual([b])
    const byTitle = await service.list(q({ sort: 'title', order: 'asc' }))
    expect(byTitle.items.map((x) => x.title[0])).toEqual(['C', 'M'])
    const page2 = await service.list(q({ sort: 'title', order: 'asc', offset: 1, limit: 1 }))
    expect(page2).toMatchObject({ total: 2, offset: 1 })
    expect(page2.items.map((x) => x.title[0])).toEqual(['M'])
    await service.update(b!, { archived: true })
    expect((await service.list(q({ view: 'inbox' }))).items.map((x) => x.id)).toEqual([a])
    expect((await service.list(q({ view: 'archived' }))).items.map((x) => x.id)).toEqual([b])
    expect(await service.tags()).toEqual([
      { name: 'region/europe', count: 1, color: expect.any(String) },
    ])
  })

  it('keeps edits across reopen', async () => {
    const { service, report } = await archiveWithFixtures()
    const id = report.results[0]!.status === 'imported' ? report.results[0]!.id : ''
    await service.update(id, { title: 'Renamed', progress: 0.5, status: 'reading' })
    const again = await ArchiveService.open(service.root)
    expect((await again.get(id)).article).toMatchObject({
      title: 'Renamed',
      progress: 0.5,
      status: 'reading',
    })
  })

  it('moves to the trash, restores, and empties the trash for good', async () => {
    const { service, report } = await archiveWithFixtures()
    const ids = report.results.flatMap((r) => (r.status === 'imported' ? [r.id] : []))
    expect(await service.delete(ids)).toEqual({ count: 2 })
    expect((await service.list(q({ view: 'all' }))).total).toBe(0)
    expect((await service.list(q({ view: 'trash' }))).total).toBe(2)
    expect(await service.restore([ids[0]!])).toEqual({ count: 1 })
    expect((await service.list(q({ view: 'all' }))).total).toBe(1)
    expect(await service.emptyTrash()).toEqual({ count: 1 })
    expect(await readdir(join(service.root, 'content'))).toEqual([`${ids[0]}.html`])
    await expect(service.get(ids[1]!)).rejects.toThrow(/No article with id/)
    // Emptied articles may be imported again.
    const again = await service.importPaths([FIXTURES])
    expect(again).toMatchObject({ imported: 1, duplicates: 1 })
  })

  it('says which body is missing instead of failing silently', async () => {
    const { service, report } = await archiveWithFixtures()
    const id = report.results[0]!.status === 'imported' ? report.results[0]!.id : ''
    await import('node:fs/promises').then((fs) =>
      fs.rm(join(service.root, 'content', `${id}.html`)),
    )
    await expect(service.get(id)).rejects.toThrow(/is missing from the archive/)
  })
})
