// Electron's security checklist (https://www.electronjs.org/docs/latest/tutorial/security),
// item by item, against the real main/app code: behaviour through a fake of Electron's APIs,
// packaging against electron-builder.yml, the version against the installed Electron.
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { CONTENT_SECURITY_POLICY } from '../../../shared/csp.ts'
import { IPC_INVOKE_CHANNEL } from '../../../shared/bridge.ts'
import type { Result } from '../../../shared/api.ts'
import { createHandlers } from '../../../main/api/handlers.ts'
import { ArchiveService } from '../../../main/archive/service.ts'
import { tempDir } from '../helpers/temp-dir.ts'
import {
  builderConfig,
  declaredElectronRange,
  estimatedLatestMajor,
  filesMatching,
  installedElectronVersion,
  sources,
} from './helpers/electron-facts.ts'

vi.mock('electron', () => import('../main/app/fake-electron.ts'))
// As in settings.test.ts: electron-store's own `import 'electron'` would load the real one.
vi.mock('electron-store', async () => {
  const { default: Conf } = await import('conf')
  class Store extends Conf<Record<string, unknown>> {
    constructor({ name, ...rest }: { name?: string; cwd: string }) {
      super({ ...rest, configName: name ?? 'config' })
    }
  }
  return { default: Store }
})

const fake = await import('../main/app/fake-electron.ts')
const { createMainWindow, guardWebContents, openExternalSafely } =
  await import('../../../main/app/window.ts')
const { restrictPermissions } = await import('../../../main/app/permissions.ts')
const { registerIpc } = await import('../../../main/app/ipc.ts')
const { createAppProtocolHandler, registerAppScheme } =
  await import('../../../main/app/protocol.ts')

const EVIL = ['https://evil.example/', 'http://quire/', 'file:///etc/passwd', 'app://evil/']

function mainWindow() {
  fake.FakeBrowserWindow.created = []
  createMainWindow({
    preloadPath: '/app/dist/main/preload.cjs',
    startUrl: 'app://quire/index.html',
    settings: {
      path: '/tmp/s.json',
      windowState: () => undefined,
      saveWindowState: () => {},
      ui: () => ({ theme: 'system', readerFontSize: 18, spellcheck: false }),
      updateUi: () => ({ theme: 'system', readerFontSize: 18, spellcheck: false }),
      archivePath: () => undefined,
      setArchivePath: () => {},
    },
  })
  const win = fake.FakeBrowserWindow.created[0]
  if (!win) throw new Error('no window')
  return { win, prefs: win.options.webPreferences as Record<string, unknown> }
}

function guarded() {
  const contents = new fake.FakeWebContents()
  guardWebContents(contents as never)
  return contents
}

// main.ts wires everything at import; with no built renderer next to it, it stops after the
// permission handlers are installed (and says so in a dialog).
beforeAll(async () => {
  process.env.QUIRE_USER_DATA_DIR = await tempDir()
  process.env.QUIRE_ARCHIVE = join(process.env.QUIRE_USER_DATA_DIR, 'archive')
  await import('../../../main/app/main.ts')
  expect(await fake.app.whenEnded()).toBe(1)
  expect(fake.dialog.showErrorBox).toHaveBeenCalledWith(
    'The Quire interface is not built.',
    expect.any(String),
  )
})

afterAll(() => {
  delete process.env.QUIRE_USER_DATA_DIR
  delete process.env.QUIRE_ARCHIVE
})

const appSources = sources('main/app')
const rendererSources = sources('renderer')

