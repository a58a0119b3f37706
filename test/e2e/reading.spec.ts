// Journey: a person settles in with a long read: picks a typeface, size, width and a sepia page
// that stay after a reload, leaves half way and comes back to the same place, and the article
// is marked read when they reach its end.
import type { Page } from '@playwright/test'
import { expect, fixturePath, screenshotPath, test } from './fixtures.ts'
import { ReadingControls } from './pages/reader-page.ts'
import { WIRE_STORY } from './story.ts'

const LONG_READ = {
  file: 'long-read.txt',
  title: "The keepers' library: a century of reading at the edge of the sea",
}

test.use({
  seed: {
    imports: [{ files: [fixturePath(WIRE_STORY.file)] }, { files: [fixturePath(LONG_READ.file)] }],
  },
})

/** The one browser global used here (this folder compiles without the DOM lib). */
interface StyleGlobals {
  getComputedStyle(el: unknown): {
    fontFamily: string
    fontSize: string
    maxWidth: string
    backgroundColor: string
  }
}

async function styleOf(page: Page, selector: string) {
  return page.locator(selector).evaluate((el) => {
    const s = (globalThis as unknown as StyleGlobals).getComputedStyle(el)
    return {
      fontFamily: s.fontFamily,
      fontSize: s.fontSize,
      maxWidth: s.maxWidth,
      backgroundColor: s.backgroundColor,
    }
  })
}

interface Stored {
  title: string
  status: string
  progress: number
}

/** The long read as main has it, asked over the shell's API with the page's token. */
async function stored(appUrl: string): Promise<Stored> {
  const url = new URL(appUrl)
  const res = await fetch(`${url.origin}/api/articles:list`, {
    method: 'POST',
    headers: {
      'x-quire-token': url.hash.replace('#token=', ''),
      'content-type': 'application/json',
    },
    body: JSON.stringify({ view: 'all' }),
  })
  const page = (await res.json()) as { ok: boolean; value: { items: Stored[] } }
  const found = page.value.items.find((a) => a.title === LONG_READ.title)
  if (!found) throw new Error('the long read is not in the archive')
  return found
}

test('keeps the chosen typeface, size, width and sepia page across a reload', async ({
  page,
  library,
  reader,
}) => {
  const controls = new ReadingControls(page)
  await page.emulateMedia({ colorScheme: 'light' })
  await library.open(LONG_READ.title)
  await expect(reader.title).toHaveText(LONG_READ.title)
  const before = await styleOf(page, '[data-testid="reader-body"]')
  expect(before.fontFamily).toContain('Charter')

  await controls.button.click()
  await expect(controls.popover).toBeVisible()
  await expect(controls.option('Serif')).toBeFocused()
  await controls.option('Sans').check()
  for (let i = 0; i < 3; i++) await controls.control('Larger text').click()
  await controls.option('Narrow').check()
  const narrow = await styleOf(page, '.reader-article')
  await controls.option('Wide').check()
  await controls.option('Sepia').check()

  const body = await styleOf(page, '[data-testid="reader-body"]')
  expect(body.fontFamily).toContain('Inter')
  expect(body.fontFamily).not.toContain('Charter')
  expect(body.fontSize).toBe('22px')
  const wide = await styleOf(page, '.reader-article')
  // 80ch against 55ch in the same face and size.
  expect(parseFloat(wide.maxWidth) / parseFloat(narrow.maxWidth)).toBeCloseTo(80 / 55, 2)
  expect((await styleOf(page, '.reader-stage')).backgroundColor).toBe('rgb(244, 236, 216)')

  // Esc closes the popover and leaves the rest of the app's keys alone.
  await page.keyboard.press('Escape')
  await expect(controls.popover).toBeHidden()
  await expect(reader.title).toBeVisible()
  await controls.scrollTo(0.3)
  await expect(controls.progressBar).toHaveAttribute('aria-valuenow', '30')
  await page.screenshot({ path: screenshotPath('reader-sepia'), animations: 'disabled' })

  await page.reload()
  await library.open(LONG_READ.title)
  await expect(reader.title).toHaveText(LONG_READ.title)
  const after = await styleOf(page, '[data-testid="reader-body"]')
  expect(after).toEqual(body)
  expect(await styleOf(page, '.reader-article')).toEqual(wide)
  expect((await styleOf(page, '.reader-stage')).backgroundColor).toBe('rgb(244, 236, 216)')
  // The app around the reader keeps its own (light) theme.
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light')

  await controls.button.click()
  await expect(controls.option('Sans')).toBeChecked()
  await expect(controls.popover).toContainText('22 px')
  await controls.option('Dark').check()
  await controls.option('Medium').check()
  await expect(controls.popover).toBeVisible()
  await expect(controls.option('Medium')).toBeFocused()
  await page.screenshot({ path: screenshotPath('reader-settings-dark'), animations: 'disabled' })
})

test('saves the place in a long read, restores it, and marks the article read at the end', async ({
  page,
  appUrl,
  library,
  reader,
}) => {
  const controls = new ReadingControls(page)
  await library.open(LONG_READ.title)
  await expect(reader.title).toHaveText(LONG_READ.title)
  // With "mark as read at the end" on (the default), opening a long read leaves it unread.
  await expect(reader.action('Mark as read')).toBeVisible()
  await expect.poll(async () => (await stored(appUrl)).status).toBe('unread')

  await controls.scrollTo(0.5)
  await expect(controls.progressBar).toHaveAttribute('aria-valuenow', '50')
  // Leaving before the debounce fires still saves the place.
  await library.open(WIRE_STORY.title)
  await expect(reader.title).toHaveText(WIRE_STORY.title)
  await expect.poll(async () => (await stored(appUrl)).progress).toBeCloseTo(0.5, 2)
  expect((await stored(appUrl)).status).toBe('reading')
  // The list has caught up (no unread dot), so opening it again does not count as a first read.
  await expect(library.row(LONG_READ.title).getByLabel('Unread')).toHaveCount(0)

  await library.open(LONG_READ.title)
  await expect(reader.title).toHaveText(LONG_READ.title)
  await expect.poll(() => controls.scrolled()).toBeCloseTo(0.5, 1)
  expect(Math.abs((await controls.scrolled()) - 0.5)).toBeLessThan(0.02)
  await expect(controls.progressBar).toHaveAttribute('aria-valuenow', '50')
  await expect(reader.action('Mark as read')).toBeVisible()
  expect((await stored(appUrl)).status).toBe('reading')

  // A pause in scrolling saves without leaving.
  await controls.scrollTo(0.7)
  await expect.poll(async () => (await stored(appUrl)).progress).toBeCloseTo(0.7, 2)

  await controls.scrollTo(1)
  await expect(controls.progressBar).toHaveAttribute('aria-valuenow', '100')
  await expect(reader.action('Mark as unread')).toBeVisible()
  const end = await stored(appUrl)
  expect(end.status).toBe('read')
  expect(end.progress).toBeGreaterThanOrEqual(0.99)
})
