// ArchiveService's bulk edits, metadata edits and tag management, against a real archive on disk.
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { ArchiveService } from '../../../../../main/archive/service.ts'
import { Catalog } from '../../../../../main/archive/store/catalog.ts'
import { ArticlePatchSchema } from '../../../../../shared/api.ts'
import { tempDir } from '../../../helpers/temp-dir.ts'

const FIXTURES = join(import.meta.dirname, '../../../../fixtures/import')

async function archive() {
  const dir = join(await tempDir(), 'archive')
  const service = await ArchiveService.open(dir)
  const report = await service.importPaths([FIXTURES])
  const ids = report.results.flatMap((r) => (r.status === 'imported' ? [r.id] : []))
  expect(ids).toHaveLength(2)
  return { dir, service, ids: ids as [string, string] }
}

const tagsOf = async (s: ArchiveService, id: string) => (await s.get(id)).article.tags

describe('ArchiveService bulk and tag edits', () => {
  it('applies a bulk change with one catalog flush and counts only changed articles', async () => {
    const { service, ids } = await archive()
    await service.update(ids[0], { favorite: true })
    const flush = vi.spyOn(Catalog.prototype, 'flush')
    const r = await service.bulkUpdate(ids, { addTags: ['news'], archived: true })
    expect(r).toEqual({ count: 2 })
    expect(flush).toHaveBeenCalledTimes(1)
    flush.mockRestore()
    expect(await service.bulkUpdate(ids, { favorite: true })).toEqual({ count: 1 })
    expect(await service.bulkUpdate(ids, { favorite: true })).toEqual({ count: 0 })
    const { article } = await service.get(ids[1])
    expect(article).toMatchObject({ tags: ['news'], favorite: true })
    expect(article.archivedAt).not.toBeNull()
    await service.bulkUpdate([ids[1]], { removeTags: ['news'], status: 'read' })
    expect((await service.get(ids[1])).article).toMatchObject({ tags: [], status: 'read' })
    await service.close()
  })

  it('edits metadata and clears it with empty values, kept across reopen', async () => {
    const { dir, service, ids } = await archive()
    const patch = ArticlePatchSchema.parse({
      subtitle: ' New sub ',
      authors: ['Ann', 'Bo'],
      source: '',
      publishedAt: '2024-05-06',
      url: 'https://example.com/a',
    })
    await service.update(ids[0], patch)
    await service.close()
    const again = await ArchiveService.open(dir)
    const { article } = await again.get(ids[0])
    expect(article).toMatchObject({
      subtitle: 'New sub',
      authors: ['Ann', 'Bo'],
      publishedAt: '2024-05-06',
      url: 'https://example.com/a',
    })
    expect(article.source).toBeUndefined()
    await again.update(ids[0], { url: null, publishedAt: null })
    expect((await again.get(ids[0])).article.url).toBeUndefined()
    await again.close()
  })

  it('refuses bad dates and non-web URLs in a patch', () => {
    expect(ArticlePatchSchema.safeParse({ publishedAt: 'yesterday' }).success).toBe(false)
    expect(ArticlePatchSchema.safeParse({ url: 'javascript:alert(1)' }).success).toBe(false)
    expect(ArticlePatchSchema.safeParse({ publishedAt: '2024-05-06T10:00:00Z' }).success).toBe(true)
  })

  it('renames a tag with its nested children, merging into an existing name, colour kept', async () => {
    const { service, ids } = await archive()
    await service.update(ids[0], { tags: ['region', 'region/gaza'] })
    await service.update(ids[1], { tags: ['area', 'other'] })
    await service.setTagColor('region/gaza', '#AA0000')
    expect(await service.renameTag('region', 'area')).toEqual({ count: 1 })
    expect(await tagsOf(service, ids[0])).toEqual(['area', 'area/gaza'])
    const tags = await service.tags()
    expect(tags.map((t) => [t.name, t.count])).toEqual([
      ['area', 2],
      ['area/gaza', 1],
      ['other', 1],
    ])
    expect(tags.find((t) => t.name === 'area/gaza')?.color).toBe('#aa0000')
    await service.close()
  })

  it('merges several tags into one and deletes a tag everywhere', async () => {
    const { service, ids } = await archive()
    await service.update(ids[0], { tags: ['a', 'b'] })
    await service.update(ids[1], { tags: ['c'] })
    expect(await service.mergeTags(['a', 'c'], 'b')).toEqual({ count: 2 })
    expect(await tagsOf(service, ids[0])).toEqual(['b'])
    expect(await tagsOf(service, ids[1])).toEqual(['b'])
    expect(await service.deleteTag('b')).toEqual({ count: 2 })
    expect(await service.tags()).toEqual([])
    await service.close()
  })
})
