// The main window's web preferences, pop-up and navigation guards, and remembered bounds.
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { AppSettings, WindowState } from '../../../../main/app/settings.ts'

vi.mock('electron', () => import('./fake-electron.ts'))

const { FakeBrowserWindow, FakeWebContents, shell } = await import('./fake-electron.ts')
const { createMainWindow, guardWebContents, openExternalSafely, restoreBounds } =
  await import('../../../../main/app/window.ts')

function fakeSettings(saved?: WindowState): AppSettings & { saved: WindowState[] } {
  const savedStates: WindowState[] = []
  return {
    path: '/tmp/settings.json',
    saved: savedStates,
    windowState: () => saved,
    saveWindowState: (s) => void savedStates.push(s),
    ui: () => ({ theme: 'system', readerFontSize: 18, spellcheck: false }),
    updateUi: () => ({ theme: 'system', readerFontSize: 18, spellcheck: false }),
    archivePath: () => undefined,
    setArchivePath: () => {},
  }
}

function openWindow(saved?: WindowState) {
  const settings = fakeSettings(saved)
  createMainWindow({
    preloadPath: '/app/dist/main/preload.cjs',
    startUrl: 'app://quire/index.html',
    settings,
  })
  const win = FakeBrowserWindow.created.at(-1)
  if (!win) throw new Error('no window was created')
  return { win, settings }
}

beforeEach(() => {
  vi.clearAllMocks()
  FakeBrowserWindow.created = []
})

describe('createMainWindow', () => {
  it('isolates the renderer: context isolation, sandbox, no Node, web security, preload', () => {
    const { win } = openWindow()
    const prefs = win.options.webPreferences as Record<string, unknown>
    expect(prefs.contextIsolation).toBe(true)
    expect(prefs.sandbox).toBe(true)
    expect(prefs.nodeIntegration).toBe(false)
    expect(prefs.nodeIntegrationInSubFrames).toBe(false)
    expect(prefs.nodeIntegrationInWorker).toBe(false)
    expect(prefs.webSecurity).not.toBe(false)
    expect(prefs.allowRunningInsecureContent).not.toBe(true)
    expect(prefs.webviewTag).not.toBe(true)
    expect(prefs.preload).toBe('/app/dist/main/preload.cjs')
  })

  it('loads the app URL, never a file:// URL', () => {
    const { win } = openWindow()
    expect(win.loadURL).toHaveBeenCalledWith('app://quire/index.html')
  })

  it('opens at the saved position and size, and maximises when it was maximised', () => {
    const { win } = openWindow({ x: 100, y: 50, width: 1000, height: 700, maximized: true })
    expect(win.options).toMatchObject({ x: 100, y: 50, width: 1000, height: 700, show: false })
    win.emit('ready-to-show')
    expect(win.maximize).toHaveBeenCalled()
    expect(win.show).toHaveBeenCalled()
  })

  it('saves its normal bounds and maximised state when closed', () => {
    const { win, settings } = openWindow()
    win.bounds = { x: 5, y: 6, width: 800, height: 600 }
    win.maximized = true
    win.emit('close')
    expect(settings.saved).toEqual([{ x: 5, y: 6, width: 800, height: 600, maximized: true }])
  })
})

describe('guardWebContents', () => {
  function guarded() {
    const contents = new FakeWebContents()
    guardWebContents(contents as never)
    return contents
  }

  it('denies every window.open and hands only http(s) URLs to the system browser', () => {
    const contents = guarded()
    const open = (url: string) => contents.windowOpenHandler?.({ url })
    expect(open('https://example.com/a?b=1')).toEqual({ action: 'deny' })
    expect(open('http://example.com/')).toEqual({ action: 'deny' })
    expect(open('app://quire/index.html')).toEqual({ action: 'deny' })
    expect(open('file:///etc/passwd')).toEqual({ action: 'deny' })
    expect(open('javascript:alert(1)')).toEqual({ action: 'deny' })
    expect(open('smb://server/share')).toEqual({ action: 'deny' })
    expect(open('not a url')).toEqual({ action: 'deny' })
    expect(shell.openExternal.mock.calls).toEqual([
      ['https://example.com/a?b=1'],
      ['http://example.com/'],
    ])
  })

  it('lets the page navigate within the app origin only', () => {
    const contents = guarded()
    expect(contents.navigate('will-navigate', 'app://quire/index.html#/article/1')).toBe(false)
    expect(contents.navigate('will-navigate', 'https://evil.example/')).toBe(true)
    expect(contents.navigate('will-navigate', 'file:///etc/passwd')).toBe(true)
    expect(contents.navigate('will-navigate', 'app://other/index.html')).toBe(true)
    expect(contents.navigate('will-redirect', 'https://evil.example/')).toBe(true)
    // A link clicked in an article opens in the browser; a file:// one goes nowhere.
    expect(shell.openExternal.mock.calls).toEqual([['https://evil.example/']])
  })

  it('guards a WebContents once, however often it is asked to', () => {
    const contents = guarded()
    guardWebContents(contents as never)
    contents.navigate('will-navigate', 'https://example.com/')
    expect(shell.openExternal).toHaveBeenCalledTimes(1)
  })

  it('refuses to attach webviews', () => {
    const contents = guarded()
    let prevented = false
    contents.emit('will-attach-webview', { preventDefault: () => (prevented = true) })
    expect(prevented).toBe(true)
  })
})

describe('openExternalSafely', () => {
  it('passes the normalised URL and refuses other schemes', () => {
    expect(openExternalSafely('HTTPS://Example.com')).toBe(true)
    expect(openExternalSafely('mailto:someone@example.com')).toBe(true)
    expect(openExternalSafely('')).toBe(false)
    expect(openExternalSafely('file:///etc/passwd')).toBe(false)
    expect(openExternalSafely('javascript:alert(1)')).toBe(false)
    expect(shell.openExternal.mock.calls).toEqual([
      ['https://example.com/'],
      ['mailto:someone@example.com'],
    ])
  })
})

describe('restoreBounds', () => {
  const screens = [{ x: 0, y: 0, width: 1920, height: 1080 }]

  it('uses the default size when nothing is saved', () => {
    expect(restoreBounds(undefined, screens)).toEqual({ width: 1200, height: 800 })
  })

  it('drops a position that is no longer on any screen, keeping the size', () => {
    const saved = { x: 4000, y: 100, width: 1000, height: 700, maximized: false }
    expect(restoreBounds(saved, screens)).toEqual({ width: 1000, height: 700 })
  })

  it('keeps a position that is on a screen', () => {
    const saved = { x: 1800, y: 100, width: 1000, height: 700, maximized: false }
    expect(restoreBounds(saved, screens)).toEqual({ x: 1800, y: 100, width: 1000, height: 700 })
  })
})

describe('the window’s bounds on every way out', () => {
  it('are saved fresh on close', () => {
    const { win, settings } = openWindow()
    win.bounds = { x: 40, y: 50, width: 1100, height: 780 }
    win.emit('close', { preventDefault() {} })
    expect(settings.saved.at(-1)).toEqual({ ...win.bounds, maximized: false })
  })

  it('are saved as last seen when the window is destroyed without a close (app.exit)', () => {
    const { win, settings } = openWindow()
    win.moveTo({ x: 300, y: 200, width: 1000, height: 760 })
    // After destroy() nothing can be read; what was followed is what counts.
    win.bounds = { x: -1, y: -1, width: 0, height: 0 }
    win.destroy()
    expect(settings.saved).toEqual([{ x: 300, y: 200, width: 1000, height: 760, maximized: false }])
  })
})
