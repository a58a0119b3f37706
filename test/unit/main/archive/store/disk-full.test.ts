import { readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ArchiveService, type Upload } from '../../../../../main/archive/service.ts'
import { writeFileAtomic, type FileWriter } from '../../../../../main/archive/store/atomic-write.ts'
import type { JournalAppend } from '../../../../../main/archive/store/journal.ts'
import { tempDir } from '../../../helpers/temp-dir.ts'
import { archiveTree } from './helpers/archive-tree.ts'

const FIXTURES = join(import.meta.dirname, '../../../../fixtures/import')

function enospc(path: string): Error {
  return Object.assign(new Error(`ENOSPC: no space left on device, write '${path}'`), {
    code: 'ENOSPC',
  })
}

/** A writer that fails like a full disk for the paths `full` picks, and writes the rest. */
function diskFullFor(full: (path: string) => boolean): FileWriter {
  return async (path, data) => {
    if (full(path)) throw enospc(path)
    await writeFileAtomic(path, data)
  }
}

/** A journal that takes `room` more commits, then fails each like a full disk. */
function journalFullAfter(room: number): JournalAppend {
  let left = room
  return async (handle, bytes, position) => {
    if (left-- <= 0) {
      // Part of the line reaches the disk first, as on a real full disk.
      await handle.write(bytes.subarray(0, 7), 0, 7, position)
      throw enospc('journal')
    }
    await handle.write(bytes, 0, bytes.length, position)
    await handle.datasync()
  }
}

function uploads(n: number): Upload[] {
  return Array.from({ length: n }, (_, i) => ({
    name: `story-${i}.txt`,
    bytes: new TextEncoder().encode(`Story number ${i}\n\nIts own body, paragraph ${i}.\n`),
  }))
}

/** An archive holding the two fixtures, closed, with today's backup already made. */
async function archive(): Promise<string> {
  const root = join(await tempDir(), 'archive')
  const service = await ArchiveService.open(root)
  await service.importPaths([FIXTURES])
  await service.close()
  await (await ArchiveService.open(root)).close()
  return root
}

describe('a full disk', () => {
  it('fails each item of an import whose records cannot be saved, and changes nothing', async () => {
    const root = await archive()
    const service = await ArchiveService.open(root, { journalAppend: journalFullAfter(0) })
    await service.swept // the sweep after open writes index/sweep.json: not this test's change
    const before = await archiveTree(root)
    const report = await service.importUploads(uploads(5))
    expect(report).toMatchObject({ imported: 0, failed: 5 })
    for (const r of report.results) {
      expect(r).toEqual({
        status: 'failed',
        source: expect.stringMatching(/^story-\d\.txt$/),
        error: { code: 'IO', message: 'not saved: the disk is full' },
      })
    }
    expect(await archiveTree(root)).toEqual(before) // the bodies written first are gone again
    expect((await service.info()).articleCount).toBe(2)
    await service.close()

    // It still opens, and once there is room the same files import (nothing half-remembered).
    const again = await ArchiveService.open(root)
    expect(again.recoveries).toEqual([])
    expect((await again.info()).articleCount).toBe(2)
    expect(await again.importUploads(uploads(5))).toMatchObject({ imported: 5, failed: 0 })
    await again.close()
  })

  it('fails each item when not even the bodies can be written', async () => {
    const root = await archive()
    const service = await ArchiveService.open(root, { writeFile: diskFullFor(() => true) })
    await service.swept // the sweep after open writes index/sweep.json: not this test's change
    const before = await archiveTree(root)
    const report = await service.importUploads(uploads(3))
    expect(report.results.map((r) => r.status === 'failed' && r.error)).toEqual(
      Array(3).fill({ code: 'IO', message: 'the disk is full' }),
    )
    expect(await archiveTree(root)).toEqual(before)
    await service.close()
  })

  it('keeps exactly the items committed before the disk filled mid-import', async () => {
    // One commit fits: it holds the first items to finish (up to the 16 in flight), never
    // the last 8, which start only once an earlier item is committed.
    const root = await archive()
    const service = await ArchiveService.open(root, { journalAppend: journalFullAfter(1) })
    const report = await service.importUploads(uploads(24))
    const imported = report.results.flatMap((r) => (r.status === 'imported' ? [r.id] : []))
    expect(report.imported + report.failed).toBe(24)
    expect(report.imported).toBeGreaterThan(0)
    expect(report.failed).toBeGreaterThan(0)
    for (const r of report.results) {
      if (r.status === 'failed') expect(r.error.message).toBe('not saved: the disk is full')
    }
    // The commit after the failed one cuts off its torn line: the journal stays readable.
    await expect(service.update(imported[0]!, { title: 'x' })).rejects.toMatchObject({
      code: 'IO',
    })
    await service.close()
    const again = await ArchiveService.open(root)
    expect((await again.info()).articleCount).toBe(2 + imported.length)
    for (const id of imported) expect((await again.get(id)).article.id).toBe(id)
    const bodies = await readdir(join(root, 'content'))
    expect(bodies).toHaveLength(2 + imported.length)
    await again.close()
  })

  it('rejects an edit with IO, keeps the old value in memory and on disk', async () => {
    const root = await archive()
    const service = await ArchiveService.open(root, { journalAppend: journalFullAfter(0) })
    const [first] = (
      await service.list({ view: 'all', sort: 'title', order: 'asc', offset: 0, limit: 9 })
    ).items
    await service.swept // the sweep after open writes index/sweep.json: not this test's change
    const before = await archiveTree(root)
    await expect(service.update(first!.id, { title: 'Lost?' })).rejects.toMatchObject({
      code: 'IO',
      message: 'Could not save the change: the disk is full.',
    })
    await expect(service.delete([first!.id])).rejects.toMatchObject({ code: 'IO' })
    expect((await service.get(first!.id)).article).toMatchObject({
      title: first!.title,
      deletedAt: null,
    })
    expect(await archiveTree(root)).toEqual(before)
    await service.close()
    const again = await ArchiveService.open(root)
    expect((await again.get(first!.id)).article.title).toBe(first!.title)
    await again.close()
  })
})
