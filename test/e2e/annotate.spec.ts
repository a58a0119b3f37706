// Journey: a person highlights a passage that runs over two paragraphs, writes a note on it,
// finds it again after a reload (listed and drawn), recolours it, deletes it and takes that back.
import { expect, fixturePath, screenshotPath, test } from './fixtures.ts'
import { AnnotationsPanel } from './pages/annotations-page.ts'
import { ReadingControls } from './pages/reader-page.ts'
import { auditPage, formatFindings } from './pages/axe-audit.ts'

const LONG_READ = {
  file: 'long-read.txt',
  title: "The keepers' library: a century of reading at the edge of the sea",
}

test.use({ seed: { imports: [{ files: [fixturePath(LONG_READ.file)] }] } })

test('highlights across paragraphs, keeps a note, recolours, deletes and undoes', async ({
  page,
  library,
  reader,
}) => {
  const notes = new AnnotationsPanel(page)
  await page.emulateMedia({ colorScheme: 'light' })
  await library.open(LONG_READ.title)
  await expect(reader.title).toHaveText(LONG_READ.title)
  const firstTwo = await reader.paragraphs.evaluateAll((ps) =>
    ps.slice(0, 2).map((p) => (p.textContent ?? '').replace(/\s+/g, ' ').trim()),
  )

  // Over the paragraph break: from the 10th character of the first to the 25th of the second.
  await notes.select(0, 10, 1, 25)
  await expect(notes.selectionBar).toBeVisible()
  await notes.selectionBar.getByRole('button', { name: 'Note' }).click()
  await expect(notes.selectionBar).toBeHidden()
  const editor = notes.sidebar.getByRole('textbox', { name: 'Note' })
  await expect(editor).toBeFocused()
  await editor.fill('Worth rereading <b>not bold</b>')
  await notes.sidebar.getByRole('button', { name: 'Save note' }).click()
  await expect(notes.items).toHaveCount(1)
  await expect(notes.items.first()).toContainText('Worth rereading <b>not bold</b>')

  // The keyboard: h highlights a selection in yellow.
  await notes.select(2, 0, 2, 20)
  await expect(notes.selectionBar).toBeVisible()
  await page.keyboard.press('h')
  await expect(notes.items).toHaveCount(2)
  await expect.poll(() => notes.drawn()).toEqual(['q-yellow'])

  await page.reload()
  await library.open(LONG_READ.title)
  await expect(reader.title).toHaveText(LONG_READ.title)
  await notes.toggle.click()
  await expect(notes.items).toHaveCount(2)
  const first = notes.items.first()
  const quote = first.locator('.annotation-quote')
  await expect(quote).toContainText(`${firstTwo[0]?.slice(10)}`)
  await expect(quote).toContainText(`${firstTwo[1]?.slice(0, 25)}`)
  await expect(first.locator('.annotation-note')).toHaveText('Worth rereading <b>not bold</b>')
  await expect(first.locator('b')).toHaveCount(0)
  await expect.poll(() => notes.drawn()).toEqual(['q-yellow'])

  await notes.colour(first, 'Green').click()
  await expect(notes.colour(notes.items.first(), 'Green')).toHaveAttribute('aria-checked', 'true')
  await expect.poll(() => notes.drawn()).toEqual(['q-green', 'q-yellow'])
  await expect(notes.orphaned).toHaveCount(0)

  // Clicking an item brings its passage back into view.
  const controls = new ReadingControls(page)
  await controls.scrollTo(1)
  const bottom = await controls.scroller.evaluate((el) => el.scrollTop)
  await notes.items.nth(1).locator('.annotation-quote').click()
  await expect.poll(() => controls.scroller.evaluate((el) => el.scrollTop)).toBeLessThan(bottom)
  await notes.items.first().locator('.annotation-quote').click()
  await expect(reader.paragraphs.first()).toBeInViewport()
  await page.screenshot({ path: screenshotPath('annotations-light'), animations: 'disabled' })
  expect(formatFindings(await auditPage(page, 'annotations, light'))).toBe('')

  await notes.items.first().getByRole('button', { name: 'Delete' }).click()
  await expect(notes.items).toHaveCount(1)
  await expect.poll(() => notes.drawn()).toEqual(['q-yellow'])
  await page.getByTestId('toast').getByRole('button', { name: 'Undo' }).click()
  await expect(notes.items).toHaveCount(2)
  await expect(notes.items.first().locator('.annotation-note')).toHaveText(
    'Worth rereading <b>not bold</b>',
  )
  await expect.poll(() => notes.drawn()).toEqual(['q-green', 'q-yellow'])

  // n highlights and opens the new highlight's note.
  await notes.select(3, 0, 3, 12)
  await page.keyboard.press('n')
  await expect(notes.items).toHaveCount(3)
  await expect(notes.sidebar.getByRole('textbox', { name: 'Note' })).toBeFocused()
  await notes.sidebar.getByRole('button', { name: 'Cancel' }).click()

  await page.emulateMedia({ colorScheme: 'dark' })
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark')
  await page.screenshot({ path: screenshotPath('annotations-dark'), animations: 'disabled' })
  expect(formatFindings(await auditPage(page, 'annotations, dark'))).toBe('')
})
