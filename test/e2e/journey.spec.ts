// The main journey, end to end in one test: a person imports a few stories into a fresh
// archive, finds one with a search, reads it on a sepia page in their own typeface, tags it,
// renames the tag, archives two articles at once, deletes one, undoes, deletes it again and
// restores it from the Trash.
import type { Page } from '@playwright/test'
import { expect, fixturePath, screenshotPath, test } from './fixtures.ts'
import { ReadingControls } from './pages/reader-page.ts'
import { TagsPage } from './pages/tags-page.ts'
import { LIBRARY_STORIES, WIRE_STORY } from './story.ts'

const GARDEN = "A quiet revolution in the city's allotments"
const SEPIA_PAGE = 'rgb(244, 236, 216)'

/** The one browser global used here (this folder compiles without the DOM lib). */
interface StyleGlobals {
  getComputedStyle(el: unknown): { backgroundColor: string; fontFamily: string; fontSize: string }
}

function styleOf(page: Page, selector: string) {
  return page.locator(selector).evaluate((el) => {
    const s = (globalThis as unknown as StyleGlobals).getComputedStyle(el)
    return { backgroundColor: s.backgroundColor, fontFamily: s.fontFamily, fontSize: s.fontSize }
  })
}

test('imports, finds, reads, tags, archives, deletes, undoes and restores', async ({
  page,
  library,
  reader,
  search,
}) => {
  const controls = new ReadingControls(page)
  const tags = new TagsPage(page)
  await page.emulateMedia({ colorScheme: 'light' })

  // A fresh archive greets the person with a way in.
  await expect(library.count).toHaveText('0 articles')
  await expect(library.emptyState).toContainText('press Import, or add pages from the web')
  await page.screenshot({ path: screenshotPath('journey-empty-archive'), animations: 'disabled' })

  // Import with the picker.
  await library.importFiles([
    fixturePath(WIRE_STORY.file),
    ...LIBRARY_STORIES.map((f) => fixturePath(f)),
  ])
  await expect(library.importSummary).toHaveText('5 imported, 0 duplicates, 0 failed')
  await library.closeImportSummary()
  await expect(library.rows).toHaveCount(5)

  // Find the ferry story among the unread ones, and open it.
  await search.run('is:unread ferry', 1)
  await expect(search.chip('is:unread')).toBeVisible()
  await library.open(WIRE_STORY.title)
  await expect(reader.title).toHaveText(WIRE_STORY.title)
  await expect(reader.paragraphs).toHaveText([...WIRE_STORY.paragraphs])

  // Sans, a size up, a sepia page.
  await controls.button.click()
  await expect(controls.popover).toBeVisible()
  await controls.option('Sans').check()
  await controls.control('Larger text').click()
  await controls.option('Sepia').check()
  await page.keyboard.press('Escape')
  await expect(controls.popover).toBeHidden()
  const body = await styleOf(page, '[data-testid="reader-body"]')
  expect(body.fontFamily).toContain('Inter')
  expect(body.fontSize).toBe('20px')
  expect((await styleOf(page, '.reader-stage')).backgroundColor).toBe(SEPIA_PAGE)
  await page.screenshot({ path: screenshotPath('journey-reader-sepia'), animations: 'disabled' })

  // Tag it from the keyboard.
  await page.keyboard.press('t')
  await expect(tags.editorInput).toBeFocused()
  await tags.editorInput.fill('harbours')
  await tags.editorInput.press('Enter')
  await expect(tags.chip('harbours')).toBeVisible()
  await tags.editorInput.press('Escape')
  await expect(tags.editor).toBeHidden()
  await expect(tags.sidebarTag('harbours')).toContainText('1')

  // Back to the whole library, then rename the tag in the Tag manager.
  await search.box.fill('')
  await expect(library.count).toHaveText('5 articles')
  await tags.openManager()
  await expect(tags.managerRow('harbours')).toContainText('1 article')
  await tags.rename('harbours', 'coast')
  await expect(tags.managerRow('coast')).toBeVisible()
  await tags.manager.getByRole('button', { name: 'Done' }).click()
  await expect(tags.manager).toBeHidden()
  await expect(library.row(WIRE_STORY.title).locator('.tag-chip')).toHaveText(['coast'])
  await expect(tags.sidebarTag('coast')).toContainText('1')

  // Select two rows and archive them together.
  for (const title of [WIRE_STORY.title, GARDEN]) {
    await library.row(title).hover()
    await tags.rowCheckbox(library.row(title)).click()
  }
  await expect(tags.bulkCount).toHaveText('2 selected')
  await tags.bulkBar.getByRole('button', { name: 'Archive selected' }).click()
  await expect(tags.bulkBar).toBeHidden()
  await expect(library.rows).toHaveCount(3)
  await expect(library.viewButton('Archived')).toContainText('2')

  // From the archive: delete one, change their mind, delete it again.
  await library.showView('Archived')
  await expect(library.rows).toHaveCount(2)
  await library.open(WIRE_STORY.title)
  await expect(reader.title).toHaveText(WIRE_STORY.title)
  await reader.action('Move to Trash').click()
  await expect(library.row(WIRE_STORY.title)).toHaveCount(0)
  await expect(library.viewButton('Trash')).toContainText('1')
  await library.toasts
    .filter({ hasText: 'to the Trash' })
    .getByRole('button', { name: 'Undo' })
    .click()
  await expect(library.row(WIRE_STORY.title)).toBeVisible()
  await expect(reader.title).toHaveText(WIRE_STORY.title)
  await expect(library.viewButton('Trash')).not.toContainText('1')

  await reader.action('Move to Trash').click()
  await expect(library.row(WIRE_STORY.title)).toHaveCount(0)

  // Restore it from the Trash: it goes back where it was, tag and all.
  await library.showView('Trash')
  await expect(library.rows).toHaveCount(1)
  await library.open(WIRE_STORY.title)
  await expect(page.getByRole('note')).toContainText('in the Trash')
  await reader.action('Restore').click()
  await expect(library.emptyState).toContainText('The Trash is empty')
  await library.showView('Archived')
  await expect(library.row(WIRE_STORY.title).locator('.tag-chip')).toHaveText(['coast'])
  await expect(library.rows).toHaveCount(2)
})
