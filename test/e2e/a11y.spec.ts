// Accessibility: axe-core's WCAG 2.1 A and AA rules on each screen a person meets (the library,
// the reader, the Tag manager, the empty archive, the settings), in the light and dark themes;
// then every screen of the layout tour (each dialog, the drawer, the More menu) at each of the
// layout spec's window sizes. Any serious or critical violation fails, printed with its rule,
// impact, nodes and help.
import type { Page } from '@playwright/test'
import { expect, fixturePath, test } from './fixtures.ts'
import { makeLayoutArchive, type LayoutArchive } from './layout-archive.ts'
import { SIZES } from './layout-sizes.ts'
import { auditPage, formatFindings, type Finding } from './pages/axe-audit.ts'
import { ReadingControls } from './pages/reader-page.ts'
import { ScreenTour } from './pages/screen-tour.ts'
import { TagsPage } from './pages/tags-page.ts'
import { LIBRARY_STORIES, WIRE_STORY } from './story.ts'

const THEMES = ['light', 'dark'] as const

/** Switches the system theme (the app follows it by default) and waits for the page to. */
async function useTheme(page: Page, theme: (typeof THEMES)[number]): Promise<void> {
  await page.emulateMedia({ colorScheme: theme })
  await expect(page.locator('html')).toHaveAttribute('data-theme', theme)
}

/**
 * Violations known and owned elsewhere, each with the fix its owner has been given. They are
 * reported on the test (an annotation) instead of failing it; delete an entry once it is fixed.
 */
/** Findings accepted for now, each with its owner's fix; empty today. */
const KNOWN: { id: string; target: RegExp; why: string }[] = []

function knownAs(f: Finding): (typeof KNOWN)[number] | undefined {
  return KNOWN.find((k) => k.id === f.id && f.targets.every((t) => k.target.test(t)))
}

/** Audits the screen in both themes and fails with every unknown finding at once. */
async function auditBothThemes(page: Page, screen: string): Promise<void> {
  const findings: Finding[] = []
  for (const theme of THEMES) {
    await useTheme(page, theme)
    findings.push(...(await auditPage(page, `${screen}, ${theme}`)))
  }
  expectNoBlocking(findings)
}

/** Fails on any finding not in KNOWN; the known ones are noted on the test. */
function expectNoBlocking(findings: Finding[]): void {
  for (const f of findings) {
    const known = knownAs(f)
    if (!known) continue
    const description = `${known.why}\n${formatFindings([f])}`
    test.info().annotations.push({ type: 'known a11y violation', description })
    console.warn(`known a11y violation, not failing: ${description}`)
  }
  const blocking = findings.filter((f) => !knownAs(f))
  expect(blocking.length, formatFindings(blocking)).toBe(0)
}

test.describe('with articles', () => {
  test.use({
    seed: {
      imports: [
        { files: LIBRARY_STORIES.map((f) => fixturePath(f)), tags: ['travel'] },
        { files: [fixturePath(WIRE_STORY.file)], tags: ['culture', 'uk/news'] },
      ],
    },
  })

  test('the library has no serious violations', async ({ page, library }) => {
    await expect(library.rows).toHaveCount(5)
    await library.list.focus()
    await page.keyboard.press('j')
    await auditBothThemes(page, 'library')
  })

  test('the reader has no serious violations', async ({ page, library, reader }) => {
    await library.open(WIRE_STORY.title)
    await expect(reader.paragraphs).toHaveCount(WIRE_STORY.paragraphs.length)
    await auditBothThemes(page, 'reader')
  })

  test("the reader's own Light, Sepia and Dark pages have no serious violations", async ({
    page,
    library,
    reader,
  }) => {
    const controls = new ReadingControls(page)
    await useTheme(page, 'light')
    await library.open(WIRE_STORY.title)
    await expect(reader.paragraphs).toHaveCount(WIRE_STORY.paragraphs.length)
    const findings: Finding[] = []
    for (const name of ['Light', 'Sepia', 'Dark']) {
      await controls.button.click()
      await controls.option(name).check()
      await page.keyboard.press('Escape')
      await expect(controls.popover).toBeHidden()
      await expect(page.locator('.reader')).toHaveAttribute('data-reader-theme', name.toLowerCase())
      findings.push(...(await auditPage(page, `reader page ${name}`)))
    }
    expectNoBlocking(findings)
  })

  test('the Tag manager has no serious violations', async ({ page, library }) => {
    await expect(library.rows).toHaveCount(5)
    const tags = new TagsPage(page)
    await tags.openManager()
    await expect(tags.managerRow('travel')).toBeVisible()
    await auditBothThemes(page, 'tag manager')
  })

  test('the notebook has no serious violations', async ({ page, library }) => {
    await library.list.focus()
    await page.keyboard.press('b')
    await expect(page.getByRole('main', { name: 'Notebook' })).toBeVisible()
    await auditBothThemes(page, 'notebook')
  })

  test('the settings screen has no serious violations', async ({ page, library }) => {
    await expect(library.rows).toHaveCount(5)
    const gear = library.sidebar.getByRole('button', { name: /^Settings/ })
    test.skip(
      (await gear.count()) === 0,
      'no Settings button in the sidebar yet (renderer/src/settings is not wired in)',
    )
    await gear.click()
    await expect(page.getByRole('dialog', { name: 'Settings', exact: true })).toBeVisible()
    await auditBothThemes(page, 'settings')
  })
})

test('the empty archive has no serious violations', async ({ page, library }) => {
  await expect(library.emptyState).toContainText('Your archive is empty')
  await auditBothThemes(page, 'empty archive')
})

test.describe('at every window size', () => {
  let archive: LayoutArchive | undefined

  test.beforeAll(async () => {
    test.setTimeout(120_000)
    archive = await makeLayoutArchive()
  })

  test.afterAll(async () => {
    await archive?.stop()
  })

  for (const size of SIZES) {
    test(`every screen at ${size.width}×${size.height} has no serious violations`, async ({
      page,
    }) => {
      test.setTimeout(300_000)
      if (!archive) throw new Error('the layout archive was not made')
      await page.setViewportSize(size)
      const findings: Finding[] = []
      await new ScreenTour(page, archive).run(async (screen) => {
        const scene = `${screen} at ${size.width}×${size.height}`
        for (const theme of THEMES) {
          await useTheme(page, theme)
          findings.push(...(await auditPage(page, `${scene}, ${theme}`)))
        }
        await useTheme(page, 'light')
      })
      expectNoBlocking(findings)
    })
  }
})
