// Journey: a person highlights passages in two articles, opens the notebook (every highlight in
// the archive, grouped by article), narrows it by colour and by text, and jumps from a quote
// back to its passage in the reader, where it flashes.
import { expect, fixturePath, screenshotPath, test } from './fixtures.ts'
import { AnnotationsPanel } from './pages/annotations-page.ts'
import { NotebookPage } from './pages/notebook-page.ts'
import { auditPage, formatFindings } from './pages/axe-audit.ts'

const LONG_READ = "The keepers' library: a century of reading at the edge of the sea"
const WIRE = 'Harbour town turns old ferry terminal into a floating library'

test.use({
  seed: { imports: [{ files: [fixturePath('long-read.txt'), fixturePath('wire-story.txt')] }] },
})

test('the notebook lists, filters and jumps to highlights across articles', async ({
  page,
  library,
  reader,
}) => {
  const notes = new AnnotationsPanel(page)
  const book = new NotebookPage(page)
  await page.emulateMedia({ colorScheme: 'light' })

  const highlight = async (colour: string, from: string, to: string, note?: string) => {
    await notes.selectText(from, to)
    if (note) {
      await notes.selectionBar.getByRole('button', { name: 'Note' }).click()
      await notes.sidebar.getByRole('textbox', { name: 'Note', exact: true }).fill(note)
      await notes.sidebar.getByRole('button', { name: 'Save note' }).click()
      if (colour !== 'Yellow') await notes.colour(notes.item(note), colour).click()
    } else {
      await notes.selectionBar.getByRole('button', { name: `Highlight ${colour}` }).click()
    }
  }

  await library.open(LONG_READ)
  await expect(reader.title).toHaveText(LONG_READ)
  await highlight(
    'Yellow',
    'The lighthouse keepers',
    'survives.',
    'Logs **matter**: see [the museum](https://example.org/museum)',
  )
  await highlight('Pink', 'Historians at the maritime museum', 'magnifying lamp.')
  await expect(notes.items).toHaveCount(2)

  // Below 1440px the open panel takes the list's column; closing it brings the list back.
  await notes.toggle.click()
  await expect(library.list).toBeVisible()
  await library.open(WIRE)
  await expect(reader.title).toHaveText(WIRE)
  await highlight('Green', 'A disused ferry terminal', 'floats', 'Ask the council about the tide')
  await expect(notes.items).toHaveCount(1)
  await expect.poll(() => notes.drawn()).toEqual(['q-green'])

  // From the sidebar's Notebook button; B opens it from anywhere else.
  await notes.sidebar.getByRole('button', { name: 'Notebook' }).click()
  await expect(book.view).toBeVisible()
  await expect(book.count).toHaveText('3 highlights in 2 articles')
  await expect(book.groups).toHaveCount(2)
  // Newest first: the wire story was highlighted last.
  await expect(book.groups.first().getByRole('heading')).toContainText(WIRE)
  await expect(book.group(LONG_READ).getByTestId('notebook-item')).toHaveCount(2)
  const first = book.group(LONG_READ).getByTestId('notebook-item').first()
  await expect(first.locator('.notebook-note strong')).toHaveText('matter')
  await expect(first.locator('.notebook-note a')).toHaveAttribute(
    'href',
    'https://example.org/museum',
  )
  await page.screenshot({ path: '/tmp/shots/notebook-light.png', animations: 'disabled' })
  await page.screenshot({ path: screenshotPath('notebook-light'), animations: 'disabled' })
  expect(formatFindings(await auditPage(page, 'notebook, light'))).toBe('')

  await book.colour('Pink').click()
  await expect(book.count).toHaveText('1 highlight in 1 article')
  await expect(book.items).toHaveCount(1)
  await expect(book.items.first()).toContainText('Historians at the maritime museum')
  await book.colours.getByRole('radio', { name: 'Any' }).click()
  await expect(book.items).toHaveCount(3)

  await book.text.fill('council about')
  await expect(book.count).toHaveText('1 highlight in 1 article')
  await expect(book.groups.first().getByRole('heading')).toContainText(WIRE)
  await book.text.fill('nothing like this anywhere')
  await expect(book.view).toContainText('No highlights match these filters.')
  await book.view.getByRole('button', { name: 'Clear filters' }).click()
  await expect(book.items).toHaveCount(3)

  await page.emulateMedia({ colorScheme: 'dark' })
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark')
  await page.screenshot({ path: '/tmp/shots/notebook-dark.png', animations: 'disabled' })
  expect(formatFindings(await auditPage(page, 'notebook, dark'))).toBe('')
  await page.emulateMedia({ colorScheme: 'light' })

  // Jump: the pink quote opens the long read at its passage, which flashes.
  await book
    .group(LONG_READ)
    .getByRole('button', { name: /Go to “Historians/ })
    .click()
  await expect(book.view).toBeHidden()
  await expect(reader.title).toHaveText(LONG_READ)
  await expect.poll(() => notes.flashing()).toBe(true)
  await expect(reader.paragraphs.nth(2)).toBeInViewport()
  await expect.poll(() => notes.drawn()).toEqual(['q-pink', 'q-yellow'])

  // The keyboard: B opens the notebook, ↓ moves between quotes, Enter jumps, Esc closes it.
  await reader.title.click()
  await page.keyboard.press('b')
  await expect(book.view).toBeVisible()
  await expect(book.items).toHaveCount(3)
  const quote = (n: number) => book.items.nth(n).getByRole('button', { name: /^Go to/ })
  await quote(0).focus()
  await page.keyboard.press('ArrowDown')
  await expect(quote(1)).toBeFocused()
  await page.keyboard.press('ArrowDown')
  await page.keyboard.press('ArrowUp')
  await expect(quote(1)).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(book.view).toBeHidden()
  await expect(reader.paragraphs.first()).toBeInViewport()
  await expect.poll(() => notes.flashing()).toBe(true)
  await page.keyboard.press('b')
  await expect(book.view).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(book.view).toBeHidden()
  await expect(reader.title).toHaveText(LONG_READ)
})
