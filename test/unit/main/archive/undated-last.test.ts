// Sorting by publication date puts undated articles last, newest or oldest first alike,
// in the scan of the catalog and in the index.
import { describe, expect, it } from 'vitest'
import { ListQuerySchema } from '../../../../shared/api.ts'
import { ArchiveService } from '../../../../main/archive/service.ts'
import { tempDir } from '../../helpers/temp-dir.ts'

const page = (title: string, date?: string) => ({
  name: `${title}.html`,
  bytes: new TextEncoder().encode(
    `<html><head><title>${title}</title>${date ? `<meta property="article:published_time" content="${date}">` : ''}</head><body><article><h1>${title}</h1><p>${`${title} is a story told in plenty of ordinary words for the reader to keep. `.repeat(6)}</p></article></body></html>`,
  ),
})

describe('sort by published', () => {
  it('lists undated articles last in both directions, scanned and indexed', async () => {
    const service = await ArchiveService.open(await tempDir())
    await service.importUploads([
      page('Undated', undefined),
      page('Older', '2020-01-01'),
      page('Newer', '2024-01-01'),
    ])
    const titles = async (order: 'asc' | 'desc') =>
      (await service.list(ListQuerySchema.parse({ sort: 'published', order }))).items.map(
        (a) => a.title,
      )
    expect(await titles('desc')).toEqual(['Newer', 'Older', 'Undated'])
    expect(await titles('asc')).toEqual(['Older', 'Newer', 'Undated'])
    await service.startIndex().whenReady()
    expect(await titles('desc')).toEqual(['Newer', 'Older', 'Undated'])
    expect(await titles('asc')).toEqual(['Older', 'Newer', 'Undated'])
    const undated = (await service.list(ListQuerySchema.parse({}))).items.find(
      (a) => a.title === 'Undated',
    )
    expect(undated?.publishedAt).toBeUndefined()
    await service.close()
  })
})
