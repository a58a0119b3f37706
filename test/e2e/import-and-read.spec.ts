// Journey: a person imports a wire story (with the Import button's picker, or by dropping
// files on the window), opens it and reads it without the site's furniture.
import { readFile } from 'node:fs/promises'
import { expect, fixturePath, screenshotPath, test } from './fixtures.ts'
import { WIRE_STORY } from './story.ts'

test('imports a wire story with the picker and reads it cleanly', async ({
  page,
  library,
  reader,
}) => {
  await expect(library.emptyState).toContainText('press Import, or add pages from the web')
  await page.screenshot({ path: screenshotPath('library-empty-light'), animations: 'disabled' })

  await library.importFiles([fixturePath(WIRE_STORY.file)])
  await expect(library.importSummary).toHaveText('1 imported, 0 duplicates, 0 failed')
  await expect(library.row(WIRE_STORY.title)).toBeVisible()
  await expect(library.count).toHaveText('1 article')

  await library.open(WIRE_STORY.title)
  await expect(reader.title).toHaveText(WIRE_STORY.title)
  await expect(reader.subtitle).toHaveText(WIRE_STORY.subtitle)
  await expect(reader.byline).toHaveText(WIRE_STORY.byline)
  await expect(reader.dateline).toHaveText(WIRE_STORY.dateline)
  // The agency is named in the dateline; there is no separate source to show.
  await expect(reader.source).toHaveCount(0)
  await expect(reader.paragraphs).toHaveText([...WIRE_STORY.paragraphs])
  for (const line of WIRE_STORY.boilerplate) await expect(reader.body).not.toContainText(line)
  // The dateline is shown once, in the meta line, not left at the start of the body.
  await expect(reader.body).not.toContainText('(Reuters)')

  // The same file again is recognised, not stored twice.
  await library.closeImportSummary()
  await library.importFiles([fixturePath(WIRE_STORY.file)])
  await expect(library.importSummary).toHaveText('0 imported, 1 duplicate, 0 failed')
  await expect(library.rows).toHaveCount(1)
})

test('imports files dropped anywhere on the window and reports the ones it could not read', async ({
  page,
  library,
  reader,
}) => {
  const story = await readFile(fixturePath(WIRE_STORY.file), 'utf8')

  // While files are dragged over the window, the drop overlay says what will happen.
  await library.dropFiles([{ name: 'wire-story.txt', content: story }], { drop: false })
  await expect(library.dropOverlay).toBeVisible()
  await expect(library.dropOverlay).toContainText('Drop to import')
  await page.screenshot({ path: screenshotPath('drop-overlay-light'), animations: 'disabled' })

  await library.dropFiles([
    { name: 'wire-story.txt', content: story },
    { name: 'empty.txt', content: '' },
  ])
  await expect(library.dropOverlay).toBeHidden()
  await expect(library.importSummary).toHaveText('1 imported, 0 duplicates, 1 failed')
  const failures = library.importPanel.getByRole('list', { name: 'Files not imported' })
  await expect(failures.getByRole('listitem')).toHaveCount(1)
  await expect(failures.getByRole('listitem')).toContainText('empty.txt')
  await expect(failures.getByRole('listitem')).toContainText(/empty|no text/i)
  await expect(library.row(WIRE_STORY.title)).toBeVisible()
  await page.screenshot({ path: screenshotPath('import-summary-light'), animations: 'disabled' })

  // The summary offers the new article straight away.
  await library.importPanel.getByRole('button', { name: 'Open it' }).click()
  await expect(reader.title).toHaveText(WIRE_STORY.title)
  await expect(reader.paragraphs).toHaveCount(WIRE_STORY.paragraphs.length)
})
