// A window closes after its page saved; the last one on Windows and Linux quits instead.
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { QuitPhase } from '../../../../main/app/quit-sequence.ts'
import { guardWindowClose } from '../../../../main/app/window-close-guard.ts'
import { FakeApp } from './stand-in/fake-app.ts'
import { FakeBrowserWindow } from './stand-in/fake-window.ts'

const app = new FakeApp()
FakeBrowserWindow.app = app
afterEach(() => app.reset())

function guarded(opts: { phase?: QuitPhase; quitsApp?: boolean; answered?: boolean } = {}) {
  const win = new FakeBrowserWindow({})
  const flush = { request: vi.fn(async () => opts.answered ?? true) }
  const quit = vi.spyOn(app, 'quit').mockImplementation(() => {})
  guardWindowClose(win as never, {
    app: app as never,
    flush,
    quit: { phase: () => opts.phase ?? 'running' },
    quitsApp: () => opts.quitsApp ?? false,
  })
  app.on('window-all-closed', () => {})
  return { win, flush, quit }
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 20))

describe('guardWindowClose', () => {
  it('(macOS, or another window left) asks the page to save, then closes', async () => {
    const { win, flush, quit } = guarded()
    win.close()
    await settle()
    expect(flush.request).toHaveBeenCalledTimes(1)
    expect(win.destroyed).toBe(true)
    expect(quit).not.toHaveBeenCalled()
  })

  it('closes when the page does not answer in time', async () => {
    const { win } = guarded({ answered: false })
    win.close()
    await settle()
    expect(win.destroyed).toBe(true)
  })

  it('(the last window on Windows and Linux) quits the app instead, which then closes it', async () => {
    const { win, flush, quit } = guarded({ quitsApp: true })
    win.close()
    await settle()
    expect(quit).toHaveBeenCalledTimes(1)
    expect(flush.request).not.toHaveBeenCalled()
    expect(win.destroyed).toBe(false)
  })

  it('stays open while the quit prepares, and closes freely once it closes windows', async () => {
    const preparing = guarded({ phase: 'preparing' })
    preparing.win.close()
    await settle()
    expect(preparing.win.destroyed).toBe(false)
    const closing = guarded({ phase: 'closing-windows' })
    closing.win.close()
    await settle()
    expect(closing.win.destroyed).toBe(true)
    expect(closing.flush.request).not.toHaveBeenCalled()
  })
})
