// Journey: a person adds two illustrated pages from the web, then, with the site gone, browses the
// list (thumbnails, in both densities) and reads (the lead image above the text). Every picture
// comes from the archive: the page asks nothing of any origin but the app's own.
import { expect, screenshotPath, test } from './fixtures.ts'
import { LEAD_STORY, PHOTO_STORY, startLocalSite } from './local-site.ts'
import { auditPage, formatFindings } from './pages/axe-audit.ts'
import { FeedsPage } from './pages/feeds-page.ts'
import { SettingsPage } from './pages/settings-page.ts'
import { WebImportPage } from './pages/web-import-page.ts'

/** The decoded width of an <img> (this folder compiles without the DOM lib). */
function naturalWidth(el: unknown): number {
  return (el as { naturalWidth: number }).naturalWidth
}

test('thumbnails and the lead image come from the archive only', async ({
  page,
  library,
  reader,
  appUrl,
}) => {
  test.setTimeout(180_000)
  const site = await startLocalSite()
  const web = new WebImportPage(page)
  // The typed pages' images follow the feeds' rule: the test site (127.0.0.1) serves them only
  // once local network sources are allowed.
  await new FeedsPage(page).allowLocalNetwork()
  try {
    await web.importUrls([`${site.base}/lead-story.html`, `${site.base}/photo-story.html`])
    await expect(library.importSummary).toHaveText('2 imported, 0 duplicates, 0 failed')
    await library.closeImportSummary()
  } finally {
    await site.close()
  }

  // From here on, nothing but the app's own origin may be asked for anything.
  const origin = new URL(appUrl).origin
  const requests: string[] = []
  page.on('request', (r) => requests.push(r.url()))
  await page.reload()
  await expect(library.rows).toHaveCount(2)

  const thumbs = library.list.getByTestId('row-thumb')
  await expect(thumbs).toHaveCount(2)
  for (const thumb of await thumbs.all()) {
    await expect(thumb).toHaveAttribute('src', /^assets\/[0-9a-f]{64}\.png$/)
    await expect.poll(() => thumb.evaluate(naturalWidth)).toBeGreaterThan(0)
  }
  await page.mouse.move(0, 0)
  await page.screenshot({ path: screenshotPath('list-thumbnails-light'), animations: 'disabled' })

  // The page's og:image heads the article; the body's own picture stays in the body.
  await library.open(LEAD_STORY.title)
  await expect(reader.title).toHaveText(LEAD_STORY.title)
  const lead = page.getByTestId('reader-lead').locator('img')
  await expect(lead).toHaveAttribute('src', /^assets\/[0-9a-f]{64}\.png$/)
  await expect.poll(() => lead.evaluate(naturalWidth)).toBe(320)
  await expect(reader.body.locator('img')).toHaveCount(1)
  await page.screenshot({ path: screenshotPath('reader-lead-light'), animations: 'disabled' })
  // An article whose lead image is its body's first picture shows it once, in the body.
  await library.open(PHOTO_STORY.title)
  await expect(reader.title).toHaveText(PHOTO_STORY.title)
  await expect(page.getByTestId('reader-lead')).toHaveCount(0)
  await expect(reader.body.locator('img')).toHaveCount(1)

  await library.themeOption('Dark').click()
  await library.open(LEAD_STORY.title)
  await expect.poll(() => lead.evaluate(naturalWidth)).toBe(320)
  await page.mouse.move(0, 0)
  await page.screenshot({ path: screenshotPath('list-thumbnails-dark'), animations: 'disabled' })
  expect(formatFindings(await auditPage(page, 'thumbnails and lead image, dark'))).toBe('')

  // Compact rows: no pictures, no excerpts.
  const settings = new SettingsPage(page)
  await settings.gear.click()
  await settings.option('Library list', 'Compact').check()
  await settings.done.click()
  await expect(thumbs).toHaveCount(0)
  await expect(library.rows.first().locator('.article-row-excerpt')).toHaveCount(0)
  await page.mouse.move(0, 0)
  await page.screenshot({ path: screenshotPath('list-compact-dark'), animations: 'disabled' })
  await library.themeOption('Light').click()
  await page.mouse.move(0, 0)
  await page.screenshot({ path: screenshotPath('list-compact-light'), animations: 'disabled' })

  // The choice stays after a reload.
  await page.reload()
  await expect(library.rows).toHaveCount(2)
  await expect(thumbs).toHaveCount(0)

  expect(requests.length).toBeGreaterThan(0)
  expect(requests.filter((u) => !u.startsWith(`${origin}/`))).toEqual([])
  expect(site.hits.filter((h) => h.endsWith('.png'))).toHaveLength(3)
})
