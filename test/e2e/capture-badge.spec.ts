// The extension's toolbar badge as a person sees it: a real Chromium window (on a virtual X
// display, Xvfb) with the extension pinned, a page that is in the archive, and a picture of
// the whole screen, toolbar included (Playwright's screenshots show only the page). The other
// journeys check the badge through `chrome.action.getBadgeText`; this one photographs it.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, screenshotPath, test } from './fixtures.ts'
import { SCRIPTED, startCaptureSite, type CaptureSite } from './capture-site.ts'
import { capture, freePort, pairExtension, startQuire } from './pages/capture-journey.ts'
import {
  badgeText,
  launchWithExtension,
  pinExtension,
  type ExtensionBrowser,
} from './pages/extension-browser.ts'
import { LibraryPage } from './pages/library-page.ts'
import type { RunningShell } from './server.ts'

const TOOLS = ['/usr/bin/Xvfb', '/usr/bin/xwd', '/usr/bin/convert']
const missing = TOOLS.filter((t) => !existsSync(t))

let site: CaptureSite
let work: string
let xvfb: ChildProcess | undefined
let browser: ExtensionBrowser | undefined
let shell: RunningShell | undefined

test.skip(
  missing.length > 0,
  `photographing the toolbar needs a virtual X display and a screen grabber: ${missing.join(', ')} not installed (Debian: xvfb x11-apps imagemagick; .ci/run installs them)`,
)

test.afterEach(async () => {
  await browser?.close()
  await shell?.stop()
  xvfb?.kill()
  await site?.close()
  if (work) await rm(work, { recursive: true, force: true })
})

/** Starts Xvfb on a display number nobody uses; resolves once it accepts clients. */
async function startXvfb(): Promise<string> {
  for (let n = 90 + Math.floor(Math.random() * 100); ; n++) {
    if (existsSync(`/tmp/.X11-unix/X${n}`) || existsSync(`/tmp/.X${n}-lock`)) continue
    const display = `:${n}`
    xvfb = spawn('/usr/bin/Xvfb', [display, '-screen', '0', '1280x800x24', '-nolisten', 'tcp'], {
      stdio: 'ignore',
    })
    await expect.poll(() => existsSync(`/tmp/.X11-unix/X${n}`), { timeout: 30_000 }).toBe(true)
    return display
  }
}

test('the toolbar badge marks a page that is in the archive', async ({ page }) => {
  test.setTimeout(240_000)
  site = await startCaptureSite()
  work = await mkdtemp(join(tmpdir(), 'quire-badge-e2e-'))
  const display = await startXvfb()
  const capturePort = await freePort()
  shell = await startQuire(work, capturePort)

  // First launch learns the extension's id; the second starts with it pinned.
  const profile = join(work, 'profile')
  const first = await launchWithExtension(profile, { display })
  await first.close()
  await pinExtension(profile, first.id)
  browser = await launchWithExtension(profile, { display })

  const library = new LibraryPage(page)
  await library.goto(shell.url)
  await pairExtension(page, browser, capturePort)
  const saved = await capture(browser, `${site.base}/scripted.html`, SCRIPTED.first)
  await expect(saved.popup.locator('#capture-status')).toHaveText('Saved to Quire.')
  await saved.popup.close()
  await saved.tab.bringToFront()
  await saved.tab.reload()
  await expect(saved.tab.locator('body')).toContainText(SCRIPTED.first)
  await expect.poll(() => badgeText(browser!, saved.tabId), { timeout: 30_000 }).toBe('✓')

  const png = screenshotPath('capture-toolbar-badge')
  const grab = spawnSync('sh', [
    '-c',
    `xwd -root -silent -display ${display} | convert xwd:- png:"${png}"`,
  ])
  expect(grab.status, grab.stderr?.toString()).toBe(0)
  expect((await stat(png)).size).toBeGreaterThan(10_000)
})
