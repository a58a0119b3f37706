import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openArchiveStore } from '../../../../../../main/archive/store/archive-store.ts'
import {
  formatSyncStatus,
  syncStatus,
} from '../../../../../../main/archive/store/sync/sync-status.ts'
import { tempDir } from '../../../../helpers/temp-dir.ts'

describe('sync status', () => {
  it('names Syncthing from its folder mark, the devices, waiting copies and the last merge', async () => {
    const synced = await tempDir()
    await mkdir(join(synced, '.stfolder'))
    const root = join(synced, 'Quire')
    await (await openArchiveStore(root)).close()
    await writeFile(join(root, 'catalog', '5c.sync-conflict-20261207-191500-ABCDEF7.json'), '{')
    let status = await syncStatus(root)
    expect(status).toMatchObject({
      provider: 'Syncthing',
      syncedFolder: synced,
      ignoresWritten: true,
      deviceId: 'test-device',
      devices: ['test-device'],
      pending: ['catalog/5c.sync-conflict-20261207-191500-ABCDEF7.json'],
      lastMerge: null,
    })
    await (await openArchiveStore(root)).close() // merges: the copy is unreadable, set aside
    status = await syncStatus(root)
    expect(status.pending).toEqual([])
    expect(status.lastMerge?.unmerged[0]?.file).toBe(
      'catalog/5c.sync-conflict-20261207-191500-ABCDEF7.json',
    )
    expect(formatSyncStatus(status)).toMatch(/not merged: catalog\/5c\.sync-conflict/)
  })

  it('says so when no sync engine is seen', async () => {
    const status = await syncStatus(await tempDir())
    expect(status.provider).toBeNull()
    expect(formatSyncStatus(status)).toMatch(/^No sync engine found/)
  })
})
