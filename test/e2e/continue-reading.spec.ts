// Journey: a person reads part of a long article and goes back to the list: the row shows how far
// they got (a bar and "40% read"); opening it again continues there, and says so, with the top
// one click away.
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

test('shows reading progress in the list and continues where the person left off', async ({
  page,
  library,
  reader,
}) => {
  test.setTimeout(150_000)
  const controls = new ReadingControls(page)
  await library.open(LONG_READ.title)
  await expect(reader.title).toHaveText(LONG_READ.title)
  // A fresh article opens at its top, with nothing to continue.
  await expect(page.getByTestId('resume-note')).toHaveCount(0)
  await expect(library.row(LONG_READ.title).getByTestId('row-progress')).toHaveCount(0)

  await controls.scrollTo(0.4)
  const progress = library.row(LONG_READ.title).getByTestId('row-progress')
  await expect(progress).toHaveText(/^(39|40|41)% read$/)
  await expect(library.row(LONG_READ.title).locator('.article-row-progress')).toBeVisible()

  await library.open(WIRE_STORY.title)
  await expect(reader.title).toHaveText(WIRE_STORY.title)
  await page.mouse.move(0, 0)
  await page.screenshot({ path: screenshotPath('list-progress-light'), animations: 'disabled' })

  await library.open(LONG_READ.title)
  await expect(reader.title).toHaveText(LONG_READ.title)
  const note = page.getByTestId('resume-note')
  await expect(note).toContainText(/Continuing where you left off \((39|40|41)%\)/)
  await expect.poll(() => controls.scrolled()).toBeGreaterThan(0.3)
  await page.screenshot({ path: screenshotPath('reader-resume-light'), animations: 'disabled' })
  await library.themeOption('Dark').click()
  await page.mouse.move(0, 0)
  await page.screenshot({ path: screenshotPath('reader-resume-dark'), animations: 'disabled' })
  await note.getByRole('button', { name: 'Start from the top' }).click()
  await expect(note).toHaveCount(0)
  await expect.poll(() => controls.scrolled()).toBe(0)
})
