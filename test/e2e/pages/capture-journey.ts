// Steps the capture extension's journeys share: a free port, Quire started with a capture
// endpoint, pairing the extension through Quire's dialog, and saving a page with the popup.
import { createServer } from 'node:net'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { expect } from '../fixtures.ts'
import { openPopup, tabIdOf, type ExtensionBrowser } from './extension-browser.ts'
import { SettingsPage } from './settings-page.ts'
import { startShell, type RunningShell } from '../server.ts'

const SHOTS = '/tmp/shots'

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer()
    s.once('error', reject)
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number }
      s.close(() => resolve(port))
    })
  })
}

export async function startQuire(work: string, capturePort: number): Promise<RunningShell> {
  return startShell(join(work, 'archive'), {
    args: ['--capture-port', String(capturePort)],
    env: { QUIRE_CONFIG_DIR: join(work, 'config') },
  })
}

/** Pairs the extension: the code from Quire's pairing dialog, typed into the popup. */
export async function pairExtension(app: Page, b: ExtensionBrowser, capturePort: number) {
  const settings = new SettingsPage(app)
  await settings.gear.click()
  await settings.dialog.getByRole('button', { name: 'Pair…' }).click()
  const dialog = app.getByRole('dialog', { name: 'Pair the browser extension' })
  const code = dialog.locator('.pairing-code')
  await expect(code).toHaveText(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/)
  await expect(dialog).toContainText(`http://127.0.0.1:${capturePort}`)
  await app.screenshot({ path: `${SHOTS}/capture-pairing-dialog.png`, animations: 'disabled' })
  const popup = await openPopup(b)
  await expect(popup.getByRole('heading', { name: 'Pair with Quire' })).toBeVisible()
  await popup.getByText('Quire’s address').click()
  await popup.getByLabel('Address').fill(`http://127.0.0.1:${capturePort}`)
  await popup.getByLabel('Pairing code').fill((await code.textContent())!.toLowerCase())
  await popup.screenshot({ path: `${SHOTS}/capture-popup-pairing.png` })
  await popup.getByRole('button', { name: 'Pair', exact: true }).click()
  await expect(popup.locator('#pair-status')).toHaveText('Paired. Captures go to Quire now.')
  await popup.close()
  await dialog.getByRole('button', { name: 'Done' }).click()
  await settings.done.click()
}

/** Opens `path` of the site in a tab of its own and saves it with the toolbar popup. */
export async function capture(b: ExtensionBrowser, url: string, ready: string, select?: string) {
  const tab = await b.context.newPage()
  await tab.goto(url)
  await expect(tab.locator('body')).toContainText(ready)
  if (select) {
    // Runs in the page (a string: these files compile without the DOM's types).
    const found = await tab.evaluate(`(() => {
      const text = ${JSON.stringify(select)}
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const at = n.textContent.indexOf(text)
        if (at < 0) continue
        const range = document.createRange()
        range.setStart(n, at)
        range.setEnd(n, at + text.length)
        getSelection().removeAllRanges()
        getSelection().addRange(range)
        return true
      }
      return false
    })()`)
    expect(found, `"${select}" is on the page`).toBe(true)
  }
  const tabId = await tabIdOf(b, tab.url())
  const popup = await openPopup(b, tabId)
  return { tab, tabId, popup }
}
