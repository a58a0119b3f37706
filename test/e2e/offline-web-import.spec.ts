// Journey: a person adds pages from the web while the site cannot be reached (offline). The
// addresses are kept as links to fetch later, each line that is not an address is named by its
// number in the dialog and in the summary, and once the site is back the links are fetched.
import { expect, test } from './fixtures.ts'
import { STORY, SAVED, startLocalSite } from './local-site.ts'
import { WebImportPage } from './pages/web-import-page.ts'

test('keeps unreachable addresses as links and reports each bad line', async ({
  page,
  library,
  reader,
}) => {
  test.setTimeout(180_000)
  const web = new WebImportPage(page)
  // The site exists only to learn a port nobody listens on once it is closed.
  const gone = await startLocalSite()
  const port = Number(new URL(gone.base).port)
  await gone.close()
  const story = `${gone.base}/story.html`
  const saved = `${gone.base}/saved-story.html`

  await web.open()
  await web.addresses.fill(`${story}\n${saved}\nnot a url\nwww.example.com/page`)
  await expect(web.dialog.getByText('2 addresses to import · 2 lines skipped')).toBeVisible()
  const rejected = web.dialog.getByRole('list', { name: 'Lines that are not web addresses' })
  await expect(rejected.getByRole('listitem')).toHaveText([
    'Line 3: “not a url” is not a web address',
    'Line 4: “www.example.com/page” needs http:// or https:// in front',
  ])
  await page.screenshot({
    path: '/tmp/shots/web-import-rejected-light.png',
    animations: 'disabled',
  })
  await web.dialog.getByRole('button', { name: /^Import/ }).click()
  await expect(web.dialog).toBeHidden()

  await expect(library.importSummary).toHaveText(
    '0 imported, 2 links kept to fetch later, 0 duplicates, 2 failed',
  )
  const links = library.importPanel.getByRole('list', { name: 'Kept as links, to fetch later' })
  await expect(links.getByRole('listitem')).toHaveCount(2)
  await expect(links).toContainText(story)
  await expect(links).toContainText('refused')
  const failures = library.importPanel.getByRole('list', { name: 'Pages not imported' })
  await expect(failures).toContainText('Line 3: “not a url”')
  await expect(failures).toContainText('Line 4: “www.example.com/page”')
  await page.screenshot({ path: '/tmp/shots/import-offline-light.png', animations: 'disabled' })

  // The links are in the library, as links.
  await expect(library.row(story)).toBeVisible()
  await library.open(story)
  await expect(web.linkRecord).toContainText('Only the link is saved')

  // Back online: fetch them from the summary.
  const site = await startLocalSite({ port })
  try {
    await page.getByRole('button', { name: 'Fetch them now' }).click()
    await expect(library.importSummary).toHaveText('2 fetched, 0 duplicates, 0 failed')
    await expect(library.row(STORY.title)).toBeVisible()
    await expect(library.row(SAVED.title)).toBeVisible()
    await library.closeImportSummary()
    await library.open(STORY.title)
    await expect(reader.body).toContainText(STORY.firstLine)
  } finally {
    await site.close()
  }
})
