// A Quire that opened an archive read-only (another one holds it) searches it with an index
// of its own, follows the writer's changes, and becomes the writer once the lock is free.
import { readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ArchiveService } from '../../../../../main/archive/service.ts'
import { SearchInputSchema } from '../../../../../shared/api.ts'
import { tempDir } from '../../../helpers/temp-dir.ts'
import { devicePath } from '../../../helpers/device-paths.ts'

const FIXTURES = join(import.meta.dirname, '../../../../fixtures/import')
const story = (title: string) => ({
  name: `${title}.txt`,
  bytes: new TextEncoder().encode(`${title}\n\nA paragraph about the ${title} in the harbour.\n`),
})
const titles = async (s: ArchiveService, query: string) =>
  (await s.search(SearchInputSchema.parse({ query }))).items.map((a) => a.title).sort()

describe('a read-only archive', () => {
  it('searches with its own index, follows the writer, and takes over its lock', async () => {
    const root = join(await tempDir(), 'archive')
    const writer = await ArchiveService.open(root)
    await writer.importPaths([FIXTURES])
    const reader = await ArchiveService.open(root)
    try {
      expect((await reader.info()).readOnly).toBe(true)
      // No index/ of the writer's is created or touched by the reader.
      expect(await titles(reader, 'bridge')).toEqual([
        'Council approves new river bridge after long debate',
      ])
      const index = await readdir(devicePath(root, 'index')).catch(() => [] as string[])
      expect(index.filter((n) => n.startsWith('search.sqlite'))).toEqual([])

      // The writer imports; the reader sees it after its next look (a timer does it too).
      await writer.importUploads([story('Lighthouse')])
      await reader.followWriter()
      expect((await reader.info()).articleCount).toBe(3)
      expect(await titles(reader, 'lighthouse')).toEqual(['Lighthouse'])

      // The writer lets go: the reader becomes the writer, and its writes stick.
      await writer.close()
      await reader.followWriter()
      expect((await reader.info()).readOnly).toBe(false)
      const report = await reader.importUploads([story('Ferry')])
      expect(report.imported).toBe(1)
      expect(await titles(reader, 'ferry')).toEqual(['Ferry'])
    } finally {
      await writer.close()
      await reader.close()
    }
    const again = await ArchiveService.open(root)
    expect((await again.info()).articleCount).toBe(4)
    await again.close()
  })
})
