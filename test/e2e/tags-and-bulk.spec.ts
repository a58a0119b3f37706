// Journeys: a person tags articles from the reader (with autocomplete), tidies tags in the Tag
// manager (rename, merge, colour, delete with Undo), and works on several articles at once
// with the multi-select, by mouse and by keyboard alone.
import { expect, fixturePath, screenshotPath, test } from './fixtures.ts'
import { TagsPage } from './pages/tags-page.ts'

const GARDEN = "A quiet revolution in the city's allotments"
const CHESS = 'Chess club that meets in a laundrette wins the national league'

test.use({
  seed: {
    imports: [
      {
        files: [fixturePath('library/night-trains.txt'), fixturePath('library/whale-songs.txt')],
        tags: ['travel'],
      },
      { files: [fixturePath('library/allotments.txt')], tags: ['gardens'] },
      { files: [fixturePath('library/chess-laundrette.txt')] },
    ],
  },
})

test('tags from the reader, then renames, merges, recolours and deletes in the manager', async ({
  page,
  library,
  reader,
}) => {
  const tags = new TagsPage(page)
  await library.open(CHESS)
  await expect(reader.title).toHaveText(CHESS)

  await tags.tagsButton.click()
  await tags.editorInput.fill('tra')
  await expect(tags.suggestions).toHaveText(['travel', 'Create “tra”'])
  await tags.editorInput.press('Enter')
  await expect(tags.chip('travel')).toBeVisible()
  await tags.editorInput.fill('games')
  await tags.editorInput.press('Enter')
  await expect(tags.chip('games')).toBeVisible()
  await tags.editorInput.fill('ga')
  await page.screenshot({ path: screenshotPath('reader-tag-editor-light'), animations: 'disabled' })
  await tags.editorInput.press('Escape')
  await expect(tags.editor).toBeHidden()
  await expect(library.row(CHESS).locator('.tag-chip')).toHaveText(['travel', 'games'])
  await expect(tags.sidebarTag('travel')).toContainText('3')

  await tags.openManager()
  await expect(tags.managerRow('travel')).toContainText('3 articles')
  await tags.rename('games', 'board/chess')
  await expect(tags.managerRow('board/chess')).toBeVisible()
  await tags.rename('travel', 'trips')
  await expect(tags.managerRow('trips')).toBeVisible()

  // Merge gardens into trips.
  await tags.managerRow('gardens').getByRole('checkbox').check()
  await tags.managerRow('trips').getByRole('checkbox').check()
  await tags.manager.getByRole('combobox', { name: 'Merge into' }).selectOption('trips')
  await tags.manager.getByRole('button', { name: 'Merge', exact: true }).click()
  await expect(tags.managerRow('gardens')).toHaveCount(0)
  await expect(tags.managerRow('trips')).toContainText('4 articles')

  await tags.managerRow('trips').getByRole('button', { name: 'Colour of trips' }).click()
  await tags.managerRow('trips').getByRole('button', { name: 'Colour #3f7fd6' }).click()
  await expect(tags.managerRow('trips').locator('.tag-swatch').first()).toHaveCSS(
    'background-color',
    'rgb(63, 127, 214)',
  )
  await tags
    .managerRow('board/chess')
    .getByRole('button', { name: 'Colour of board/chess' })
    .click()
  await page.screenshot({ path: screenshotPath('tag-manager-light'), animations: 'disabled' })
  await tags
    .managerRow('board/chess')
    .getByRole('button', { name: 'Colour of board/chess' })
    .click()

  await tags.manager.getByRole('button', { name: 'Delete board/chess' }).click()
  const confirm = page.getByRole('dialog', { name: 'Delete the tag “board/chess”?' })
  await expect(confirm).toContainText('1 article will lose the tag “board/chess”.')
  await confirm.getByRole('button', { name: 'Delete tag' }).click()
  await expect(tags.managerRow('board/chess')).toHaveCount(0)
  await library.toasts
    .filter({ hasText: 'Deleted “board/chess”' })
    .getByRole('button', { name: 'Undo' })
    .click()
  await expect(tags.managerRow('board/chess')).toBeVisible()
  await tags.manager.getByRole('button', { name: 'Done' }).click()

  // The sidebar shows the new names as a tree, and the rows carry them.
  await expect(tags.sidebarTag('trips')).toContainText('4')
  await expect(tags.sidebarTag('board')).toBeVisible()
  await expect(tags.sidebarTag('board/chess')).toContainText('chess')
  await expect(library.row(CHESS).locator('.tag-chip')).toHaveText(['trips', 'board/chess'])
  await expect(library.row(GARDEN).locator('.tag-chip')).toHaveText(['trips'])
  await page.getByRole('button', { name: 'Collapse board' }).click()
  await expect(tags.sidebarTag('board/chess')).toHaveCount(0)
})

