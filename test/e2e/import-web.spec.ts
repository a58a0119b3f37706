// Journeys: a person adds pages from the web (typed or pasted), reads one offline with its
// image from the archive, fetches the text of a saved Pocket link, fetches it again after the
// site changed it and reads the earlier version; and cancels a long import half-way.
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { expect, fixturePath, test } from './fixtures.ts'
import { SAVED, STORY, startLocalSite, type LocalSite } from './local-site.ts'
import { AnnotationsPanel } from './pages/annotations-page.ts'
import { auditPage, formatFindings } from './pages/axe-audit.ts'
import { FeedsPage } from './pages/feeds-page.ts'
import { WebImportPage } from './pages/web-import-page.ts'

let site: LocalSite
test.beforeEach(async () => {
  site = await startLocalSite()
})
test.afterEach(async () => {
  await site.close()
})

/** The paste a person makes with Ctrl/Cmd+V over the library (no field focused). */
interface PasteGlobals {
  DataTransfer: new () => { setData(type: string, text: string): void }
  ClipboardEvent: new (type: string, init: { clipboardData: unknown; bubbles: boolean }) => unknown
  document: { body: { dispatchEvent(event: unknown): boolean } }
}

interface ImageGlobals {
  Image: new () => { src: string; naturalWidth: number; decode(): Promise<void> }
}

/** The first image a stored body refers to ("assets/<sha256>.png"). */
async function storedAsset(archiveDir: string): Promise<string> {
  const dir = join(archiveDir, 'content')
  for (const name of await readdir(dir)) {
    const html = await readFile(join(dir, name), 'utf8')
    const found = /assets\/[0-9a-f]{64}\.png/.exec(html)
    if (found) return found[0]
  }
  throw new Error('no stored body refers to an image in assets/')
}

test('adds pages from the web and reads one offline, its image from the archive', async ({
  page,
  library,
  reader,
  appUrl,
  archiveDir,
}) => {
  const web = new WebImportPage(page)
  // The typed page may be on this computer; its images follow the feeds' rule, so the test
  // site (127.0.0.1) serves them only once local network sources are allowed.
  await new FeedsPage(page).allowLocalNetwork()

  // Addresses pasted over the library are offered for import.
  await page.evaluate((text) => {
    const w = globalThis as unknown as PasteGlobals
    const data = new w.DataTransfer()
    data.setData('text/plain', text)
    w.document.body.dispatchEvent(
      new w.ClipboardEvent('paste', { clipboardData: data, bubbles: true }),
    )
  }, `${site.base}/story.html\n${site.base}/missing.html`)
  await expect(web.dialog).toBeVisible()
  await expect(web.addresses).toHaveValue(`${site.base}/story.html\n${site.base}/missing.html`)
  await expect(web.dialog.getByText('2 addresses to import')).toBeVisible()
  await page.screenshot({ path: '/tmp/shots/web-import-light.png', animations: 'disabled' })

  // Nothing usable: a clear sentence, and the dialog stays.
  await web.addresses.fill('ftp://files.example/story')
  await web.dialog.getByRole('button', { name: /^Import/ }).click()
  await expect(web.dialog.getByRole('alert')).toContainText('is not a web address')
  await web.dialog.getByRole('button', { name: 'Cancel' }).click()

  await web.importUrls([`${site.base}/story.html`, `${site.base}/missing.html`], 'harbour')
  await expect(library.importSummary).toHaveText('1 imported, 0 duplicates, 1 failed')
  const failures = library.importPanel.getByRole('list', { name: 'Pages not imported' })
  await expect(failures).toContainText('missing.html')
  await expect(library.row(STORY.title)).toBeVisible()

  // The summary can be opened again from the Import menu until the next import.
  await library.closeImportSummary()
  await page.getByRole('button', { name: 'More ways to import' }).click()
  await page.screenshot({ path: '/tmp/shots/import-menu-light.png', animations: 'disabled' })
  await page.getByRole('menuitem', { name: 'Last import summary' }).click()
  await expect(library.importSummary).toHaveText('1 imported, 0 duplicates, 1 failed')
  await library.closeImportSummary()

  // Opening and reading it asks nothing of any origin but the app's own.
  const origin = new URL(appUrl).origin
  const requests: string[] = []
  page.on('request', (r) => requests.push(r.url()))
  const hitsBefore = site.hits.length
  await library.open(STORY.title)
  await expect(reader.title).toHaveText(STORY.title)
  await expect(reader.body).toContainText(STORY.firstLine)
  // The page's image was stored in the archive and is served by the app's own assets route.
  const asset = await storedAsset(archiveDir)
  const width = await page.evaluate(async (src) => {
    const w = globalThis as unknown as ImageGlobals
    const img = new w.Image()
    img.src = src
    await img.decode()
    return img.naturalWidth
  }, `${origin}/${asset}`)
  expect(width).toBe(24)
  // Where the reader draws the image, it is that same asset, loaded.
  const drawn = reader.body.locator('img')
  if ((await drawn.count()) > 0) {
    await expect(drawn.first()).toHaveAttribute('src', new RegExp(`${asset}$`))
    await expect
      .poll(() =>
        drawn.first().evaluate((el) => (el as unknown as { naturalWidth: number }).naturalWidth),
      )
      .toBeGreaterThan(0)
  } else {
    test.info().annotations.push({
      type: 'note',
      description: 'the reader does not draw <img> yet (renderer/src/reader/html-to-blocks.ts)',
    })
  }
  await reader.body.locator('p').last().scrollIntoViewIfNeeded()
  await expect(reader.body).toContainText('The lighthouse at dusk')
  expect(requests.length).toBeGreaterThan(0)
  expect(requests.filter((u) => !u.startsWith(`${origin}/`))).toEqual([])
  expect(site.hits.slice(hitsBefore)).toEqual([])
})

