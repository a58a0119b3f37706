// Quitting the desktop app through the stand-in electron, on every path the user has: what an
// import reported stays, a pending reading position is saved, the archive's lock is released,
// and the app quits once. The archive is checked as it was at the instant the process ended.
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { ListQuerySchema } from '../../../../shared/api.ts'
import type { Article } from '../../../../shared/model.ts'
import { ArchiveService } from '../../../../main/archive/service.ts'
import { lockPath } from '../../../../main/archive/store/lock.ts'
import { onFlushBeforeClose } from '../../../../renderer/src/api/flush-before-close.ts'
import { startDesktop, stopListeningForSignals, writeArticles } from './helpers/desktop-harness.ts'

vi.mock('electron', () => import('./fake-electron.ts'))
vi.mock('electron-store', async () => {
  const { default: Conf } = await import('conf')
  class Store extends Conf<Record<string, unknown>> {
    constructor({ name, ...rest }: { name?: string; cwd: string }) {
      super({ ...rest, configName: name ?? 'config' })
    }
  }
  return { default: Store }
})

const fake = await import('./fake-electron.ts')

afterEach(() => {
  stopListeningForSignals()
  fake.resetStandIn()
})

async function articlesIn(archive: string): Promise<Article[]> {
  const service = await ArchiveService.open(archive)
  try {
    const page = await service.list(ListQuerySchema.parse({ view: 'all', limit: 500 }))
    return Promise.all(page.items.map(async (a) => (await service.get(a.id)).article))
  } finally {
    await service.close()
  }
}

type Desktop = Awaited<ReturnType<typeof startDesktop>>

const QUIT_PATHS: [string, (d: Desktop) => void][] = [
  ['Cmd/Ctrl+Q and the Quit menu (app.quit)', () => fake.app.quit()],
  ['closing the last window', (d) => d.win.close()],
  ['SIGTERM', () => void process.emit('SIGTERM', 'SIGTERM')],
  ['SIGINT (Ctrl+C in a terminal)', () => void process.emit('SIGINT', 'SIGINT')],
]

describe.each(QUIT_PATHS)('quitting by %s', (_name, quit) => {
  it('during an import keeps every item the import reported, releases the lock, quits once', async () => {
    const folder = await writeArticles(300)
    const d = await startDesktop()
    const reported: string[] = []
    let quitting = false
    d.bridge.on('import:progress', (payload) => {
      reported.push((payload as { current: string }).current)
      if (!quitting) {
        quitting = true
        quit(d)
      }
    })
    fake.dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [folder] })
    const template = fake.Menu.buildFromTemplate.mock.calls.at(-1)?.[0] as {
      label?: string
      submenu?: { label?: string; click?: () => void }[]
    }[]
    const file = template.find((m) => m.label === 'File')
    file?.submenu?.find((i) => i.label === 'Import Folder…')?.click?.()

    expect(await fake.app.whenEnded()).toBe(0)
    expect(fake.app.log.filter((s) => s === 'quit')).toEqual(['quit'])
    // The window said why it stayed a moment.
    expect(d.win.title).toMatch(/finishing the import before quitting/)
    expect(d.win.setProgressBar).toHaveBeenCalledWith(2, { mode: 'indeterminate' })
    // Quitting cut the import short: the rest were skipped, not imported after the end.
    expect(reported.length).toBeGreaterThan(0)
    expect(reported.length).toBeLessThan(300)
    expect(existsSync(lockPath(d.snapshot))).toBe(false)
    const stored = new Set((await articlesIn(d.snapshot)).map((a) => a.origin.name))
    const missing = reported.map((p) => p.split(/[\\/]/).at(-1)!).filter((n) => !stored.has(n))
    expect(missing).toEqual([])
  })
})

describe('a reading position waiting to be saved', () => {
  it.each(QUIT_PATHS)('is saved when quitting by %s', async (_name, quit) => {
    const folder = await writeArticles(1)
    const d = await startDesktop()
    await d.running.service.importPaths([folder])
    const page = await d.client.call('articles:list', { view: 'all' })
    const id = page.items[0]!.id
    // What the reader's hook does: the position waits for scrolling to pause, and is written
    // when the window asks (the handshake) or, failing that, on pagehide.
    let pending: number | null = 0.42
    const write = async () => {
      if (pending === null) return
      const progress = pending
      pending = null
      await d.client.call('articles:update', { id, patch: { progress } })
    }
    const off = onFlushBeforeClose(write)
    d.win.webContents.page.addEventListener('pagehide', () => void write())
    try {
      quit(d)
      await fake.app.whenEnded()
    } finally {
      off()
    }
    const saved = (await articlesIn(d.snapshot)).find((a) => a.id === id)
    expect(saved?.progress).toBe(0.42)
    expect(existsSync(lockPath(d.snapshot))).toBe(false)
  })
})

describe('Change… in Settings (relaunch on another folder)', () => {
  it('goes through the same clean quit: bounds saved, lock released, relaunched once', async () => {
    const d = await startDesktop()
    const other = join(d.userData, '..', 'other-archive')
    fake.dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [other] })
    d.win.moveTo({ x: 120, y: 80, width: 1010, height: 720 })
    await expect(d.client.call('app:chooseArchive', {})).resolves.toEqual({ changed: true })
    expect(await fake.app.whenEnded()).toBe(0)
    expect(fake.app.relaunch).toHaveBeenCalledTimes(1)
    expect(fake.app.log).toContain('will-quit')
    expect(existsSync(lockPath(d.snapshot))).toBe(false)
    const saved = JSON.parse(readFileSync(join(d.userData, 'settings.json'), 'utf8'))
    expect(saved.window).toEqual({ x: 120, y: 80, width: 1010, height: 720, maximized: false })
    expect(saved.archivePath).toBe(other)
  })
})
