// Journey: a person tags two articles, then deletes them, and changes their mind twice. The
// newest action's toast is on top; its Undo reverses that action only; Ctrl/⌘+Z then reverses
// the one before; a third Ctrl/⌘+Z has nothing left to undo.
import { expect, fixturePath, screenshotPath, test } from './fixtures.ts'
import { TagsPage } from './pages/tags-page.ts'

const GARDEN = "A quiet revolution in the city's allotments"
const CHESS = 'Chess club that meets in a laundrette wins the national league'

test.use({
  seed: {
    imports: [
      {
        files: [
          fixturePath('library/night-trains.txt'),
          fixturePath('library/whale-songs.txt'),
          fixturePath('library/allotments.txt'),
          fixturePath('library/chess-laundrette.txt'),
        ],
      },
    ],
  },
})

test('undoes a bulk delete, then the bulk tag before it, newest first', async ({
  page,
  library,
}) => {
  test.setTimeout(120_000)
  const tags = new TagsPage(page)
  await expect(library.rows).toHaveCount(4)
  await library.row(GARDEN).hover()
  await tags.rowCheckbox(library.row(GARDEN)).click()
  await tags.rowCheckbox(library.row(CHESS)).click()
  await expect(tags.bulkCount).toHaveText('2 selected')

  await tags.bulkBar.getByRole('button', { name: 'Tag…', exact: true }).click()
  const input = page.getByRole('dialog', { name: 'Add a tag' }).getByRole('combobox')
  await input.fill('later')
  await input.press('Enter')
  const tagged = library.toasts.filter({ hasText: 'Tagged “later”: 2 articles' })
  await expect(tagged).toBeVisible()
  await expect(library.row(GARDEN).locator('.tag-chip')).toHaveText(['later'])

  await tags.bulkBar.getByRole('button', { name: 'Delete selected' }).click()
  const trashed = library.toasts.filter({ hasText: 'Moved 2 articles to the Trash' })
  await expect(trashed).toBeVisible()
  await expect(library.rows).toHaveCount(2)
  await expect(library.viewButton('Trash')).toContainText('2')

  // The newest is on top: the delete's toast comes before the tagging's.
  await expect(library.toasts).toHaveText([/Moved 2 articles to the Trash/, /Tagged “later”/])
  await page.mouse.move(0, 0)
  await page.screenshot({ path: screenshotPath('undo-toasts-light'), animations: 'disabled' })
  await library.themeOption('Dark').click()
  await page.mouse.move(0, 0)
  await page.screenshot({ path: screenshotPath('undo-toasts-dark'), animations: 'disabled' })

  // The top Undo reverses the delete, and only the delete: the tag stays.
  await library.toasts.first().getByRole('button', { name: 'Undo' }).click()
  await expect(library.rows).toHaveCount(4)
  await expect(library.viewButton('Trash')).not.toContainText(/\d/)
  await expect(library.row(CHESS).locator('.tag-chip')).toHaveText(['later'])
  await expect(trashed).toHaveCount(0)

  // Ctrl/⌘+Z, from the list, reverses the action before it: the tagging.
  await library.list.focus()
  await page.keyboard.press('ControlOrMeta+z')
  await expect(library.toasts.filter({ hasText: 'Undone: Tagged “later”' })).toBeVisible()
  await expect(library.row(CHESS).locator('.tag-chip')).toHaveCount(0)
  await expect(library.row(GARDEN).locator('.tag-chip')).toHaveCount(0)
  await expect(library.rows).toHaveCount(4)

  await page.keyboard.press('ControlOrMeta+z')
  await expect(library.toasts.filter({ hasText: 'Nothing to undo' })).toBeVisible()
  await expect(library.rows).toHaveCount(4)
})

test('Ctrl/⌘+Z in a text field is the field’s own undo, not the archive’s', async ({
  page,
  library,
  reader,
}) => {
  test.setTimeout(120_000)
  await library.open(CHESS)
  await expect(reader.title).toHaveText(CHESS)
  await reader.action('Move to Trash').click()
  await expect(library.toasts.filter({ hasText: 'to the Trash' })).toBeVisible()
  await expect(library.rows).toHaveCount(3)

  const box = page.getByRole('combobox', { name: 'Search the library' })
  await box.fill('laundrette')
  await box.press('ControlOrMeta+z')
  // The article is still in the Trash: the keys undid the typing (if anything), not the delete.
  await expect(library.viewButton('Trash')).toContainText('1')
  await box.fill('')
  await library.list.focus()
  await page.keyboard.press('ControlOrMeta+z')
  await expect(library.viewButton('Trash')).not.toContainText(/\d/)
  await expect(library.row(CHESS)).toBeVisible()
})
