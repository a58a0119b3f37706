import { createHash } from 'node:crypto'
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ArchiveService } from '../../../../../main/archive/service.ts'
import { writeFileAtomic } from '../../../../../main/archive/store/atomic-write.ts'
import {
  openArchiveStore,
  type OpenOptions,
} from '../../../../../main/archive/store/archive-store.ts'
import { sealedBackups } from '../../../../../main/archive/store/backups.ts'
import { archiveLayout } from '../../../../../main/archive/store/layout.ts'
import { makeArticle } from '../../../helpers/article.ts'
import { tempDir } from '../../../helpers/temp-dir.ts'
import { devicePath } from '../../../helpers/device-paths.ts'
import { existsSync } from 'node:fs'

const DAY = 24 * 60 * 60 * 1000
const T0 = Date.parse('2024-06-01T09:00:00.000Z')

/** An archive with records in three shards, closed again; its first backup not made yet. */
async function archiveWithRecords(): Promise<string> {
  const root = await tempDir()
  const store = await openArchiveStore(root)
  for (const id of [
    '0a00000000000001',
    '0a00000000000002',
    '7f00000000000001',
    'ff00000000000001',
  ]) {
    store.catalog.put(makeArticle({ id }))
  }
  await store.catalog.flush()
  await store.close()
  return root
}

/** Open as ArchiveService does: the daily backup runs right after open, before any write. */
async function openAt(root: string, time: number, more: OpenOptions = {}) {
  const store = await openArchiveStore(root, { now: () => new Date(time), ...more })
  await store.backupIfDue()
  return store
}

const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex')

