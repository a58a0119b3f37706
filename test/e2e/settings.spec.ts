// Journey: a person opens Settings from the gear or the keyboard, picks the app theme and
// their reading defaults and sees them applied, and learns how the browser shell opens
// another archive folder. Saves the screenshot of Settings in the light theme.
import type { Page } from '@playwright/test'
import { expect, fixturePath, screenshotPath, test } from './fixtures.ts'
import { SettingsPage } from './pages/settings-page.ts'
import { WIRE_STORY } from './story.ts'

test.use({ seed: { imports: [{ files: [fixturePath(WIRE_STORY.file)] }] } })

/** The one browser global used here (this folder compiles without the DOM lib). */
interface StyleGlobals {
  getComputedStyle(el: unknown): { fontFamily: string; fontSize: string; maxWidth: string }
}

function styleOf(page: Page, selector: string) {
  return page.locator(selector).evaluate((el) => {
    const s = (globalThis as unknown as StyleGlobals).getComputedStyle(el)
    return { fontFamily: s.fontFamily, fontSize: s.fontSize, maxWidth: s.maxWidth }
  })
}

test('opens from the gear and with Ctrl+, and closes with Esc, focus inside', async ({
  page,
  library,
}) => {
  const settings = new SettingsPage(page)
  await expect(library.rows).toHaveCount(1)

  await settings.gear.click()
  await expect(settings.dialog).toBeVisible()
  await expect(settings.done).toBeFocused()
  await expect(settings.archiveName).toContainText('1 article')
  await page.keyboard.press('Escape')
  await expect(settings.dialog).toBeHidden()

  await library.list.focus()
  await page.keyboard.press('Control+Comma')
  await expect(settings.dialog).toBeVisible()
  await settings.done.click()
  await expect(settings.dialog).toBeHidden()

  await library.list.focus()
  await page.keyboard.press(',')
  await expect(settings.dialog).toBeVisible()
})

test('changes the app theme and the reading defaults, and the app follows', async ({
  page,
  library,
  reader,
}) => {
  const settings = new SettingsPage(page)
  const html = page.locator('html')
  await page.emulateMedia({ colorScheme: 'light' })
  await library.open(WIRE_STORY.title)
  await expect(reader.title).toHaveText(WIRE_STORY.title)
  const before = await styleOf(page, '[data-testid="reader-body"]')
  const measure = (await styleOf(page, '.reader-article')).maxWidth
  expect(before.fontFamily).toContain('Charter')

  await settings.gear.click()
  await settings.option('App theme', 'Dark').check()
  await expect(html).toHaveAttribute('data-theme', 'dark')
  await settings.option('App theme', 'Light').check()
  await expect(html).toHaveAttribute('data-theme', 'light')

  await settings.option('Font', 'Sans').check()
  await settings.option('Text width', 'Wide').check()
  await settings.textSize.fill('22')
  await expect(settings.markReadAtEnd).toBeChecked()
  await settings.markReadAtEnd.uncheck()
  await page.screenshot({ path: screenshotPath('settings-light'), animations: 'disabled' })
  await page.keyboard.press('Escape')
  await expect(settings.dialog).toBeHidden()

  const after = await styleOf(page, '[data-testid="reader-body"]')
  expect(after.fontFamily).not.toContain('Charter')
  expect(after.fontSize).toBe('22px')
  expect((await styleOf(page, '.reader-article')).maxWidth).not.toBe(measure)

  // The choices stay after a reload, in Settings and in the reader's own menu.
  await page.reload()
  await expect(html).toHaveAttribute('data-theme', 'light')
  await settings.gear.click()
  await expect(settings.option('Font', 'Sans')).toBeChecked()
  await expect(settings.option('App theme', 'Light')).toBeChecked()
  await expect(settings.markReadAtEnd).not.toBeChecked()
})

test('in the browser shell, Change… explains how to open another folder', async ({
  page,
  library,
}) => {
  const settings = new SettingsPage(page)
  await expect(library.rows).toHaveCount(1)
  await settings.gear.click()
  await settings.changeArchive.click()
  await expect(settings.archiveNote).toHaveText(
    'Start Quire with --archive DIR to use another folder.',
  )
  await expect(settings.dialog).toBeVisible()
})

test('spelling: no setting in the browser shell; in the desktop app off, with the download said', async ({
  page,
  library,
}) => {
  const settings = new SettingsPage(page)
  await expect(library.rows).toHaveCount(1)
  await settings.gear.click()
  await expect(settings.dialog).toBeVisible()
  // The browser checks spelling by its own settings: Quire offers none here.
  await expect(settings.spellcheck).toHaveCount(0)
  await settings.done.click()

  // The desktop app answers these two operations; the page is the same.
  let stored = false
  await page.route(/\/api\/app%3A(get|set)Settings$/, async (route) => {
    if (route.request().url().includes('setSettings')) {
      stored = (route.request().postDataJSON() as { spellcheck: boolean }).spellcheck
    }
    await route.fulfill({ json: { ok: true, value: { desktop: true, spellcheck: stored } } })
  })
  await settings.gear.click()
  await expect(settings.spellcheck).not.toBeChecked()
  await expect(
    settings.dialog.getByText(/downloads the dictionary for your language/),
  ).toBeVisible()
  await settings.spellcheck.check()
  await expect(settings.spellcheck).toBeChecked()
  expect(stored).toBe(true)
  await settings.dialog.getByRole('heading', { name: 'Spelling' }).scrollIntoViewIfNeeded()
  await page.screenshot({ path: screenshotPath('settings-spelling'), animations: 'disabled' })
})
