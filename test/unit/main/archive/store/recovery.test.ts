import { readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ArchiveService } from '../../../../../main/archive/service.ts'
import { openArchiveStore } from '../../../../../main/archive/store/archive-store.ts'
import { makeArticle } from '../../../helpers/article.ts'
import { tempDir } from '../../../helpers/temp-dir.ts'
import { holdArchive } from './helpers/hold.ts'
import { devicePath } from '../../../helpers/device-paths.ts'

const DAY = 24 * 60 * 60 * 1000
const T0 = Date.parse('2024-06-01T09:00:00.000Z')
const at = (time: number) => ({ now: () => new Date(time) })

const A = makeArticle({ id: '5c00000000000001', title: 'In the backup' })
const B = makeArticle({ id: '5c00000000000002', title: 'After the backup' })
const C = makeArticle({ id: '9900000000000001', title: 'Other shard' })

/** Records A and C, backed up at T0; then B added after the backup. */
async function backedUpArchive(): Promise<string> {
  const root = await tempDir()
  const store = await openArchiveStore(root, at(T0))
  store.catalog.put(A)
  store.catalog.put(C)
  await store.catalog.flush()
  store.manifest.data.tags.push({ name: 'kept', color: '#123456' })
  await store.manifest.write()
  await store.close()
  const second = await openArchiveStore(root, at(T0))
  expect(await second.backupIfDue()).toMatchObject({ records: 2 })
  second.catalog.put(B)
  await second.catalog.flush()
  await second.close()
  return root
}

const GARBLED = '{"articles": {"5c00000000000001": {"title": "In the b'

