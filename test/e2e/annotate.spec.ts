// Journeys: a person highlights a passage that runs over two paragraphs, writes a note on it,
// finds it again after a reload (listed and drawn), recolours it, deletes it and takes that back;
// highlights across a link, tags a highlight, and keeps a Markdown note on the whole article.
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, fixturePath, screenshotPath, test } from './fixtures.ts'
import { AnnotationsPanel } from './pages/annotations-page.ts'
import { ReadingControls } from './pages/reader-page.ts'
import { auditPage, formatFindings } from './pages/axe-audit.ts'

const LONG_READ = {
  file: 'long-read.txt',
  title: "The keepers' library: a century of reading at the edge of the sea",
}

const PIER = 'Tide tables and the lost pier'
// A page with a link inside the passage to highlight; written here, as no shared fixture has one.
const PIER_FILE = join(mkdtempSync(join(tmpdir(), 'quire-annotate-')), 'pier.html')
writeFileSync(
  PIER_FILE,
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${PIER}</title></head>
<body><article><h1>${PIER}</h1>
<p>The old pier at Saltmarsh was first recorded in the <a href="https://example.org/survey">county survey of 1821</a>, where a clerk drew it with nine piles and a crane.</p>
<p>Nobody now alive has seen it whole. The storm of 1953 took the seaward half, and the rest was sold for timber in the spring that followed.</p>
<p>Walkers at the lowest spring tides still find the stumps of the piles, black and soft, in a line that points towards the lighthouse.</p>
<p>The parish has asked for the stumps to be marked on the next edition of the chart, so that small boats keep clear of them at half tide.</p>
</article></body></html>`,
)

test.use({ seed: { imports: [{ files: [fixturePath(LONG_READ.file), PIER_FILE] }] } })

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
  // The passage flashes when reached, then shows its own colour again.
  await expect.poll(() => notes.flashing()).toBe(true)
  await expect.poll(() => notes.flashing()).toBe(false)
  // And the other way: a click on highlighted text points at its item in the sidebar.
  await reader.paragraphs.nth(2).click({ position: { x: 20, y: 10 } })
  await expect(notes.items.nth(1)).toHaveClass(/is-pointed/)
  await expect(notes.items.nth(1)).toBeInViewport()
  await page.screenshot({ path: screenshotPath('annotations-light'), animations: 'disabled' })
  await page.screenshot({ path: '/tmp/shots/reader-highlights-light.png', animations: 'disabled' })
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
  await page.screenshot({ path: '/tmp/shots/reader-highlights-dark.png', animations: 'disabled' })
  expect(formatFindings(await auditPage(page, 'annotations, dark'))).toBe('')
})

test('highlights across a link and two paragraphs, tags it, and keeps it after a reload', async ({
  page,
  library,
  reader,
}) => {
  const notes = new AnnotationsPanel(page)
  await library.open(PIER)
  await expect(reader.title).toHaveText(PIER)
  await expect(reader.body.getByRole('link', { name: 'county survey of 1821' })).toBeVisible()

  // From before the link, through it, into the next paragraph.
  await notes.selectText('first recorded in the county', 'Nobody now alive')
  await notes.selectionBar.getByRole('button', { name: 'Highlight Blue' }).click()
  await notes.toggle.click()
  await expect(notes.items).toHaveCount(1)
  const item = notes.items.first()
  await expect(item.locator('.annotation-quote')).toHaveText(
    /^first recorded in the county survey of 1821, where .* crane\.\s+Nobody now alive$/,
  )
  await expect.poll(() => notes.drawn()).toEqual(['q-blue'])

  // Tags on the highlight: create one with Enter, then remove it and add another.
  await item.getByRole('button', { name: 'Tags' }).click()
  const tagField = item.getByRole('combobox', { name: 'Add a tag' })
  await tagField.fill('history')
  await tagField.press('Enter')
  await expect(item.getByRole('list', { name: 'Tags', exact: true })).toHaveText('history')
  await tagField.fill('piers')
  await tagField.press('Enter')
  await expect(
    item.getByRole('list', { name: 'Tags', exact: true }).getByRole('listitem'),
  ).toHaveText(['history', 'piers'])
  await item.getByRole('button', { name: 'Remove tag history' }).click()
  await expect(item.getByRole('list', { name: 'Tags', exact: true })).toHaveText('piers')
  await tagField.press('Escape')

  await page.reload()
  await library.open(PIER)
  await notes.toggle.click()
  await expect(notes.items).toHaveCount(1)
  await expect(notes.items.first().getByRole('list', { name: 'Tags', exact: true })).toHaveText(
    'piers',
  )
  await expect(notes.items.first().locator('.annotation-quote')).toContainText('county survey')
  await expect.poll(() => notes.drawn()).toEqual(['q-blue'])
})

test('keeps a Markdown note on the article: preview, autosave, Save, reload, clear and undo', async ({
  page,
  library,
  reader,
}) => {
  const notes = new AnnotationsPanel(page)
  await page.emulateMedia({ colorScheme: 'light' })
  await library.open(LONG_READ.title)
  await expect(reader.title).toHaveText(LONG_READ.title)

  // Shift+N opens the article note, ready to type.
  await reader.title.click()
  await page.keyboard.press('Shift+N')
  const field = notes.articleNote.getByRole('textbox', { name: 'Article note' })
  await expect(field).toBeFocused()
  await field.fill(
    'Read for **the logbooks**.\n\n<script>alert(1)</script> [bad](javascript:alert(1))',
  )
  const state = notes.articleNote.getByTestId('article-note-state')
  // Saved by itself once typing stops.
  await expect(state).toHaveText('Saved')
  await notes.articleNote.getByRole('button', { name: 'Preview' }).click()
  const preview = notes.articleNote.getByRole('region', { name: 'Article note preview' })
  await expect(preview.locator('strong')).toHaveText('the logbooks')
  await expect(preview).toContainText('<script>alert(1)</script> [bad](javascript:alert(1))')
  await expect(preview.locator('a, script')).toHaveCount(0)
  await notes.articleNote.getByRole('button', { name: 'Write' }).click()
  await field.fill('Read for **the logbooks**. See [the museum](https://example.org/m).')
  await expect(state).toHaveText(/Unsaved changes|Saving…|Saved/)
  await notes.articleNote.getByRole('button', { name: 'Save' }).click()
  await expect(state).toHaveText('Saved')
  await notes.articleNote.getByRole('button', { name: 'Done' }).click()
  const shown = notes.articleNote.getByTestId('article-note')
  await expect(shown.getByRole('link', { name: 'the museum' })).toHaveAttribute(
    'href',
    'https://example.org/m',
  )
  await expect(shown.getByRole('link', { name: 'the museum' })).toHaveAttribute('target', '_blank')

  await notes.select(0, 0, 0, 40)
  await page.keyboard.press('n')
  await notes.sidebar
    .getByRole('textbox', { name: 'Note', exact: true })
    .fill('An *orphan-proof* note')
  await notes.sidebar.getByRole('button', { name: 'Save note' }).click()
  await expect(notes.items.first().locator('.annotation-note em')).toHaveText('orphan-proof')
  await page.screenshot({
    path: '/tmp/shots/reader-article-note-light.png',
    animations: 'disabled',
  })
  expect(formatFindings(await auditPage(page, 'article note, light'))).toBe('')

  await page.reload()
  await library.open(LONG_READ.title)
  await expect(reader.title).toHaveText(LONG_READ.title)
  await notes.noteToggle.click()
  await expect(field).toHaveValue(
    'Read for **the logbooks**. See [the museum](https://example.org/m).',
  )

  // Clearing it is a save like any other, with an Undo.
  await field.fill('')
  await expect(state).toHaveText('Saved')
  await page.getByTestId('toast').getByRole('button', { name: 'Undo' }).click()
  await expect(field).toHaveValue(
    'Read for **the logbooks**. See [the museum](https://example.org/m).',
  )
  await expect(state).toHaveText('Saved')
  await page.reload()
  await library.open(LONG_READ.title)
  await notes.toggle.click()
  await expect(notes.articleNote.getByTestId('article-note').locator('strong')).toHaveText(
    'the logbooks',
  )
  await page.emulateMedia({ colorScheme: 'dark' })
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark')
  await page.screenshot({ path: '/tmp/shots/reader-article-note-dark.png', animations: 'disabled' })
  expect(formatFindings(await auditPage(page, 'article note, dark'))).toBe('')
})
