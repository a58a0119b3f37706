// Settings > Sync over the contract: the two operations validate their input and answer on
// contract; the folder shown is computed in main, never taken from the page; a merge while
// open is told to the page as `sync:merged` (and `archive:changed` when records changed).
import { existsSync } from 'node:fs'
import { readdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { api, type Handlers } from '../../../../shared/api.ts'
import type { EventName } from '../../../../shared/events.ts'
import { dispatch } from '../../../../main/api/dispatch.ts'
import { createHandlers, type AppActions } from '../../../../main/api/handlers.ts'
import { ArchiveService } from '../../../../main/archive/service.ts'
import { tempDir } from '../../helpers/temp-dir.ts'

type Heard = { event: EventName; payload: unknown }[]

async function open(app?: AppActions) {
  const root = await tempDir()
  const service = await ArchiveService.open(root)
  const heard: Heard = []
  const handlers: Handlers = createHandlers(
    service,
    (event, payload) => heard.push({ event, payload }),
    app,
  )
  return { root, service, handlers, heard }
}

const COPY = '5c.sync-conflict-20261208-020000-LAPTOP1.json'

describe('sync:status', () => {
  it('refuses any input but an empty object', async () => {
    const { service, handlers } = await open()
    for (const input of [{ root: '/etc' }, { path: '../x' }, [], 'status', 42]) {
      const r = await dispatch(handlers, 'sync:status', input)
      expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    }
    await service.close()
  })

  it('answers on contract: this device, the devices seen, no engine, no merge yet', async () => {
    const { service, handlers } = await open()
    const r = await dispatch(handlers, 'sync:status', {})
    expect(r.ok).toBe(true)
    if (!r.ok) return
    const status = api['sync:status'].output.parse(r.value)
    expect(status).toMatchObject({
      provider: null,
      syncedFolder: null,
      device: { id: 'test-device' },
      devices: ['test-device'],
      pending: [],
      lastMerge: null,
      unmergedFolder: '.local.nosync/test-device/unmerged',
    })
    expect(status.device.name.length).toBeGreaterThan(0)
    expect(r.value).not.toHaveProperty('deviceId')
    await service.close()
  })
})

describe('sync:revealUnmerged', () => {
  it('refuses a path from the page', async () => {
    const opened: string[] = []
    const { service, handlers } = await open({
      chooseArchive: async () => ({ changed: false }),
      openFolder: async (p) => (opened.push(p), true),
    })
    const r = await dispatch(handlers, 'sync:revealUnmerged', { path: '/etc' })
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    expect(opened).toEqual([])
    await service.close()
  })

  it("opens this device's unmerged folder in the desktop app", async () => {
    const opened: string[] = []
    const { root, service, handlers } = await open({
      chooseArchive: async () => ({ changed: false }),
      openFolder: async (p) => (opened.push(p), true),
    })
    const r = await dispatch(handlers, 'sync:revealUnmerged', {})
    expect(r).toEqual({ ok: true, value: { opened: true } })
    expect(opened).toEqual([join(root, '.local.nosync', 'test-device', 'unmerged')])
    expect(existsSync(opened[0]!)).toBe(true)
    await service.close()
  })

  it('answers opened: false in the browser shell and writes nothing', async () => {
    const { root, service, handlers } = await open()
    const before = await readdir(join(root, '.local.nosync', 'test-device'))
    const r = await dispatch(handlers, 'sync:revealUnmerged', {})
    expect(r).toEqual({ ok: true, value: { opened: false } })
    expect(await readdir(join(root, '.local.nosync', 'test-device'))).toEqual(before)
    await service.close()
  })
})

describe('sync:merged', () => {
  it('tells the page when a look merged or set aside a copy, and nothing otherwise', async () => {
    const { root, service, heard } = await open()
    await service.sync.poll()
    expect(heard.filter((h) => h.event === 'sync:merged')).toEqual([])
    await writeFile(join(root, 'catalog', COPY), '{')
    await service.sync.poll()
    expect(heard.find((h) => h.event === 'sync:merged')?.payload).toMatchObject({
      files: 0,
      records: 0,
      unmerged: 1,
    })
    // Nothing changed in the records: the library need not reload.
    expect(heard.some((h) => h.event === 'archive:changed')).toBe(false)
    const status = await service.sync.status()
    expect(status.unmergedKept).toHaveLength(1)
    expect(status.lastMerge?.unmerged[0]?.keptAt).toBe(
      `${status.unmergedFolder}/${status.unmergedKept[0]}`,
    )
    await service.close()
  })
})
