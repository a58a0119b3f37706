// Emptying the trash on an archive another device shares: the desk deletes an article for
// good while the laptop, apart, highlights it. The merge brings the record back (the later
// edit outlives the deletion), so its body must still exist: it waits in swept/, carried by
// the sync engine like any file, and goes back to content/ when the record returns.
import { existsSync } from 'node:fs'
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ArchiveService } from '../../../../../../main/archive/service.ts'
import { archiveLayout, shardKey, shardPath } from '../../../../../../main/archive/store/layout.ts'
import { stampChanges, stampOf } from '../../../../../../main/archive/store/sync/stamp.ts'
import type { Article } from '../../../../../../shared/model.ts'
import { tempDir } from '../../../../helpers/temp-dir.ts'

const TEXT = 'The ferry log\n\nThe ferry left at dawn and came back with the mail at noon.\n'

async function importOne(root: string, deviceId: string): Promise<string> {
  const file = join(root, '..', `${deviceId}-ferry.txt`)
  await writeFile(file, TEXT)
  const service = await ArchiveService.open(root, { deviceId })
  const report = await service.importPaths([file], {})
  await service.close()
  const first = report.results[0]
  if (first?.status !== 'imported') throw new Error('the import failed')
  return first.id
}

describe('emptying the trash of a shared archive', () => {
  it('keeps the body aside until the record comes back from the other device', async () => {
    const root = join(await tempDir(), 'archive')
    const id = await importOne(root, 'desk')
    const layout = archiveLayout(root, 'desk')
    // The laptop writes to the folder too: from now on the archive is shared.
    const laptop = await ArchiveService.open(root, { deviceId: 'laptop' })
    await laptop.update(id, { favorite: true })
    await laptop.close()
    const shard = shardPath(layout, shardKey(id))
    const laptopCopy = JSON.parse(await readFile(shard, 'utf8')) as {
      articles: Record<string, Article>
    }

    const desk = await ArchiveService.open(root, { deviceId: 'desk' })
    await desk.delete([id])
    expect(await desk.emptyTrash()).toEqual({ count: 1 })
    await desk.close()
    expect(existsSync(join(layout.contentDir, `${id}.html`))).toBe(false)
    expect(existsSync(join(layout.sweptDir, 'content', `${id}.html`))).toBe(true)

    // Later, on the laptop: a highlight on the article the desk deleted.
    const before = laptopCopy.articles[id]!
    const at = new Date(Date.now() + 1000).toISOString()
    const highlighted: Article = {
      ...before,
      annotations: [
        {
          id: 'aa00000000000001',
          createdAt: at,
          updatedAt: at,
          color: 'yellow',
          note: 'Check the timetable',
          tags: [],
          target: {
            quote: { type: 'TextQuoteSelector', exact: 'ferry', prefix: 'The ', suffix: ' left' },
            position: { type: 'TextPositionSelector', start: 4, end: 9 },
          },
          orphaned: false,
        },
      ],
    }
    laptopCopy.articles[id] = stampChanges(before, highlighted, stampOf(at, 'laptop'))
    const copy = join(
      layout.catalogDir,
      `${shardKey(id)}.sync-conflict-20261208-020000-LAPTOP1.json`,
    )
    await writeFile(copy, JSON.stringify(laptopCopy))

    const again = await ArchiveService.open(root, { deviceId: 'desk' })
    try {
      const back = await again.get(id)
      expect(back.article.annotations.map((a) => a.note)).toEqual(['Check the timetable'])
      expect(back.body).toContain('came back with the mail at noon')
      expect(existsSync(join(layout.contentDir, `${id}.html`))).toBe(true)
      expect(existsSync(copy)).toBe(false)
    } finally {
      await again.close()
    }
  })

  it('deletes the body at once on an archive only this device writes', async () => {
    const root = join(await tempDir(), 'archive')
    const id = await importOne(root, 'desk')
    const layout = archiveLayout(root, 'desk')
    const desk = await ArchiveService.open(root, { deviceId: 'desk' })
    await desk.delete([id])
    await desk.emptyTrash()
    await desk.close()
    expect(existsSync(join(layout.contentDir, `${id}.html`))).toBe(false)
    expect(existsSync(join(layout.sweptDir, 'content', `${id}.html`))).toBe(false)
  })
})
