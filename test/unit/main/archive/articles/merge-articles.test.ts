// Merging duplicates already in the archive: union of tags, notes and highlights in the kept
// copy, the others in the trash (restorable), nothing lost.
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ArchiveService } from '../../../../../main/archive/service.ts'
import { tempDir } from '../../../helpers/temp-dir.ts'

const TEXT = 'Harbour closes\n\nShips waited outside the port until the storm passed.\n'

describe('merging articles', () => {
  it('keeps the first with the union of everything, trashes the others', async () => {
    const dir = await tempDir()
    const service = await ArchiveService.open(join(dir, 'a'))
    await writeFile(join(dir, 'one.txt'), TEXT)
    await writeFile(join(dir, 'two.txt'), TEXT.replace('Ships', 'The ships'))
    const report = await service.importPaths([join(dir, 'one.txt'), join(dir, 'two.txt')])
    const [a, b] = report.results.map((r) => (r.status === 'imported' ? r.id : ''))
    await service.update(a!, { tags: ['port'] })
    await service.update(b!, { tags: ['storm'], favorite: true })
    await service.setNote(b!, 'Second copy note')
    const text = (await service.get(b!)).body
    expect(text).toContain('The ships')
    const start = 'The ships waited outside the port until the storm passed.'.indexOf('storm')
    await service.createAnnotation({
      articleId: b!,
      start,
      end: start + 5,
      color: 'green',
      note: 'n',
    })

    const kept = await service.mergeArticles([a!, b!])
    expect(kept.id).toBe(a)
    expect(kept.tags).toEqual(['port', 'storm'])
    expect(kept.favorite).toBe(true)
    expect(kept.note).toBe('Second copy note')
    expect(kept.annotations).toHaveLength(1)
    const { anchors } = await service.get(a!)
    expect(anchors[0]!.status).not.toBe('orphaned')
    expect((await service.get(b!)).article.deletedAt).not.toBeNull()
    await expect(service.mergeArticles([a!])).rejects.toMatchObject({ code: 'INVALID_INPUT' })
    await service.close()
  })
})
