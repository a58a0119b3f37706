// The real Electron app, where its binary is installed: the window opens on a throwaway
// archive and profile, `window.quire` is there, and Node is not.
import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { lockPath } from '../../main/archive/store/lock.ts'
import { _electron as electron, expect, test, type ElectronApplication } from '@playwright/test'

const root = fileURLToPath(new URL('../..', import.meta.url))

/** The electron package's binary, without `require('electron')` (which tries to download it). */
function electronBinary(): string | undefined {
  const dir = join(root, 'node_modules', 'electron')
  try {
    const name = readFileSync(join(dir, 'path.txt'), 'utf8').trim()
    const file = join(process.env.ELECTRON_OVERRIDE_DIST_PATH ?? join(dir, 'dist'), name)
    return name && existsSync(file) ? file : undefined
  } catch {
    return undefined
  }
}

const binary = electronBinary()
const hasElectronBinary = binary !== undefined

test.describe('Electron shell', () => {
  test.skip(!hasElectronBinary, 'skipped: Electron binary not installed')

  let app: ElectronApplication | undefined
  let scratch = ''

  test.beforeAll(() => {
    // Run what the sources say now, not a stale bundle.
    execFileSync(process.execPath, [join(root, 'main', 'tools', 'build-main.mjs')], {
      cwd: root,
      stdio: 'inherit',
    })
  })

  test.beforeEach(async () => {
    scratch = await mkdtemp(join(tmpdir(), 'quire-electron-'))
    app = await electron.launch({
      ...(binary ? { executablePath: binary } : {}),
      args: [join(root, 'dist', 'main', 'app.cjs'), '--archive', join(scratch, 'archive')],
      env: { ...process.env, QUIRE_USER_DATA_DIR: join(scratch, 'profile') },
    })
  })

  test.afterEach(async () => {
    await app?.close()
    await rm(scratch, { recursive: true, force: true })
  })

  test('opens a locked-down window that talks to the archive', async () => {
    if (!app) throw new Error('the app did not launch')
    const page = await app.firstWindow()
    await page.waitForLoadState('domcontentloaded')

    expect(page.url()).toMatch(/^app:\/\/quire\//)
    const title = await app.evaluate(({ BrowserWindow }) =>
      BrowserWindow.getAllWindows()[0]?.getTitle(),
    )
    expect(title).toContain('Quire')

    const globals = await page.evaluate(() => {
      const g = globalThis as Record<string, unknown>
      return { quire: typeof g.quire, require: typeof g.require, process: typeof g.process }
    })
    expect(globals).toEqual({ quire: 'object', require: 'undefined', process: 'undefined' })

    const info = await page.evaluate(() => {
      const quire = (globalThis as { quire?: { invoke(op: string, input: unknown): unknown } })
        .quire
      return quire?.invoke('archive:info', {})
    })
    expect(info).toMatchObject({ ok: true, value: { articleCount: 0 } })

    const unknownOp = await page.evaluate(() => {
      const quire = (globalThis as { quire?: { invoke(op: string, input: unknown): unknown } })
        .quire
      return quire?.invoke('fs:readFile', { path: '/etc/passwd' })
    })
    expect(unknownOp).toMatchObject({ ok: false, error: { code: 'UNKNOWN_OPERATION' } })

    // Pop-ups are denied: window.open gives nothing and no second window appears.
    const popup = await page.evaluate(() => {
      const open = (globalThis as { open?: (url: string) => unknown }).open
      return open?.('about:blank') ?? null
    })
    expect(popup).toBeNull()
    expect(app.windows()).toHaveLength(1)
  })

  test('spellcheck is off, and quitting saves the bounds and releases the archive’s lock', async () => {
    if (!app) throw new Error('the app did not launch')
    const page = await app.firstWindow()
    await page.waitForLoadState('domcontentloaded')
    // Off unless turned on in Settings: on Windows and Linux it downloads dictionaries.
    const spellcheck = await app.evaluate(({ session }) =>
      session.defaultSession.isSpellCheckerEnabled(),
    )
    expect(spellcheck).toBe(false)
    expect(existsSync(lockPath(join(scratch, 'archive')))).toBe(true)

    const closed = app.waitForEvent('close')
    await app.evaluate(({ app: electronApp }) => electronApp.quit())
    await closed
    app = undefined
    expect(existsSync(lockPath(join(scratch, 'archive')))).toBe(false)
    const settings = JSON.parse(readFileSync(join(scratch, 'profile', 'settings.json'), 'utf8'))
    expect(settings.window).toMatchObject({ width: expect.any(Number), height: expect.any(Number) })
  })
})
