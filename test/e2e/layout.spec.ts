// Every screen at four window sizes, light and dark: a screenshot of each, saved under
// test-results/screenshots/layout/ to be looked at, and the layout checks of layout-checks.ts on
// each (nothing past the window's edge or cut off by its box, no heading or nav label cut to a
// stub, a reader text column of at least 45 characters). Then the narrow layouts' own parts:
// the sidebar's drawer, and the smallest window's More menu and highlights sheet. One archive
// serves every test.
import type { Page } from '@playwright/test'
import { expect, screenshotPath, test } from './fixtures.ts'
import { makeLayoutArchive, type LayoutArchive } from './layout-archive.ts'
import { layoutProblems } from './pages/layout-checks.ts'
import { ScreenTour } from './pages/screen-tour.ts'
import { SIZES } from './layout-sizes.ts'
import { WIRE_STORY } from './story.ts'

const THEMES = ['light', 'dark'] as const

let archive: LayoutArchive | undefined

test.beforeAll(async () => {
  test.setTimeout(120_000)
  archive = await makeLayoutArchive()
})

test.afterAll(async () => {
  await archive?.stop()
})

async function useTheme(page: Page, theme: (typeof THEMES)[number]): Promise<void> {
  await page.emulateMedia({ colorScheme: theme })
  await expect(page.locator('html')).toHaveAttribute('data-theme', theme)
}

for (const size of SIZES) {
  test(`every screen fits at ${size.width}×${size.height}`, async ({ page }) => {
    test.setTimeout(300_000)
    if (!archive) throw new Error('the layout archive was not made')
    await page.setViewportSize(size)
    await page.emulateMedia({ colorScheme: 'light' })
    const problems: string[] = []
    await new ScreenTour(page, archive).run(async (screen) => {
      for (const theme of THEMES) {
        await useTheme(page, theme)
        const name = `layout/${size.width}x${size.height}-${theme}-${screen}`
        await page.screenshot({ path: screenshotPath(name), animations: 'disabled' })
      }
      // The themes change colours only: the layout is checked once per screen.
      for (const problem of await layoutProblems(page)) problems.push(`[${screen}] ${problem}`)
      await useTheme(page, 'light')
    })
    expect(problems, `layout problems:\n${problems.join('\n')}`).toEqual([])
  })
}

test('the sidebar drawer opens from the list, closes on Escape or a click outside, and keeps focus in order', async ({
  page,
}) => {
  if (!archive) throw new Error('the layout archive was not made')
  await page.setViewportSize({ width: 900, height: 700 })
  const tour = new ScreenTour(page, archive)
  await page.goto(archive.url)
  await expect(tour.list.getByRole('option').first()).toBeVisible()
  await expect(tour.sidebar).toBeHidden()
  const drawer = tour.dialog('Sidebar')

  // Open: focus goes to the view showing; Escape closes it and gives focus back to the button.
  await tour.drawerButton.click()
  await expect(drawer).toBeVisible()
  await expect(drawer.getByRole('button', { name: /^Inbox/ })).toBeFocused()
  await expect(tour.drawerButton).toHaveAttribute('aria-expanded', 'true')
  expect(await layoutProblems(page)).toEqual([])
  await page.keyboard.press('Escape')
  await expect(drawer).toBeHidden()
  await expect(tour.drawerButton).toBeFocused()

  // Tab stays inside while it is open (the page behind is inert).
  await tour.drawerButton.click()
  for (let i = 0; i < 30; i++) await page.keyboard.press('Tab')
  const focusInside = "document.querySelector('dialog.drawer').contains(document.activeElement)"
  expect(await page.evaluate(focusInside)).toBe(true)

  // A click on the dimmed list beside it closes it, and the row under the click is not opened.
  await page.mouse.click(310, 300)
  await expect(drawer).toBeHidden()
  await expect(page.locator('#reader-title')).toHaveCount(0)

  // Going somewhere closes it; a dialog opened from it comes back to it.
  await tour.drawerButton.click()
  await drawer.getByRole('button', { name: /^All articles/ }).click()
  await expect(drawer).toBeHidden()
  await expect(page.getByRole('heading', { level: 2, name: 'All articles' })).toBeVisible()
  await tour.drawerButton.click()
  await drawer.getByRole('button', { name: 'Settings', exact: true }).click()
  await expect(tour.dialog('Settings')).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(tour.dialog('Settings')).toBeHidden()
  await expect(drawer).toBeVisible()
  await expect(drawer.getByRole('button', { name: 'Settings', exact: true })).toBeFocused()
  await drawer.getByRole('button', { name: 'Close the sidebar' }).click()
  await expect(drawer).toBeHidden()

  // Wide again: the sidebar is a column, and no drawer button is shown.
  await page.setViewportSize({ width: 1280, height: 800 })
  await expect(tour.sidebar).toBeVisible()
  await expect(tour.drawerButton).toBeHidden()
})

test('in the smallest window the reader folds its extra actions into More and lays the highlights over the text', async ({
  page,
}) => {
  if (!archive) throw new Error('the layout archive was not made')
  await page.setViewportSize({ width: 480, height: 640 })
  const tour = new ScreenTour(page, archive)
  await page.goto(archive.url)
  await tour.list.getByRole('option', { name: new RegExp(WIRE_STORY.title) }).click()
  await expect(page.getByTestId('reader-body')).toBeVisible()
  await expect(tour.list).toBeHidden()
  await expect(tour.toolbar.getByRole('button', { name: 'Edit details' })).toBeHidden()
  await expect(tour.moreButton).toBeVisible()
  expect(await layoutProblems(page)).toEqual([])
  await page.screenshot({ path: screenshotPath('layout/480x640-light-reader') })

  await tour.moreButton.click()
  const more = page.getByRole('menu', { name: 'More actions' })
  await expect(more.getByRole('menuitem')).toHaveText(['Edit details…', 'Export…', 'Move to Trash'])
  expect(await layoutProblems(page)).toEqual([])
  await page.screenshot({ path: screenshotPath('layout/480x640-light-reader-more-menu') })
  await more.getByRole('menuitem', { name: 'Edit details…' }).click()
  await expect(tour.dialog('Edit details')).toBeVisible()
  expect(await layoutProblems(page)).toEqual([])
  await page.keyboard.press('Escape')
  await expect(tour.dialog('Edit details')).toBeHidden()

  // The panel is a sheet over the article; choosing a passage takes the person to it.
  const notes = page.getByRole('complementary', { name: 'Highlights and notes' })
  await page.getByRole('button', { name: 'Highlights and notes' }).click()
  await expect(notes.getByTestId('annotation')).toHaveCount(3)
  expect(await layoutProblems(page)).toEqual([])
  await page.screenshot({ path: screenshotPath('layout/480x640-light-reader-notes') })
  await notes.getByRole('button', { name: /^Engineers spent/ }).click()
  await expect(notes).toBeHidden()
  await expect(page.getByTestId('reader-body').getByText(/^Engineers spent/)).toBeInViewport()
})