test('fetches the text of a saved link, then again, and reads the earlier version', async ({
  page,
  library,
  reader,
}) => {
  const web = new WebImportPage(page)
  const csv = (await readFile(fixturePath('pocket-links.csv'), 'utf8')).replaceAll(
    '{{BASE}}',
    site.base,
  )
  await library.sidebar.getByTestId('import-input').setInputFiles({
    name: 'pocket-links.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(csv),
  })
  await expect(library.importSummary).toHaveText('1 imported, 0 duplicates, 0 failed')
  await library.closeImportSummary()

  await library.open(SAVED.title)
  await expect(web.linkRecord).toBeVisible()
  await expect(web.linkRecord).toContainText('Only the link is saved')
  await expect(web.linkRecord).toContainText(`${site.base}/saved-story.html`)
  await page.screenshot({ path: '/tmp/shots/link-record-light.png', animations: 'disabled' })
  const browserLink = web.linkRecord.getByRole('link', { name: 'Open in browser' })
  await expect(browserLink).toHaveAttribute('href', `${site.base}/saved-story.html`)
  await expect(browserLink).toHaveAttribute('target', '_blank')

  // A saved link on this computer is refused until the setting allows the local network.
  await web.fetchNow.click()
  await expect(web.linkRecord.getByTestId('link-record-error')).toContainText(
    "Couldn't fetch the text",
  )
  await new FeedsPage(page).allowLocalNetwork()
  await web.fetchNow.click()
  await expect(web.linkRecord).toBeHidden()
  await expect(reader.body).toContainText(SAVED.edition1)
  await expect(web.versionsButton).toHaveCount(0)
  // A highlight on the first text, which the site's update will remove.
  const notes = new AnnotationsPanel(page)
  await notes.selectText('first night ferry', 'nine years')
  await page.keyboard.press('h')
  await expect.poll(() => notes.drawn()).toHaveLength(1)

  // The site updates the story; fetching again keeps the first text as a version.
  site.setSavedEdition(2)
  const row = library.row(SAVED.title)
  await row.hover()
  await row.locator('.row-check').click()
  await page
    .getByRole('toolbar', { name: 'Selected articles' })
    .getByRole('button', { name: 'Fetch text' })
    .click()
  await expect(library.importSummary).toHaveText('1 fetched, 0 duplicates, 0 failed')
  await expect(reader.body).toContainText(SAVED.edition2)
  // Its passage is gone from the new text (the highlight is kept as an orphan).
  await expect.poll(() => notes.drawn()).toEqual([])

  await web.versionsButton.click()
  await web.versionItem(/^Replaced/).click()
  await expect(web.versionBanner).toContainText('An earlier version, replaced on')
  await expect(reader.body).toContainText(SAVED.edition1)
  await expect(reader.body).not.toContainText(SAVED.edition2)
  // The earlier text still carries the highlight, drawn from the anchors it came with.
  await expect.poll(() => notes.drawn()).toHaveLength(1)
  await page.mouse.move(0, 0)
  await page.screenshot({ path: '/tmp/shots/version-banner-light.png', animations: 'disabled' })
  await library.themeOption('Dark').click()
  await page.screenshot({ path: '/tmp/shots/version-banner-dark.png', animations: 'disabled' })
  await web.versionBanner.getByRole('button', { name: 'Back to the current version' }).click()
  await expect(web.versionBanner).toBeHidden()
  await expect(reader.body).toContainText(SAVED.edition2)
})