describe('Electron security checklist', () => {
  it('1. only loads secure content: its own app:// origin, and a CSP with no remote source', () => {
    const { win } = mainWindow()
    expect(win.loadURL.mock.calls).toEqual([['app://quire/index.html']])
    registerAppScheme()
    expect(fake.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      expect.objectContaining({ privileges: expect.objectContaining({ secure: true }) }),
    ])
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:|ws:|\*/)
  })

  it('2. gives no Node.js integration to any renderer, worker or sub-frame', () => {
    const { prefs } = mainWindow()
    expect(prefs).toMatchObject({
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
    })
  })

  it('3. enables context isolation', () => {
    expect(mainWindow().prefs.contextIsolation).toBe(true)
  })

  it('4. sandboxes the window and every renderer (app.enableSandbox at startup)', () => {
    expect(mainWindow().prefs.sandbox).toBe(true)
    expect(fake.app.enableSandbox).toHaveBeenCalled()
  })

  it('5. denies permission requests by default, on the session the app uses', () => {
    expect(fake.session.defaultSession.setPermissionRequestHandler).toHaveBeenCalledTimes(1)
    const handler = fake.session.defaultSession.setPermissionRequestHandler.mock.calls[0]?.[0] as (
      ...args: unknown[]
    ) => void
    const answers: boolean[] = []
    for (const permission of ['media', 'geolocation', 'notifications', 'openExternal', 'hid']) {
      for (const requestingUrl of ['app://quire/index.html', ...EVIL]) {
        handler(null, permission, (ok: boolean) => answers.push(ok), { requestingUrl })
      }
    }
    expect(answers.length).toBeGreaterThan(0)
    expect(answers.every((ok) => !ok)).toBe(true)
    // The one allowed permission, only for our own pages.
    const session = { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn() }
    restrictPermissions(session as never)
    const check = session.setPermissionCheckHandler.mock.calls[0]?.[0] as (
      ...a: unknown[]
    ) => boolean
    expect(check(null, 'clipboard-sanitized-write', 'app://quire')).toBe(true)
    expect(check(null, 'clipboard-sanitized-write', 'https://evil.example')).toBe(false)
    // Any other session (the PDF printer's) gets the same handlers before it is used.
    for (const file of filesMatching(appSources, /fromPartition|partition:/)) {
      const source = appSources.get(file) ?? ''
      expect(source, file).toMatch(/restrictPermissions\(\w+\)/)
      expect(source, file).not.toMatch(/partition:/)
    }
  })

  it('6. keeps webSecurity on', () => {
    expect(mainWindow().prefs.webSecurity).toBe(true)
  })

  it('7. serves every page with a restrictive Content-Security-Policy', async () => {
    const dir = join(await tempDir(), 'renderer')
    await mkdir(dir)
    await writeFile(join(dir, 'index.html'), '<!doctype html><title>Quire</title>')
    const handler = createAppProtocolHandler(dir)
    for (const url of ['app://quire/', 'app://quire/missing.js', 'app://quire/../x']) {
      const res = await handler(new Request(url))
      expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY)
    }
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'none'")
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'")
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'")
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval/)
  })

  it('8. never allows running insecure content', () => {
    expect(mainWindow().prefs.allowRunningInsecureContent).toBe(false)
  })

  it('9. enables no experimental features', () => {
    expect(mainWindow().prefs.experimentalFeatures).not.toBe(true)
    expect(filesMatching(appSources, /experimentalFeatures:\s*true/)).toEqual([])
  })

  it('10. enables no Blink features', () => {
    expect(mainWindow().prefs).not.toHaveProperty('enableBlinkFeatures')
    expect(filesMatching(appSources, /enableBlinkFeatures/)).toEqual([])
  })

  it('11. has no <webview> to allow pop-ups in: the tag is off and the renderer uses none', () => {
    expect(mainWindow().prefs.webviewTag).toBe(false)
    expect(filesMatching(rendererSources, /<webview|allowpopups/i)).toEqual([])
  })

  it('12. refuses to attach any <webview>, whatever its options', () => {
    const contents = guarded()
    let prevented = false
    contents.emit(
      'will-attach-webview',
      { preventDefault: () => (prevented = true) },
      { nodeIntegration: true },
      { src: 'https://evil.example/' },
    )
    expect(prevented).toBe(true)
  })

  it('13. limits navigation to its own origin, compared with a URL parser', () => {
    const contents = guarded()
    expect(contents.navigate('will-navigate', 'app://quire/index.html#/article/1')).toBe(false)
    const hostile = [
      ...EVIL,
      'app://quire.evil.example/',
      'app://quire@evil.example/',
      'app://evil.example/?app://quire/',
      'javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'not a url',
    ]
    for (const url of hostile) {
      expect(contents.navigate('will-navigate', url), url).toBe(true)
      expect(contents.navigate('will-redirect', url), url).toBe(true)
    }
  })

  it('14. denies every new window', () => {
    const contents = guarded()
    for (const url of ['app://quire/index.html', 'https://example.com/', ...EVIL]) {
      expect(contents.windowOpenHandler?.({ url })).toEqual({ action: 'deny' })
    }
  })

  it('15. hands only web and mail addresses to shell.openExternal', () => {
    fake.shell.openExternal.mockClear()
    const urls = [
      'https://example.com/a',
      'http://example.com/',
      'mailto:someone@example.com',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'smb://attacker/share',
      'data:text/html,x',
      'vbscript:msgbox',
      'ms-msdt:/id',
      'search-ms:query=x',
      '\\\\attacker\\share',
    ]
    for (const url of urls) openExternalSafely(url)
    const opened = fake.shell.openExternal.mock.calls.map(([u]) => new URL(u).protocol)
    expect(opened).toEqual(expect.arrayContaining(['https:', 'http:']))
    expect(opened.every((p) => ['http:', 'https:', 'mailto:'].includes(p))).toBe(true)
  })

  it('16. uses a current, supported Electron', () => {
    const version = installedElectronVersion()
    const major = Number(version.split('.')[0])
    // The lock and the installed package agree with what package.json asks for.
    expect(declaredElectronRange()).toMatch(new RegExp(`^[~^]?${major}\\.`))
    // Supported: the newest three majors; one more allowed for the estimate running ahead.
    expect(major).toBeGreaterThanOrEqual(estimatedLatestMajor(new Date()) - 3)
  })

  it('17. validates the sender frame and origin of every IPC message', async () => {
    const win = new fake.FakeBrowserWindow({})
    const service = await ArchiveService.open(await tempDir())
    try {
      registerIpc({ handlers: createHandlers(service, () => {}), getWindow: () => win as never })
      const invoke = fake.ipcMain.handlerFor(IPC_INVOKE_CHANNEL) as (
        ...a: unknown[]
      ) => Promise<Result<unknown>>
      const call = (sender: unknown, senderFrame: unknown) =>
        invoke({ sender, senderFrame }, 'archive:info', {})
      const main = win.webContents.mainFrame
      expect(await call(win.webContents, main)).toMatchObject({ ok: true })
      const refused = [
        await call(win.webContents, new fake.FakeFrame('app://quire/index.html', main)),
        await call(new fake.FakeWebContents(), new fake.FakeFrame('app://quire/index.html')),
        ...(await Promise.all(EVIL.map((u) => call(win.webContents, new fake.FakeFrame(u))))),
        await call(win.webContents, null),
      ]
      for (const r of refused) expect(r).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    } finally {
      await service.close()
    }
  })

  it('18. serves the app from a custom protocol, never file://', async () => {
    expect(filesMatching(appSources, /loadFile\(|['"`]file:\/\//)).toEqual([])
    const handler = createAppProtocolHandler(join(await tempDir(), 'renderer'))
    for (const path of ['/../../etc/passwd', '/%2e%2e/%2e%2e/etc/passwd', '/..%2F..%2Fsecret']) {
      const res = await handler(new Request(`app://quire${path}`))
      expect(res.status, path).toBeGreaterThanOrEqual(400)
    }
  })

  it('19. flips the fuses in the packaged app', () => {
    const config = builderConfig()
    expect(config.asar).toBe(true)
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    })
  })

  it('20. exposes no Electron API to the page: only window.quire with invoke and on', async () => {
    fake.contextBridge.exposeInMainWorld.mockClear()
    await import('../../../main/app/preload.ts')
    expect(fake.contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1)
    const [key, bridge] = fake.contextBridge.exposeInMainWorld.mock.calls[0] as [string, object]
    expect(key).toBe('quire')
    expect(Object.keys(bridge).sort()).toEqual(['invoke', 'on'])
    expect(filesMatching(appSources, /exposeInMainWorld\(/)).toEqual(['main/app/preload.ts'])
  })
})
