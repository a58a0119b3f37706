// Journeys of the "Save to Quire" browser extension in Debian's Chromium: pair it with a
// running Quire, capture a page drawn by script, one behind a session cookie and one with
// lazy images, read each offline; see the badge; and captures made while Quire is not
// running wait in the extension, survive a browser restart and arrive exactly once.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test } from './fixtures.ts'
import { LAZY, MEMBERS, SCRIPTED, startCaptureSite, type CaptureSite } from './capture-site.ts'
import {
  badgeText,
  launchWithExtension,
  openPopup,
  tabIdOf,
  type ExtensionBrowser,
} from './pages/extension-browser.ts'
import { LibraryPage } from './pages/library-page.ts'
import { ReaderPage } from './pages/reader-page.ts'
import { capture, freePort, pairExtension, startQuire } from './pages/capture-journey.ts'
import type { RunningShell } from './server.ts'

const SHOTS = '/tmp/shots'

let site: CaptureSite
let work: string
let browser: ExtensionBrowser | undefined
let shell: RunningShell | undefined

test.beforeEach(async () => {
  site = await startCaptureSite()
  work = await mkdtemp(join(tmpdir(), 'quire-capture-e2e-'))
})
test.afterEach(async () => {
  await browser?.close()
  await shell?.stop()
  browser = undefined
  shell = undefined
  await site.close()
  await rm(work, { recursive: true, force: true })
})

test('captures a scripted page, a members-only page and lazy images, each read offline', async ({
  page,
}) => {
  const capturePort = await freePort()
  shell = await startQuire(work, capturePort)
  browser = await launchWithExtension(join(work, 'profile'))
  const library = new LibraryPage(page)
  await library.goto(shell.url)
  await pairExtension(page, browser, capturePort)

  // (a) Drawn by script, part of it in a closed shadow root; a selection to highlight.
  const a = await capture(browser, `${site.base}/scripted.html`, SCRIPTED.first, SCRIPTED.highlight)
  await expect(a.popup.locator('#capture-status')).toHaveText('Saved to Quire.')
  await a.popup.getByLabel('Tags').fill('mills')
  await a.popup.getByLabel('Note').fill('Visit in the spring.')
  await a.popup.getByRole('button', { name: 'Add tags and note' }).click()
  await expect(a.popup.locator('#capture-status')).toHaveText('Tags and note added.')
  await a.popup.screenshot({ path: `${SHOTS}/capture-popup-saved.png` })

  // (b) Behind a session cookie: signed in, the page and its image come with the session.
  await browser.context.newPage().then((p) => p.goto(`${site.base}/login`))
  const b = await capture(browser, `${site.base}/members.html`, MEMBERS.first)
  await expect(b.popup.locator('#capture-status')).toHaveText('Saved to Quire.')
  // Tag suggestions come from the archive.
  await expect(b.popup.locator('#tag-chips')).toContainText('mills')

  // (c) Lazy images, none scrolled into view.
  const c = await capture(browser, `${site.base}/lazy.html`, LAZY.first)
  await expect(c.popup.locator('#capture-status')).toHaveText('Saved to Quire.')

  // The badge: the page is in the archive, with a link that opens it in Quire.
  await a.tab.reload()
  await expect(a.tab.locator('body')).toContainText(SCRIPTED.first)
  await expect.poll(() => badgeText(browser!, a.tabId), { timeout: 30_000 }).toBe('✓')
  const look = await openPopup(browser, a.tabId, { capture: false })
  await expect(look.locator('#in-archive')).toContainText(
    `Already in your archive: ${SCRIPTED.title}`,
  )
  await look.screenshot({ path: `${SHOTS}/capture-popup-badge.png` })
  const opened = browser.context.waitForEvent('page')
  await look.getByRole('link', { name: 'Open in Quire' }).click()
  const app2 = await opened
  await expect(new ReaderPage(app2).title).toHaveText(SCRIPTED.title)
  await app2.screenshot({ path: `${SHOTS}/capture-opened-in-quire.png`, animations: 'disabled' })
  await app2.close()
  // A page not in the archive has no badge.
  const other = await browser.context.newPage()
  await other.goto(`${site.base}/members.html?print=1`)
  const otherId = await tabIdOf(browser, other.url())
  await other.reload()
  expect(await badgeText(browser, otherId)).toBe('')

  // Reading each: its text and images from the archive, no request to anywhere else.
  await page.reload()
  await expect(library.count).toHaveText('3 articles')
  const origin = new URL(shell.url).origin
  const requests: string[] = []
  page.on('request', (r) => requests.push(r.url()))
  const hitsBefore = site.hits.length
  const reader = new ReaderPage(page)
  for (const [title, line, images] of [
    [SCRIPTED.title, SCRIPTED.shadow, 1],
    [MEMBERS.title, MEMBERS.first, 1],
    [LAZY.title, LAZY.first, 3],
  ] as const) {
    await library.open(title)
    await expect(reader.title).toHaveText(title)
    await expect(reader.body).toContainText(line)
    const imgs = reader.body.locator('img')
    await expect(imgs).toHaveCount(images)
    for (let i = 0; i < images; i++) {
      await expect(imgs.nth(i)).toHaveAttribute('src', /assets\/[0-9a-f]{64}\.png$/)
      await expect
        .poll(() =>
          imgs.nth(i).evaluate((el) => (el as unknown as { naturalWidth: number }).naturalWidth),
        )
        .toBeGreaterThan(1)
    }
  }
  await library.open(SCRIPTED.title)
  await expect(reader.body).toContainText(SCRIPTED.first)
  await page.screenshot({ path: `${SHOTS}/capture-read-scripted.png`, animations: 'disabled' })
  expect(MEMBERS.locked).not.toBe('')
  await expect(reader.body).not.toContainText(MEMBERS.locked)
  expect(requests.filter((u) => !u.startsWith(`${origin}/`))).toEqual([])
  expect(site.hits.slice(hitsBefore)).toEqual([])
})