describe('backups', () => {
  it('are made on open at most daily, of quire.json and catalog/ only, and sealed', async () => {
    const root = await archiveWithRecords()
    expect(existsSync(devicePath(root, 'backups'))).toBe(false) // not for a brand-new archive
    await (await openAt(root, T0)).close()
    await (await openAt(root, T0 + DAY - 1)).close()
    expect(await readdir(devicePath(root, 'backups'))).toEqual(['2024-06-01T09-00-00-000Z'])
    await (await openAt(root, T0 + DAY)).close()
    expect(await readdir(devicePath(root, 'backups'))).toEqual([
      '2024-06-01T09-00-00-000Z',
      '2024-06-02T09-00-00-000Z',
    ])

    const dir = devicePath(root, 'backups', '2024-06-01T09-00-00-000Z')
    expect((await readdir(dir, { recursive: true })).sort()).toEqual([
      'catalog',
      'catalog/0a.json',
      'catalog/7f.json',
      'catalog/ff.json',
      'manifest.json',
      'quire.json',
    ])
    const manifest = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8'))
    expect(manifest).toMatchObject({ format: 'quire-backup', records: 4 })
    expect(manifest.files['catalog/0a.json'].records).toBe(2)
    for (const [rel, entry] of Object.entries(manifest.files) as [string, { sha256: string }][]) {
      const bytes = await readFile(join(dir, rel))
      expect(sha(bytes)).toBe(entry.sha256)
      expect(bytes.equals(await readFile(join(root, rel)))).toBe(true)
    }
  })

  it('keep the newest 7 verified ones', async () => {
    const root = await archiveWithRecords()
    for (let day = 0; day < 10; day++) await (await openAt(root, T0 + day * DAY)).close()
    const names = await readdir(devicePath(root, 'backups'))
    expect(names.sort()).toEqual(
      Array.from({ length: 7 }, (_, i) =>
        new Date(T0 + (i + 3) * DAY).toISOString().replace(/[:.]/g, '-'),
      ),
    )
  })

  it('made on demand never push the daily ones out', async () => {
    const root = await archiveWithRecords()
    for (let day = 0; day < 7; day++) await (await openAt(root, T0 + day * DAY)).close()
    // Five backups on demand on the last day, an hour apart.
    const lastDay = T0 + 6 * DAY
    for (let h = 1; h <= 5; h++) {
      const store = await openArchiveStore(root, { now: () => new Date(lastDay + h * 3600_000) })
      await store.backup()
      await store.close()
    }
    const names = (await readdir(devicePath(root, 'backups'))).sort()
    const days = new Set(names.map((n) => n.slice(0, 10)))
    expect(days.size).toBe(7)
    // The 7 daily ones (the last day's newest stands for it) plus the 3 newest on demand.
    expect(names).toHaveLength(6 + 3)
  })

  it('ignore a backup without manifest.json, and remove it with the next rotation', async () => {
    const root = await archiveWithRecords()
    const store = await openAt(root, T0)
    await store.close()
    // A backup cut short by a crash: files but no seal, and newer than the sealed one.
    const torn = devicePath(root, 'backups', '2024-06-01T10-00-00-000Z')
    await mkdir(join(torn, 'catalog'), { recursive: true })
    await writeFile(join(torn, 'quire.json'), '{"format":"quire-arch')
    const layout = archiveLayout(root)
    expect((await sealedBackups(layout)).map((b) => b.name)).toEqual(['2024-06-01T09-00-00-000Z'])
    // It does not count as today's backup either: the next open (a day later) makes one.
    const later = await openAt(root, T0 + DAY)
    expect((await sealedBackups(layout)).map((b) => b.name)).toEqual([
      '2024-06-02T09-00-00-000Z',
      '2024-06-01T09-00-00-000Z',
    ])
    expect(await readdir(devicePath(root, 'backups'))).not.toContain('2024-06-01T10-00-00-000Z')
    await later.close()
  })

  it('are verified after writing: a copy that reads back different is never sealed', async () => {
    const root = await archiveWithRecords()
    // A disk that garbles what is written under backups/.
    const writeFile: OpenOptions['writeFile'] = (path, data) =>
      writeFileAtomic(path, path.includes('backups') ? `${String(data)} ` : data)
    const store = await openAt(root, T0, { writeFile })
    expect(store.backupError).toMatch(/The backup could not be made: .* reads back different/)
    expect(await sealedBackups(archiveLayout(root))).toEqual([])
    expect(await readdir(devicePath(root, 'backups'))).toEqual([])
    await expect(store.backup()).rejects.toThrow(/reads back different/)
    await store.close()
  })

  it('can be made on demand, and refuse to snapshot records the disk does not have', async () => {
    const root = await archiveWithRecords()
    const store = await openAt(root, T0)
    const info = await store.backup()
    expect(info).toMatchObject({ records: 4, files: 4, createdAt: '2024-06-01T09:00:00.000Z' })
    expect(info.name).toBe('2024-06-01T09-00-00-000Z-1') // the open made the first one
    store.catalog.put(makeArticle({ id: '1100000000000001' })) // not flushed, a new shard
    await expect(store.backup()).rejects.toThrow(/holds 4 records where the catalog has 5/)
    store.catalog.remove('1100000000000001')
    store.catalog.put(makeArticle({ id: '0a00000000000009' })) // not flushed, a shard on disk
    await expect(store.backup()).rejects.toThrow(/catalog\/0a\.json has changes not yet saved/)
    await store.close()
  })

  it('are made by ArchiveService after open, before the session writes anything', async () => {
    const root = await archiveWithRecords()
    const service = await ArchiveService.open(root, { now: () => new Date(T0) })
    await service.update('7f00000000000001', { title: 'Edited after the backup' })
    const [daily] = await sealedBackups(archiveLayout(root))
    expect(daily).toMatchObject({ createdAt: '2024-06-01T09:00:00.000Z', records: 4 })
    const shard = await readFile(join(daily!.dir, 'catalog', '7f.json'), 'utf8')
    expect(shard).not.toContain('Edited after the backup')
    expect(await service.backup()).toMatchObject({ name: '2024-06-01T09-00-00-000Z-1' })
    await service.close()
  })
})
