// The stand-in electron module against Electron 45's documented lifecycle: if these fail, the
// app's lifecycle tests prove nothing.
import { afterEach, describe, expect, it } from 'vitest'
import { app, FakeBrowserWindow, resetStandIn, utilityProcess } from './fake-electron.ts'

afterEach(() => resetStandIn())

const tick = () => new Promise((resolve) => setImmediate(resolve))

describe('the stand-in app', () => {
  it('quit(): before-quit, each window close and closed, will-quit, quit — no window-all-closed', async () => {
    new FakeBrowserWindow({})
    app.on('window-all-closed', () => {})
    app.quit()
    expect(await app.whenEnded()).toBe(0)
    expect(app.log).toEqual(['before-quit', 'close', 'closed', 'will-quit', 'quit'])
  })

  it('closing the last window emits window-all-closed when someone listens, and does not quit', async () => {
    const win = new FakeBrowserWindow({})
    app.on('window-all-closed', () => {})
    win.close()
    await tick()
    await tick()
    expect(app.log).toEqual(['close', 'closed', 'window-all-closed'])
    expect(app.ended).toBe(false)
  })

  it('a prevented before-quit closes nothing; a prevented close cancels the quit', async () => {
    const win = new FakeBrowserWindow({})
    app.once('before-quit', (e) => e.preventDefault())
    app.quit()
    await tick()
    expect(win.destroyed).toBe(false)
    win.once('close', (e: { preventDefault(): void }) => e.preventDefault())
    app.quit()
    await tick()
    expect(win.destroyed).toBe(false)
    expect(app.ended).toBe(false)
    // The cancelled quit can be asked again, and starts over with before-quit.
    app.quit()
    await app.whenEnded()
    expect(app.log.filter((s) => s === 'before-quit')).toHaveLength(3)
  })

  it('a prevented will-quit keeps the app; the next quit() starts over with before-quit', async () => {
    app.once('will-quit', (e) => e.preventDefault())
    app.quit()
    await tick()
    expect(app.ended).toBe(false)
    app.quit()
    await app.whenEnded()
    expect(app.log).toEqual(['before-quit', 'will-quit', 'before-quit', 'will-quit', 'quit'])
  })

  it('a quit() while one is under way does nothing', async () => {
    new FakeBrowserWindow({})
    app.quit()
    app.quit()
    await app.whenEnded()
    expect(app.log.filter((s) => s === 'before-quit')).toHaveLength(1)
  })

  it('exit(): windows destroyed without close, no before-quit or will-quit, quit once', async () => {
    const win = new FakeBrowserWindow({})
    let unloaded = false
    win.webContents.page.addEventListener('pagehide', () => (unloaded = true))
    app.exit(3)
    expect(await app.whenEnded()).toBe(3)
    expect(app.log).toEqual(['closed', 'quit'])
    expect(unloaded).toBe(false)
  })

  it('close() unloads the page (pagehide) before closed; a call it makes then is dropped', async () => {
    const win = new FakeBrowserWindow({})
    const order: string[] = []
    win.webContents.page.addEventListener('pagehide', () => {
      order.push('pagehide')
      void win.webContents.page.ipcRenderer
        .invoke('quire:invoke')
        .then(() => order.push('answered'))
    })
    win.on('closed', () => order.push('closed'))
    app.on('window-all-closed', () => {})
    win.close()
    for (let i = 0; i < 5; i++) await tick()
    expect(order).toEqual(['pagehide', 'closed'])
  })
})

describe('the stand-in utilityProcess', () => {
  it('spawns a real child, passes execArgv, and reports a V8 fatal error before exit', async () => {
    const script = new URL('./stand-in/test-workers/oom-on-message.mjs', import.meta.url)
    const child = utilityProcess.fork(decodeURIComponent(script.pathname), ['x'], {
      execArgv: ['--max-old-space-size=32'],
      stdio: 'ignore',
    })
    const events: unknown[][] = []
    child.on('spawn', () => events.push(['spawn']))
    child.on('message', (m) => events.push(['message', m]))
    child.on('error', (type, location) => events.push(['error', type, location]))
    const exited = new Promise<number>((resolve) => child.on('exit', resolve))
    await new Promise((resolve) => child.once('message', resolve))
    child.postMessage('allocate')
    const code = await exited
    expect(events[0]).toEqual(['spawn'])
    // The child reported its argv and heap limit: the cap reached its V8 (the limit counts the
    // young generation too: 224 MB with a 32 MB old space, over 2 GB without a cap).
    const hello = events[1]?.[1] as { argv: string[]; heapLimitMb: number }
    expect(hello.argv.slice(2)).toEqual(['x'])
    expect(hello.heapLimitMb).toBeLessThan(1024)
    expect(events.at(-1)).toEqual(['error', 'FatalError', expect.stringMatching(/heap/i)])
    expect(code).not.toBe(0)
  }, 60_000)
})