test('captures made while Quire is not running survive a browser restart and arrive once', async ({
  page,
}) => {
  const capturePort = await freePort()
  shell = await startQuire(work, capturePort)
  const profile = join(work, 'profile')
  browser = await launchWithExtension(profile)
  const library = new LibraryPage(page)
  await library.goto(shell.url)
  await pairExtension(page, browser, capturePort)
  await shell.stop()
  shell = undefined

  const first = await capture(browser, `${site.base}/lazy.html`, LAZY.first)
  await expect(first.popup.locator('#capture-status')).toHaveText(
    'Quire is not running: kept here, and delivered when it runs.',
  )
  await browser.context.newPage().then((p) => p.goto(`${site.base}/login`))
  const second = await capture(browser, `${site.base}/members.html`, MEMBERS.first)
  await expect(second.popup.locator('#queue-list li')).toHaveText(
    [LAZY.title, MEMBERS.title].map((t) => new RegExp(t)),
  )
  await second.popup.getByLabel('Tags').fill('salt')
  await second.popup.getByRole('button', { name: 'Add tags and note' }).click()
  await expect(second.popup.locator('#capture-status')).toHaveText(
    'Tags and note kept for delivery.',
  )
  await second.popup.screenshot({ path: `${SHOTS}/capture-popup-queued.png` })

  // The browser closes and opens again: the queue is still there.
  await browser.close()
  browser = await launchWithExtension(profile)
  const look = await openPopup(browser, undefined, { capture: false })
  await expect(look.locator('#queue-list li')).toHaveCount(2)
  await look.close()

  // Quire starts: the queue is delivered, in order, once.
  shell = await startQuire(work, capturePort)
  const again = await openPopup(browser, undefined, { capture: false })
  await expect(again.locator('#queue')).toBeHidden({ timeout: 60_000 })
  await again.close()
  // A second delivery round finds nothing to send.
  const idle = await openPopup(browser, undefined, { capture: false })
  await expect(idle.locator('#queue')).toBeHidden()
  await library.goto(shell.url)
  await expect(library.count).toHaveText('2 articles')
  await expect(library.rows.nth(0)).toContainText(MEMBERS.title)
  await expect(library.rows.nth(1)).toContainText(LAZY.title)
  await expect(library.row(MEMBERS.title)).toContainText('salt')
})
