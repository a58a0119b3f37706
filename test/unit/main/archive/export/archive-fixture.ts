// A real archive for the backup and Quire JSON tests: built through ArchiveService from the
// import fixtures, then tagged, annotated, noted, searched, trashed, and given an asset.
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { htmlToText } from '../../../../../shared/html-text.ts'
import { ArchiveService } from '../../../../../main/archive/service.ts'
import { openArchiveStore } from '../../../../../main/archive/store/archive-store.ts'
import { archiveLayout } from '../../../../../main/archive/store/layout.ts'

const FIXTURES = join(import.meta.dirname, '../../../../fixtures/import')
export const ASSET_NAME = `${'ab'.repeat(32)}.png`
export const ASSET_BYTES = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 3, 255, 254])

export async function buildArchive(root: string): Promise<string[]> {
  const service = await ArchiveService.open(root)
  try {
    const report = await service.importPaths([FIXTURES])
    const ids = report.results.flatMap((r) => (r.status === 'imported' ? [r.id] : []))
    if (ids.length !== 2) throw new Error('fixture import failed')
    const extra = join(root, '..', 'extra')
    await mkdir(extra, { recursive: true })
    await writeFile(
      join(extra, 'trashed.txt'),
      'A trashed story\n\nIts only paragraph, to be deleted.\n',
    )
    const trashed = await service.importPaths([join(extra, 'trashed.txt')])
    const trashedId = trashed.results[0]!.status === 'imported' ? trashed.results[0]!.id : ''
    await service.delete([trashedId])

    for (const [i, id] of ids.entries()) {
      await service.update(id, { tags: i ? ['economy'] : ['politics', 'région/غزة'] })
      const { body } = await service.get(id)
      const text = htmlToText(body)
      await service.createAnnotation({
        articleId: id,
        start: 4,
        end: 20,
        color: 'green',
        note: 'A note, with "quotes"\nand a newline — 東京 🎉',
        tags: ['key'],
      })
      await service.createAnnotation({
        articleId: id,
        start: text.length - 10,
        end: text.length,
        color: 'pink',
      })
      await service.setNote(id, `Article note ${i}: שלום, "hi"`)
    }
    await service.setTagColor('politics', '#ff0000')
    await service.saveSearch({ name: 'Bridges', query: 'bridge tag:politics' })
    await mkdir(archiveLayout(root).assetsDir, { recursive: true })
    await writeFile(join(archiveLayout(root).assetsDir, ASSET_NAME), ASSET_BYTES)
    // The two live articles first, the trashed one last.
    return [...ids, trashedId]
  } finally {
    await service.close()
  }
}

/** Everything a restore must bring back, read from disk, in a comparable shape. */
export async function archiveContents(root: string) {
  const store = await openArchiveStore(root, { readOnly: true })
  try {
    const records = [...store.catalog.all()].sort((a, b) => a.id.localeCompare(b.id))
    const bodies = await Promise.all(records.map((r) => store.content.read(r.id)))
    const dir = archiveLayout(root).assetsDir
    const names = (await readdir(dir).catch(() => [] as string[])).sort()
    const assets = await Promise.all(
      names.map(async (n) => [n, [...(await readFile(join(dir, n)))]]),
    )
    return {
      records,
      bodies,
      tags: store.manifest.data.tags,
      savedSearches: store.manifest.data.savedSearches,
      assets,
    }
  } finally {
    await store.close()
  }
}