test('cancels a long import between batches; what was imported stays', async ({ library }) => {
  const files = Array.from({ length: 240 }, (_, i) => ({
    name: `note-${String(i).padStart(3, '0')}.txt`,
    mimeType: 'text/plain',
    buffer: Buffer.from(
      `Note number ${i}\n\n${`Line ${i} of a long import that is cancelled half-way. `.repeat(40)}`,
    ),
  }))
  await library.sidebar.getByTestId('import-input').setInputFiles(files)
  const cancel = library.importPanel.getByRole('button', { name: 'Cancel' })
  await cancel.click()
  await expect(library.importPanel).toContainText('Import cancelled')
  const summary = (await library.importSummary.textContent()) ?? ''
  const match = /^(\d+) imported, 0 duplicates, 0 failed, (\d+) cancelled$/.exec(summary)
  expect(match, summary).not.toBeNull()
  const [imported, cancelled] = [Number(match?.[1]), Number(match?.[2])]
  expect(imported + cancelled).toBe(240)
  expect(cancelled).toBeGreaterThan(0)
  await expect(library.count).toHaveText(`${imported} article${imported === 1 ? '' : 's'}`)
})

test('a saved link and the web dialog in the dark theme: screenshots and axe', async ({
  page,
  library,
}) => {
  const web = new WebImportPage(page)
  const csv = (await readFile(fixturePath('pocket-links.csv'), 'utf8')).replaceAll(
    '{{BASE}}',
    site.base,
  )
  await library.sidebar.getByTestId('import-input').setInputFiles({
    name: 'pocket-links.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(csv),
  })
  await expect(library.importSummary).toHaveText('1 imported, 0 duplicates, 0 failed')
  await library.closeImportSummary()
  await library.themeOption('Dark').click()
  await library.open(SAVED.title)
  await expect(web.linkRecord).toBeVisible()
  await page.mouse.move(0, 0)
  await page.screenshot({ path: '/tmp/shots/link-record-dark.png', animations: 'disabled' })
  expect(formatFindings(await auditPage(page, 'saved link, dark'))).toBe('')
  // W opens "Add from the web" from the library.
  await library.list.focus()
  await page.keyboard.press('w')
  await expect(web.dialog).toBeVisible()
  await web.addresses.fill(`${site.base}/story.html\nwww.example.com/nope`)
  await expect(web.dialog).toContainText('1 address to import · 1 line skipped')
  await page.screenshot({ path: '/tmp/shots/web-import-dark.png', animations: 'disabled' })
  expect(formatFindings(await auditPage(page, 'add from the web, dark'))).toBe('')
  await page.keyboard.press('Escape')
  await expect(web.dialog).toBeHidden()
})