test('selects rows with the mouse (shift for a range), archives them, and undoes it', async ({
  page,
  library,
}) => {
  const tags = new TagsPage(page)
  await library.themeOption('Dark').click()
  await expect(library.rows).toHaveCount(4)
  const first = library.rows.nth(0)
  const third = library.rows.nth(2)
  await first.hover()
  await tags.rowCheckbox(first).click()
  await tags.rowCheckbox(third).click({ modifiers: ['Shift'] })
  await expect(tags.bulkCount).toHaveText('3 selected')
  await tags.rowCheckbox(library.rows.nth(1)).click()
  await expect(tags.bulkCount).toHaveText('2 selected')
  await page.mouse.move(0, 0)
  await page.screenshot({ path: screenshotPath('bulk-select-dark'), animations: 'disabled' })

  const titles = await library.rows.locator('.article-row-title').allTextContents()
  await tags.bulkBar.getByRole('button', { name: 'Archive selected' }).click()
  await expect(library.rows).toHaveCount(2)
  await expect(tags.bulkBar).toBeHidden()
  await expect(library.row(titles[0] ?? '')).toHaveCount(0)
  await library.toasts
    .filter({ hasText: 'Archived 2 articles' })
    .getByRole('button', { name: 'Undo' })
    .click()
  await expect(library.rows).toHaveCount(4)
  await expect(library.viewButton('Archived')).not.toContainText(/\d/)
})

test('tags, selects, archives and reads the shortcut sheet with the keyboard alone', async ({
  page,
  library,
  reader,
}) => {
  const tags = new TagsPage(page)
  const kb = page.keyboard
  await expect(library.rows).toHaveCount(4)
  await kb.press('j')
  await kb.press('Enter')
  await expect(reader.title).toHaveText(
    await library.rows.nth(0).locator('.article-row-title').innerText(),
  )

  await kb.press('t')
  await expect(tags.editorInput).toBeFocused()
  await kb.type('gar')
  await expect(tags.suggestions.first()).toHaveText('gardens')
  await kb.press('ArrowDown')
  await kb.press('ArrowUp')
  await kb.press('Enter')
  await expect(tags.chip('gardens')).toBeVisible()
  await kb.press('Escape')
  await expect(tags.editor).toBeHidden()
  await expect(tags.sidebarTag('gardens')).toContainText('2')

  await kb.press('?')
  const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' })
  await expect(sheet).toContainText('Tags of the open article')
  await kb.press('Escape')
  await expect(sheet).toBeHidden()

  await kb.press('Escape')
  await expect(library.list).toBeFocused()
  await kb.press('x')
  await kb.press('j')
  await kb.press('x')
  await expect(tags.bulkCount).toHaveText('2 selected')
  await kb.press('ControlOrMeta+a')
  await expect(tags.bulkCount).toHaveText('4 selected')
  await kb.press('Escape')
  await expect(tags.bulkBar).toBeHidden()
  await kb.press('x')
  await kb.press('k')
  await kb.press('x')
  await expect(tags.bulkCount).toHaveText('2 selected')
  await kb.press('e')
  await expect(library.rows).toHaveCount(2)
  await expect(library.viewButton('Archived')).toContainText('2')
})

test("edits an article's details from the reader", async ({ page, library, reader }) => {
  await library.open(CHESS)
  await reader.toolbar.getByRole('button', { name: 'Edit details' }).click()
  const dialog = page.getByRole('dialog', { name: 'Edit details' })
  await dialog.getByRole('textbox', { name: 'Source' }).fill('Chess Weekly')
  await dialog.getByRole('textbox', { name: 'Published (YYYY-MM-DD)' }).fill('2024-03-09')
  await dialog.getByRole('textbox', { name: 'Address (URL)' }).fill('ftp://example.com/chess')
  await dialog.getByRole('button', { name: 'Save' }).click()
  await expect(dialog.getByRole('alert')).toContainText('http')
  await dialog.getByRole('textbox', { name: 'Address (URL)' }).fill('https://example.com/chess')
  await dialog.getByRole('button', { name: 'Save' }).click()
  await expect(dialog).toBeHidden()
  await expect(library.row(CHESS).locator('time')).toHaveAttribute('datetime', '2024-03-09')
  await expect(library.row(CHESS)).toContainText('Chess Weekly')
  // The original address becomes a link out (to the system browser in the desktop app).
  const original = page.getByRole('article').getByRole('link', { name: 'example.com ↗' })
  await expect(original).toHaveAttribute('href', 'https://example.com/chess')
  await expect(original).toHaveAttribute('target', '_blank')
})

test('merges two copies into the first imported, with both tags, and undoes it', async ({
  page,
  library,
}) => {
  const tags = new TagsPage(page)
  await expect(library.rows).toHaveCount(4)
  // Newest first: chess, allotments, then the two travel pieces imported before them.
  const garden = library.row(GARDEN)
  const travel = library.rows.nth(2)
  const travelTitle = (await travel.locator('.article-row-title').textContent()) ?? ''
  await garden.hover()
  await tags.rowCheckbox(garden).click()
  await tags.rowCheckbox(travel).click()
  await expect(tags.bulkCount).toHaveText('2 selected')
  await tags.bulkBar.getByRole('button', { name: 'Merge' }).click()
  await expect(library.rows).toHaveCount(3)
  await expect(library.row(GARDEN)).toHaveCount(0)
  await expect(library.row(travelTitle)).toContainText('gardens')
  await library.toasts
    .filter({ hasText: 'Merged 2 copies' })
    .getByRole('button', { name: 'Undo' })
    .click()
  await expect(library.rows).toHaveCount(4)
  await expect(library.row(travelTitle)).not.toContainText('gardens')
})
