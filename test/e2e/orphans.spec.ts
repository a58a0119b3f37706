// Journey: a person highlights passages and writes notes; later the article's text changes so
// two quotes are gone. After a reload the two are listed apart as orphans, with their quotes
// and notes; the repair view offers the closest passage for each; one is confirmed (it is
// drawn again), the other dismissed (it stays an orphan, note and all).
import { mkdtempSync, writeFileSync } from 'node:fs'
import { readdir, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, screenshotPath, test } from './fixtures.ts'
import { AnnotationsPanel } from './pages/annotations-page.ts'

const TITLE = 'The harbour archive: what the keepers wrote down'
// Written here rather than kept in test/fixtures: every sentence must be unique in the text,
// so a changed quote cannot be found again elsewhere.
const dir = mkdtempSync(join(tmpdir(), 'quire-orphans-'))
const FILE = join(dir, 'harbour.txt')
writeFileSync(
  FILE,
  [
    TITLE,
    'A logbook, its readers, and the people who copied it out',
    'By Ada Marsh',
    'Historians at the maritime museum in Halloway spent four winters transcribing the logbooks, line by line.',
    'Marion Keld ran the station for six years after her husband died, signing the log with his initials.',
    'The wireless set arrived in 1951 and changed the evenings on the island for good.',
    'Visitors still ask to see the page where the storm of 1903 is recorded in a shaking hand.',
  ].join('\n'),
)

const FIRST =
  'Historians at the maritime museum in Halloway spent four winters transcribing the logbooks'
const FIRST_NOW =
  'Archivists at the harbour museum in Halloway spent four winters copying out the logbooks'
const SECOND = 'Marion Keld ran the station for six years after her husband died'
const SECOND_NOW = 'Marion Keld kept the lamp for six years once her husband had died'

test.use({ seed: { imports: [{ files: [FILE] }] } })

test('orphans keep their quote and note, and can be re-anchored or dismissed', async ({
  page,
  library,
  reader,
  archiveDir,
}) => {
  const notes = new AnnotationsPanel(page)
  await page.emulateMedia({ colorScheme: 'light' })
  await library.open(TITLE)
  await expect(reader.title).toHaveText(TITLE)

  const highlight = async (from: string, to: string, note: string) => {
    await notes.selectText(from, to)
    await notes.selectionBar.getByRole('button', { name: 'Note' }).click()
    await notes.sidebar.getByRole('textbox', { name: 'Note', exact: true }).fill(note)
    await notes.sidebar.getByRole('button', { name: 'Save note' }).click()
  }
  await highlight(FIRST, FIRST, 'Who paid for the **lamp**?')
  await expect(notes.items).toHaveCount(1)
  await highlight(SECOND, SECOND, 'Check the parish records')
  await highlight('The wireless set', 'in 1951', 'Stays put')
  await expect(notes.items).toHaveCount(3)
  await expect(notes.orphaned).toHaveCount(0)

  // The body file is the text annotations anchor to: <archive>/content/<id>.html. The test
  // rewrites it while the server runs, as a re-extraction would; the server reads it on `get`.
  const [file] = (await readdir(join(archiveDir, 'content'))).filter((f) => f.endsWith('.html'))
  const bodyPath = join(archiveDir, 'content', file!)
  const body = await readFile(bodyPath, 'utf8')
  expect(body).toContain(FIRST)
  await writeFile(bodyPath, body.replace(FIRST, FIRST_NOW).replace(SECOND, SECOND_NOW))

  await page.reload()
  await library.open(TITLE)
  await expect(reader.title).toHaveText(TITLE)
  await notes.toggle.click()
  await expect(notes.items).toHaveCount(3)
  const orphans = notes.orphaned.getByTestId('annotation')
  await expect(orphans).toHaveCount(2)
  await expect(orphans.nth(0).locator('.annotation-quote')).toHaveText(FIRST)
  await expect(orphans.nth(0).locator('.annotation-note')).toHaveText('Who paid for the lamp?')
  await expect(orphans.nth(0).locator('.annotation-note strong')).toHaveText('lamp')
  await expect(orphans.nth(1).locator('.annotation-quote')).toHaveText(SECOND)
  // Only the one still in the text is drawn.
  await expect.poll(() => notes.drawn()).toEqual(['q-yellow'])

  await notes.orphaned.getByRole('button', { name: 'Repair…' }).click()
  const candidates = notes.orphaned.getByRole('group', { name: 'Closest passage' })
  await expect(candidates).toHaveCount(2)
  await expect(candidates.nth(0)).toContainText('harbour museum in Halloway')
  await expect(candidates.nth(1)).toContainText('kept the lamp for six years')
  await page.screenshot({ path: '/tmp/shots/orphans-repair-light.png', animations: 'disabled' })

  // Dismiss the second: it stays an orphan, its note intact, its candidate hidden.
  await candidates.nth(1).getByRole('button', { name: 'Dismiss' }).click()
  await expect(orphans.nth(1)).toContainText('Kept as an orphan.')
  await expect(orphans.nth(1).locator('.annotation-note')).toHaveText('Check the parish records')

  // Confirm the first: it is anchored on the new passage, drawn and listed with the others.
  await candidates.nth(0).getByRole('button', { name: 'Use this passage' }).click()
  await expect(orphans).toHaveCount(1)
  await expect(notes.items).toHaveCount(3)
  const fixed = notes.item('Who paid for the')
  // Widened to whole words: the closest match by edits started inside "Archivists".
  await expect(fixed.locator('.annotation-quote')).toHaveText(FIRST_NOW)
  await expect(orphans.first().locator('.annotation-quote')).toHaveText(SECOND)

  // It holds after a reload: the repair was stored, the dismissed one is still an orphan.
  await page.reload()
  await library.open(TITLE)
  await notes.toggle.click()
  await expect(notes.orphaned.getByTestId('annotation')).toHaveCount(1)
  await expect(notes.item('Who paid for the').locator('.annotation-quote')).toContainText(
    'harbour museum',
  )
  await page.screenshot({ path: screenshotPath('orphans-after-repair'), animations: 'disabled' })

  await page.emulateMedia({ colorScheme: 'dark' })
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark')
  await notes.orphaned.getByRole('button', { name: 'Repair…' }).click()
  // Dismissal lasts for the session only: after the reload the candidate is offered again.
  await expect(notes.orphaned.getByRole('group', { name: 'Closest passage' })).toHaveCount(1)
  await page.screenshot({ path: '/tmp/shots/orphans-repair-dark.png', animations: 'disabled' })
})
