// Every screen at four window sizes, light and dark: a screenshot of each, saved under
// test-results/screenshots/layout/ to be looked at, and the layout checks of layout-checks.ts on
// each (nothing past the window's edge or cut off by its box, no heading or nav label cut to a
// stub, a reader text column of at least 45 characters). One archive serves every size.
import type { Page } from '@playwright/test'
import { expect, screenshotPath, test } from './fixtures.ts'
import { makeLayoutArchive, type LayoutArchive } from './layout-archive.ts'
import { layoutProblems } from './pages/layout-checks.ts'
import { ScreenTour } from './pages/screen-tour.ts'
import { SIZES } from './layout-sizes.ts'

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