describe('damaged files', () => {
  it('rebuilds a damaged shard from the backup and the journal, keeping the damaged bytes', async () => {
    const root = await backedUpArchive()
    const shard = join(root, 'catalog', '5c.json')
    await writeFile(shard, GARBLED)

    const service = await ArchiveService.open(root, at(T0 + 1000))
    expect(service.recoveries).toEqual([
      {
        file: 'catalog/5c.json',
        restoredFrom: 'backups/2024-06-01T09-00-00-000Z',
        backupDate: '2024-06-01T09:00:00.000Z',
        changesReplayed: 1,
        lost: null,
        message: expect.stringMatching(
          /^catalog\/5c\.json is damaged \(not valid JSON \(.+\)\)\. It was kept as catalog\/5c\.json\.damaged and rebuilt from the backup of 2024-06-01T09:00:00\.000Z and 1 change journaled since\. Nothing was lost\.$/,
        ),
      },
    ])
    expect((await service.info()).readOnly).toBe(false)
    expect(
      (
        await service.list({ view: 'all', sort: 'title', order: 'asc', offset: 0, limit: 50 })
      ).items.map((a) => a.title),
    ).toEqual(['After the backup', 'In the backup', 'Other shard'])
    expect(await readFile(`${shard}.damaged`, 'utf8')).toBe(GARBLED)
    const restored = JSON.parse(await readFile(shard, 'utf8'))
    expect(Object.keys(restored.articles).sort()).toEqual([A.id, B.id])
    await service.close()

    // Damaged again: the earlier evidence stays, the new one gets a dated name.
    await writeFile(shard, 'garbage 2')
    const again = await openArchiveStore(root, at(T0 + 2000))
    expect(again.recoveries).toHaveLength(1)
    expect(again.recoveries[0]!.message).toMatch(
      /kept as catalog\/5c\.json\.2024-06-01T09-00-02-000Z\.damaged/,
    )
    expect(await readFile(`${shard}.damaged`, 'utf8')).toBe(GARBLED)
    expect(await readFile(`${shard}.2024-06-01T09-00-02-000Z.damaged`, 'utf8')).toBe('garbage 2')
    await again.close()
  })

  it('restores a damaged quire.json (tags kept) from the backup', async () => {
    const root = await backedUpArchive()
    await writeFile(
      join(root, 'quire.json'),
      '{"format": "quire-archive", "schemaVersion": 1, "tags": 7}',
    )
    const store = await openArchiveStore(root, at(T0 + 1000))
    expect(store.recoveries).toMatchObject([
      {
        file: 'quire.json',
        restoredFrom: 'backups/2024-06-01T09-00-00-000Z',
        message: expect.stringMatching(/^quire\.json is damaged \(unexpected content at/),
      },
    ])
    expect(store.readOnly).toBe(false)
    expect(store.manifest.data.tags).toEqual([{ name: 'kept', color: '#123456' }])
    expect(store.catalog.size).toBe(3) // records are untouched by a manifest restore
    expect(await readdir(root)).toContain('quire.json.damaged')
    await store.close()
  })

  it('skips a backup whose copy fails its checksum, and uses an older one', async () => {
    const root = await backedUpArchive()
    const later = await openArchiveStore(root, at(T0 + DAY))
    await later.backupIfDue() // a second, newer backup
    await later.close()
    const newest = devicePath(root, 'backups', '2024-06-02T09-00-00-000Z', 'catalog', '5c.json')
    const bytes = await readFile(newest, 'utf8')
    await writeFile(newest, bytes.replace('After the backup', 'Bit-rotted value'))
    await writeFile(join(root, 'catalog', '5c.json'), GARBLED)
    const store = await openArchiveStore(root, at(T0 + DAY + 1000))
    expect(store.recoveries[0]).toMatchObject({
      restoredFrom: 'backups/2024-06-01T09-00-00-000Z',
      // The journal of the day between the two backups went with the newer one: named.
      lost: expect.stringMatching(
        /^changes made to it between 2024-06-01T09:00:00\.000Z and 2024-06-02T09:00:00\.000Z were not journaled$/,
      ),
    })
    expect(store.recoveries[0]!.message).toMatch(/What could not be recovered: changes made/)
    await store.close()
  })

  it('opens read-only and leaves the file in place when no backup has it', async () => {
    const root = await backedUpArchive()
    await rm(devicePath(root, 'backups'), { recursive: true })
    const shard = join(root, 'catalog', '5c.json')
    await writeFile(shard, GARBLED)
    const service = await ArchiveService.open(root, at(T0 + 1000))
    expect(service.recoveries).toEqual([
      {
        file: 'catalog/5c.json',
        restoredFrom: null,
        backupDate: null,
        changesReplayed: 0,
        lost: 'the whole file',
        message: expect.stringContaining(
          'and neither a backup nor the journal can rebuild it. The file was left in place and the archive opened read-only',
        ),
      },
    ])
    expect(await service.info()).toMatchObject({ readOnly: true, articleCount: 1 })
    await expect(service.update(C.id, { title: 'x' })).rejects.toMatchObject({
      code: 'READ_ONLY',
      message: expect.stringContaining('catalog/5c.json is damaged'),
    })
    await service.close()
    expect(await readFile(shard, 'utf8')).toBe(GARBLED)
    expect(await readdir(join(root, 'catalog'))).toEqual(['5c.json', '99.json'])
  })

  it('opens read-only with a default manifest when quire.json cannot be restored', async () => {
    const root = await backedUpArchive()
    await rm(devicePath(root, 'backups'), { recursive: true })
    await writeFile(join(root, 'quire.json'), '')
    const store = await openArchiveStore(root)
    expect(store.readOnly).toBe(true)
    expect(store.recoveries.map((r) => r.file)).toEqual(['quire.json'])
    expect(store.catalog.size).toBe(3)
    await store.close()
    expect(await readFile(join(root, 'quire.json'), 'utf8')).toBe('')
  })

  it('only reports a damaged file while another Quire holds the archive', async () => {
    const root = await backedUpArchive()
    const holder = await holdArchive(root)
    try {
      await writeFile(join(root, 'catalog', '5c.json'), GARBLED)
      const store = await openArchiveStore(root)
      expect(store.recoveries).toEqual([
        expect.objectContaining({
          file: 'catalog/5c.json',
          restoredFrom: null,
          message: expect.stringMatching(/left as it is, because this archive is read-only here/),
        }),
      ])
      expect(await readdir(join(root, 'catalog'))).toEqual(['5c.json', '99.json'])
    } finally {
      await holder.release()
    }
  })
})
