// Journey: the app follows the system's light or dark theme until the person picks one, and
// keeps that choice. Saves the screenshots of the library and the reader in both themes.
import type { Page } from '@playwright/test'
import { expect, fixturePath, screenshotPath, test } from './fixtures.ts'
import { LIBRARY_STORIES, WIRE_STORY } from './story.ts'

test.use({
  seed: {
    imports: [
      {
        files: [fixturePath(LIBRARY_STORIES[0]), fixturePath(LIBRARY_STORIES[1])],
        tags: ['travel'],
      },
      { files: [fixturePath(LIBRARY_STORIES[2])], tags: ['cities', 'long-reads'] },
      { files: [fixturePath(LIBRARY_STORIES[3])] },
      { files: [fixturePath(WIRE_STORY.file)], tags: ['culture', 'uk'] },
    ],
  },
})

/** The one browser global used here (this folder compiles without the DOM lib). */
interface StyleGlobals {
  getComputedStyle(el: unknown): { backgroundColor: string }
}

function backgroundOf(page: Page, selector: string): Promise<string> {
  return page
    .locator(selector)
    .evaluate((el) => (globalThis as unknown as StyleGlobals).getComputedStyle(el).backgroundColor)
}

/** Relative luminance of an `rgb(r, g, b)` colour, 0 (black) to 1 (white). */
function luminance(rgb: string): number {
  const [r = 0, g = 0, b = 0] = (rgb.match(/\d+(\.\d+)?/g) ?? []).map(Number)
  return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255
}

test('follows the system theme, lets the person override it, and remembers', async ({
  page,
  library,
  reader,
}) => {
  const html = page.locator('html')

  await page.emulateMedia({ colorScheme: 'light' })
  await expect(html).toHaveAttribute('data-theme', 'light')
  await expect(library.themeOption('Match system')).toHaveAttribute('aria-checked', 'true')
  expect(luminance(await backgroundOf(page, '.reader'))).toBeGreaterThan(0.9)
  await expect(library.rows).toHaveCount(5)
  await library.open(WIRE_STORY.title)
  await expect(reader.paragraphs).toHaveCount(WIRE_STORY.paragraphs.length)
  await page.screenshot({ path: screenshotPath('reader-light'), animations: 'disabled' })

  await page.emulateMedia({ colorScheme: 'dark' })
  await expect(html).toHaveAttribute('data-theme', 'dark')
  expect(luminance(await backgroundOf(page, '.reader'))).toBeLessThan(0.2)
  await page.screenshot({ path: screenshotPath('reader-dark'), animations: 'disabled' })

  // An explicit Light beats the dark system setting, and survives a reload.
  await library.themeOption('Light').click()
  await expect(html).toHaveAttribute('data-theme', 'light')
  await page.reload()
  await expect(html).toHaveAttribute('data-theme', 'light')
  await expect(library.themeOption('Light')).toHaveAttribute('aria-checked', 'true')

  await library.themeOption('Dark').click()
  await page.emulateMedia({ colorScheme: 'light' })
  await expect(html).toHaveAttribute('data-theme', 'dark')
  expect(luminance(await backgroundOf(page, 'body'))).toBeLessThan(0.2)
})

test('saves library screenshots in both themes', async ({ page, library }) => {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme })
    await expect(page.locator('html')).toHaveAttribute('data-theme', scheme)
    await expect(library.rows).toHaveCount(5)
    await library.list.focus()
    await page.keyboard.press('j')
    await page.keyboard.press('j')
    await page.screenshot({ path: screenshotPath(`library-${scheme}`), animations: 'disabled' })
    await page.keyboard.press('k')
  }
})

test('folds into one column with the sidebar in a drawer on a narrow window', async ({
  page,
  library,
  reader,
}) => {
  await page.setViewportSize({ width: 720, height: 800 })
  await expect(library.list).toBeVisible()
  await expect(reader.toolbar).toBeHidden()
  await expect(library.viewButton('Inbox')).toBeHidden()
  await page.getByRole('button', { name: 'Show the sidebar' }).click()
  const drawer = page.getByRole('dialog', { name: 'Sidebar', exact: true })
  await expect(drawer.getByRole('button', { name: /^Inbox/ })).toBeFocused()
  await page.keyboard.press('Escape')
  await expect(drawer).toBeHidden()

  await library.open(WIRE_STORY.title)
  await expect(reader.title).toHaveText(WIRE_STORY.title)
  await expect(library.list).toBeHidden()
  await page.screenshot({ path: screenshotPath('reader-narrow-light'), animations: 'disabled' })

  await page.getByRole('button', { name: 'Back to the list' }).click()
  await expect(library.list).toBeVisible()
  await expect(library.list).toBeFocused()
})
