// Journey: a person deletes an article, changes their mind (Undo), then deletes it for good
// from the Trash, confirming first.
import { expect, fixturePath, screenshotPath, test } from './fixtures.ts'
import { WIRE_STORY } from './story.ts'

test.use({
  seed: {
    imports: [{ files: [fixturePath(WIRE_STORY.file), fixturePath('library/allotments.txt')] }],
  },
})

test('moves an article to the Trash, undoes it, restores and empties the Trash', async ({
  library,
  reader,
  page,
}) => {
  await library.open(WIRE_STORY.title)
  await expect(reader.title).toHaveText(WIRE_STORY.title)

  await reader.action('Move to Trash').click()
  await expect(library.row(WIRE_STORY.title)).toHaveCount(0)
  await expect(reader.emptyState).toBeVisible()
  const toast = library.toasts.filter({ hasText: 'to the Trash' })
  await expect(toast).toContainText(
    'Moved “Harbour town turns old ferry terminal into a…” to the Trash',
  )
  await expect(library.viewButton('Trash')).toContainText('1')
  await page.screenshot({ path: screenshotPath('undo-toast-light'), animations: 'disabled' })

  await toast.getByRole('button', { name: 'Undo' }).click()
  await expect(library.row(WIRE_STORY.title)).toBeVisible()
  await expect(reader.title).toHaveText(WIRE_STORY.title)
  await expect(library.viewButton('Trash')).not.toContainText('1')

  // Delete again, then restore from the Trash itself.
  await reader.action('Move to Trash').click()
  await library.showView('Trash')
  await library.open(WIRE_STORY.title)
  await expect(page.getByRole('note')).toContainText('in the Trash')
  await reader.action('Restore').click()
  await expect(library.rows).toHaveCount(0)
  await expect(library.emptyState).toContainText('The Trash is empty')

  // Delete both and empty the Trash; Cancel first leaves everything as it was.
  await library.showView('Inbox')
  for (const title of [WIRE_STORY.title, 'A quiet revolution']) {
    await library.open(title)
    await expect(reader.title).toContainText(title)
    await reader.action('Move to Trash').click()
    await expect(library.row(title)).toHaveCount(0)
  }
  await library.showView('Trash')
  await expect(library.rows).toHaveCount(2)
  await page.getByRole('button', { name: 'Empty Trash' }).click()
  const dialog = page.getByRole('dialog', { name: 'Empty the Trash?' })
  await expect(dialog).toContainText('2 articles will be deleted for good')
  await page.emulateMedia({ colorScheme: 'dark' })
  await page.screenshot({ path: screenshotPath('empty-trash-dialog-dark'), animations: 'disabled' })
  await dialog.getByRole('button', { name: 'Cancel' }).click()
  await expect(dialog).toBeHidden()
  await expect(library.rows).toHaveCount(2)

  await page.getByRole('button', { name: 'Empty Trash' }).click()
  await dialog.getByRole('button', { name: 'Empty Trash' }).click()
  await expect(library.toasts.filter({ hasText: 'for good' })).toContainText(
    'Deleted 2 articles for good',
  )
  await expect(library.emptyState).toContainText('The Trash is empty')
  await library.showView('All articles')
  await expect(library.emptyState).toContainText('Your archive is empty')
})
