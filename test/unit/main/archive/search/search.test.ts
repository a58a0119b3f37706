import { rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { ArchiveService } from '../../../../../main/archive/service.ts'
import { ListQuerySchema, SearchInputSchema, type SearchInput } from '../../../../../shared/api.ts'
import { QuireError } from '../../../../../shared/errors.ts'
import { tempDir } from '../../../helpers/temp-dir.ts'
import { devicePath } from '../../../helpers/device-paths.ts'

const FIXTURES = join(import.meta.dirname, '../../../../fixtures/import')
const open: ArchiveService[] = []
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()))
})

async function service(root?: string) {
  const s = await ArchiveService.open(root ?? join(await tempDir(), 'archive'))
  open.push(s)
  return s
}

const search = (s: ArchiveService, input: SearchInput) => s.search(SearchInputSchema.parse(input))
const titles = async (s: ArchiveService, query: string) =>
  (await search(s, { query })).items.map((a) => a.title)

describe('search', () => {
  it('finds words, prefixes and phrases across title, byline and body, with snippets', async () => {
    const s = await service()
    await s.importPaths([FIXTURES])
    expect(await titles(s, 'bridge')).toEqual([
      'Council approves new river bridge after long debate',
    ])
    expect(await titles(s, 'analy')).toEqual(['Markets rally as rates hold steady'])
    expect(await titles(s, '"central bank"')).toEqual(['Markets rally as rates hold steady'])
    expect(await titles(s, '"bank central"')).toEqual([])
    expect(await titles(s, 'jane')).toEqual(['Council approves new river bridge after long debate'])
    const hit = (await search(s, { query: 'wend' })).items[0]!
    expect(hit.snippet).toContain('\u{E000}Wend\u{E001}')
  })

  it('combines OR, exclusion and filters, and follows edits, trash and emptying', async () => {
    const s = await service()
    const report = await s.importPaths([FIXTURES])
    const bridge = report.results.find((r) => r.source.endsWith('bridge.txt'))!
    const id = bridge.status === 'imported' ? bridge.id : ''
    expect((await titles(s, 'bridge OR analysts')).length).toBe(2)
    expect(await titles(s, 'bridge OR analysts -council')).toEqual([
      'Markets rally as rates hold steady',
    ])
    await s.update(id, { tags: ['Région/Europe'], favorite: true, status: 'read' })
    expect(await titles(s, 'tag:region')).toHaveLength(1)
    expect(await titles(s, 'is:favorite is:read')).toHaveLength(1)
    expect(await titles(s, '-tag:region')).toEqual(['Markets rally as rates hold steady'])
    await s.delete([id])
    expect(await titles(s, 'bridge')).toEqual([])
    expect((await search(s, { query: 'bridge', view: 'trash' })).total).toBe(1)
    await s.emptyTrash()
    expect((await search(s, { query: 'bridge', view: 'trash' })).total).toBe(0)
  })

  it('rejects a malformed query with the span of the bad part', async () => {
    const s = await service()
    const err = await search(s, { query: 'rafah is:flying' }).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(QuireError)
    expect((err as QuireError).code).toBe('INVALID_INPUT')
    expect((err as QuireError).details).toEqual({ start: 9, end: 15 }) // the value "flying"
  })

  it('serves library pages from the index once it is ready, in the same order as the scan', async () => {
    const s = await service()
    await s.importPaths([FIXTURES])
    const q = ListQuerySchema.parse({ view: 'all', sort: 'title', order: 'asc' })
    const scanned = await s.list(q)
    await s.startIndex().whenReady()
    expect(s.indexStatus?.state).toBe('ready')
    expect(await s.list(q)).toEqual(scanned)
  })

  it('orders by source and by reading time the same way from the scan and from the index', async () => {
    const s = await service()
    const dir = await tempDir()
    const sources = ['Le Monde', 'le monde', '', 'BBC News', 'Al Jazeera']
    for (const [i, source] of sources.entries()) {
      const body = Array.from({ length: 40 * ((i * 3) % 5) + 10 }, (_, n) => `word${n}`).join(' ')
      await writeFile(
        join(dir, `story-${i}.txt`),
        `Story ${i} about ${source || 'nothing'}\n\n${body}\n`,
      )
    }
    const report = await s.importPaths([FIXTURES, dir])
    const ids = report.results.flatMap((r) => (r.status === 'imported' ? [r.id] : []))
    for (const [i, id] of ids.entries()) {
      const source = sources[i % sources.length]!
      await s.update(id, { source })
    }
    const queries = (['source', 'readingTime'] as const).flatMap((sort) =>
      (['asc', 'desc'] as const).map((order) =>
        ListQuerySchema.parse({ view: 'all', sort, order }),
      ),
    )
    const scanned = await Promise.all(queries.map((q) => s.list(q)))
    const bySource = scanned[0]!.items.map((a) => a.source ?? '')
    expect(bySource.indexOf('')).toBeLessThan(bySource.indexOf('Al Jazeera'))
    expect(bySource.indexOf('BBC News')).toBeLessThan(bySource.indexOf('Le Monde'))
    const words = scanned[3]!.items.map((a) => a.wordCount)
    expect(words).toEqual([...words].sort((a, b) => b - a))
    await s.startIndex().whenReady()
    expect(s.indexStatus?.state).toBe('ready')
    for (const [i, q] of queries.entries()) expect(await s.list(q)).toEqual(scanned[i])
    // Search takes the same sorts.
    const found = await search(s, { query: 'story', sort: 'readingTime', order: 'asc' })
    const counts = found.items.map((a) => a.wordCount)
    expect(counts).toEqual([...counts].sort((a, b) => a - b))
  })

  it('rebuilds a deleted or corrupt index, and catches up with writes it did not see', async () => {
    const root = join(await tempDir(), 'archive')
    const first = await service(root)
    await first.importPaths([FIXTURES])
    expect(await titles(first, 'bridge')).toHaveLength(1)
    await first.close()

    // Written while no index was running: the shard stamp tells the next sync.
    const cli = await service(root)
    const hit = (await cli.list(ListQuerySchema.parse({ view: 'all', text: 'bridge' }))).items[0]!
    await cli.update(hit.id, { title: 'Ferry replaces bridge plan' })
    await cli.close()
    const second = await service(root)
    expect(await titles(second, 'ferry')).toEqual(['Ferry replaces bridge plan'])
    await second.close()

    await writeFile(devicePath(root, 'index', 'search.sqlite'), 'this is not a database')
    await rm(devicePath(root, 'index', 'search.sqlite-wal'), { force: true })
    const third = await service(root)
    expect(await titles(third, 'ferry')).toEqual(['Ferry replaces bridge plan'])
    await third.close()

    await rm(devicePath(root, 'index'), { recursive: true })
    const fourth = await service(root)
    expect(await titles(fourth, 'markets')).toEqual(['Markets rally as rates hold steady'])
  })

  it('saves, renames and deletes named searches in quire.json, refusing bad queries', async () => {
    const root = join(await tempDir(), 'archive')
    const s = await service(root)
    const saved = await s.saveSearch({ name: 'Gaza unread', query: 'gaza is:unread' })
    expect(saved).toMatchObject({ name: 'Gaza unread', query: 'gaza is:unread' })
    await expect(s.saveSearch({ name: 'bad', query: 'is:flying' })).rejects.toThrow(/is: expects/)
    const renamed = await s.saveSearch({ id: saved.id, name: 'Gaza', query: 'gaza' })
    expect(renamed.id).toBe(saved.id)
    await s.close()
    const again = await service(root)
    expect(await again.savedSearches()).toEqual([renamed])
    expect(await again.deleteSearch(saved.id)).toEqual({ count: 1 })
    expect(await again.savedSearches()).toEqual([])
  })

  it('rebuilds an index whose full-text data is damaged, and still answers', async () => {
    const root = join(await tempDir(), 'archive')
    const first = await service(root)
    await first.importPaths([FIXTURES])
    await first.startIndex().whenReady()
    await first.close()
    // Keep the first half (header, meta table) and wreck the rest, where the full-text
    // data lives.
    const file = devicePath(root, 'index', 'search.sqlite')
    const { open: openFile } = await import('node:fs/promises')
    const handle = await openFile(file, 'r+')
    const size = (await handle.stat()).size
    const half = Math.floor(size / 2 / 4096) * 4096
    await handle.write(Buffer.alloc(size - half, 0xa5), 0, size - half, half)
    await handle.close()
    const second = await service(root)
    expect(await titles(second, 'bridge')).toEqual([
      'Council approves new river bridge after long debate',
    ])
  })
})
