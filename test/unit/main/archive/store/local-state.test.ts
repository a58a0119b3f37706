import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openArchiveStore } from '../../../../../main/archive/store/archive-store.ts'
import { localDeviceId } from '../../../../../main/archive/store/device.ts'
import { archiveLayout } from '../../../../../main/archive/store/layout.ts'
import { writeSyncIgnores } from '../../../../../main/archive/store/local-state.ts'
import { tempDir } from '../../../helpers/temp-dir.ts'

describe('per-device state', () => {
  it('keeps the lock, journal, index and backups in this device’s folder', async () => {
    const root = await tempDir()
    const store = await openArchiveStore(root)
    expect(store.layout.deviceDir).toBe(join(root, '.local.nosync', 'test-device'))
    expect((await readdir(store.layout.deviceDir)).sort()).toEqual(['journal', 'quire.lock'])
    await store.close()
    // Another device opening the same (synced) folder gets its own, and can write.
    const other = await openArchiveStore(root, { deviceId: 'laptop' })
    expect(other.readOnly).toBe(false)
    expect((await readdir(join(root, '.local.nosync'))).sort()).toEqual(['laptop', 'test-device'])
    await other.close()
  })

  it('writes the .stignore Syncthing reads, keeping the user’s own lines', async () => {
    const root = await tempDir()
    await writeFile(join(root, '.stignore'), '// mine\n*.bak\n')
    expect(await writeSyncIgnores(root)).toBe(true)
    expect(await writeSyncIgnores(root)).toBe(false)
    const text = await readFile(join(root, '.stignore'), 'utf8')
    expect(text).toContain('/.local.nosync\n')
    expect(text).toContain('/journal\n')
    expect(text).toContain('/index\n')
    expect(text).toContain('/.quire.lock\n')
    expect(text.endsWith('// mine\n*.bak\n')).toBe(true)
  })

  it('moves an older archive’s journal and backups into the device folder', async () => {
    const root = await tempDir()
    await (await openArchiveStore(root)).close()
    const layout = archiveLayout(root)
    // As an archive made before device folders: the journal at the top.
    const { rename, rm } = await import('node:fs/promises')
    await rename(layout.journalDir, join(root, 'journal'))
    await rm(layout.deviceDir, { recursive: true })
    await mkdir(join(root, 'index'))
    const store = await openArchiveStore(root)
    const top = await readdir(root)
    expect(top).not.toContain('journal')
    expect(top).not.toContain('index')
    expect(await readdir(layout.journalDir)).not.toEqual([])
    await store.close()
  })

  it('takes the device id from QUIRE_DEVICE_ID, refusing one that is no folder name', () => {
    expect(localDeviceId({ QUIRE_DEVICE_ID: 'desk-1' })).toBe('desk-1')
    expect(() => localDeviceId({ QUIRE_DEVICE_ID: '../x' })).toThrow(/not a device id/)
  })
})
