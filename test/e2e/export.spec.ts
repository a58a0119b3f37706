// Journey: a person with two highlighted articles exports from the reader (Markdown with a
// template they change, then a Readwise CSV they download), then exports a bulk selection as
// BibTeX, and prints the annotated HTML to PDF from the browser shell.
import { readFile } from 'node:fs/promises'
import type { APIRequestContext, Download } from '@playwright/test'
import Papa from 'papaparse'
import { expect, fixturePath, screenshotPath, test } from './fixtures.ts'
import { auditPage, formatFindings } from './pages/axe-audit.ts'

const LONG_READ = "The keepers' library: a century of reading at the edge of the sea"
const WIRE = 'Harbour town turns old ferry terminal into a floating library'

test.use({
  seed: { imports: [{ files: [fixturePath('long-read.txt'), fixturePath('wire-story.txt')] }] },
})

interface Seeded {
  title: string
  quote: string
}

/** One highlight per article, made through the HTTP API the page itself uses. */
async function highlightBoth(request: APIRequestContext, appUrl: string): Promise<Seeded[]> {
  const url = new URL(appUrl)
  const token = new URLSearchParams(url.hash.slice(1)).get('token') ?? ''
  const call = async <T>(op: string, input: unknown): Promise<T> => {
    const res = await request.post(new URL(`/api/${op}`, url).href, {
      headers: { 'x-quire-token': token },
      data: input,
    })
    const body = (await res.json()) as { ok: boolean; value: T; error?: { message: string } }
    if (!body.ok) throw new Error(`${op}: ${body.error?.message}`)
    return body.value
  }
  const page = await call<{ items: { id: string; title: string }[] }>('articles:list', {
    view: 'all',
  })
  const seeded: Seeded[] = []
  for (const a of page.items) {
    const ann = await call<{ target: { quote: { exact: string } } }>('annotations:create', {
      articleId: a.id,
      start: 140,
      end: 200,
      color: 'green',
      note: `Note on ${a.title.split(' ')[0]}, with "quotes"`,
    })
    seeded.push({ title: a.title, quote: ann.target.quote.exact })
  }
  return seeded
}

async function downloaded(download: Download): Promise<string> {
  return readFile(await download.path(), 'utf8')
}

test('exports from the reader and from a bulk selection', async ({
  page,
  library,
  reader,
  request,
  appUrl,
}) => {
  const seeded = await highlightBoth(request, appUrl)
  const longRead = seeded.find((s) => s.title === LONG_READ)!
  await page.emulateMedia({ colorScheme: 'light' })

  await library.open(LONG_READ)
  await expect(reader.title).toHaveText(LONG_READ)
  await page
    .getByRole('toolbar', { name: 'Article actions' })
    .getByRole('button', { name: 'Export' })
    .click()
  const dialog = page.getByRole('dialog', { name: 'Export' })
  await expect(dialog).toBeVisible()
  await expect(dialog.getByRole('radio', { name: /^Markdown/ })).toBeChecked()
  await expect(dialog.getByRole('radio', { name: /^Markdown/ })).toBeFocused()
  const preview = dialog.getByTestId('export-preview')
  const firstWords = longRead.quote.trim().split(/\s+/).slice(0, 4).join(' ')
  await expect(preview).toContainText(`> ${firstWords}`)
  await expect(preview).toContainText(/\^q-[0-9a-f]{16}/)
  await expect(dialog.getByTestId('export-count')).toContainText('1 article')

  // The highlight template: the preview follows the edit, and Reset brings the default back.
  const perHighlight = dialog.getByRole('textbox', { name: 'Each highlight' })
  await perHighlight.fill('HIGHLIGHT ({{color}}): {{quote}}')
  await expect(preview).toContainText(`HIGHLIGHT (green): ${firstWords}`)
  await expect(preview).not.toContainText('^q-')
  await page.screenshot({ path: '/tmp/shots/export-light.png', animations: 'disabled' })
  await page.screenshot({ path: screenshotPath('export-light'), animations: 'disabled' })
  expect(formatFindings(await auditPage(page, 'export dialog, light'))).toBe('')
  await page.emulateMedia({ colorScheme: 'dark' })
  await page.screenshot({ path: '/tmp/shots/export-dark.png', animations: 'disabled' })
  expect(formatFindings(await auditPage(page, 'export dialog, dark'))).toBe('')
  await page.emulateMedia({ colorScheme: 'light' })
  await dialog.getByRole('button', { name: 'Reset' }).click()
  await expect(preview).toContainText(/\^q-[0-9a-f]{16}/)
  await expect(perHighlight).toHaveValue(/^> \{\{quote\}\}/)

  // Readwise CSV, downloaded and read back by a strict CSV parser.
  await dialog.getByRole('radio', { name: /^Readwise CSV/ }).check()
  await expect(preview).toContainText('Highlight,Title,Author,URL,Note,Location,Date')
  const csvDownload = page.waitForEvent('download')
  await dialog.getByRole('button', { name: 'Export', exact: true }).click()
  const csv = await csvDownload
  expect(csv.suggestedFilename()).toMatch(/\.csv$/)
  const parsed = Papa.parse<Record<string, string>>(await downloaded(csv), {
    header: true,
    skipEmptyLines: true,
  })
  expect(parsed.errors).toEqual([])
  expect(parsed.data).toHaveLength(1)
  expect(parsed.data[0]).toMatchObject({
    Highlight: longRead.quote,
    Title: LONG_READ,
    Note: 'Note on The, with "quotes"',
  })
  await expect(dialog.getByRole('status')).toContainText('Saved')

  // Esc closes it, and focus is back in the page.
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
  await expect(
    page.getByRole('toolbar', { name: 'Article actions' }).getByRole('button', { name: 'Export' }),
  ).toBeFocused()

  // A bulk selection of both articles, as BibTeX.
  const rows = library.rows
  await rows.nth(0).hover()
  await rows.nth(0).locator('.row-check').click()
  await rows.nth(1).locator('.row-check').click()
  const bulk = page.getByRole('toolbar', { name: 'Selected articles' })
  await expect(bulk.getByTestId('bulk-count')).toHaveText('2 selected')
  await page.screenshot({ path: '/tmp/shots/export-bulk-bar.png', animations: 'disabled' })
  await bulk.getByRole('button', { name: 'Export' }).click()
  await expect(dialog).toContainText('2 selected articles')
  await dialog.getByRole('radio', { name: /^BibTeX/ }).check()
  await expect(dialog.getByTestId('export-count')).toContainText('2 articles')
  await expect(preview).toContainText(/@misc\{/)
  const bibDownload = page.waitForEvent('download')
  await dialog.getByRole('button', { name: 'Export', exact: true }).click()
  const bib = await downloaded(await bibDownload)
  expect(bib.match(/^@misc\{/gm)).toHaveLength(2)
  expect(bib).toContain('floating library')
  expect(bib).toContain('century of reading')

  // PDF in the browser shell: the annotated HTML goes to the print dialog in a frame.
  await dialog.getByRole('radio', { name: 'PDF (print to PDF)' }).check()
  await dialog.getByRole('button', { name: 'Print…' }).click()
  await expect(dialog.getByRole('status')).toContainText('print dialog')
  const frame = page.frameLocator('[data-testid="print-frame"]')
  const mark = frame.locator('mark').first()
  await expect(mark).toBeAttached()
  await expect(frame.locator('h1').first()).toContainText('Quire export')
  // The page's CSP blocks the document's own <style>: the frame adopts it through the CSSOM.
  await expect(mark).toHaveCSS('background-color', 'rgb(200, 240, 192)') // #c8f0c0, green
})

test.describe('with a tagged article', () => {
  test.use({
    seed: {
      imports: [
        { files: [fixturePath('long-read.txt')], tags: ['sea'] },
        { files: [fixturePath('wire-story.txt')] },
      ],
    },
  })

  test('exports everything (Shift-E), a tag from its header and search results', async ({
    page,
    library,
    search,
  }) => {
    await page.getByRole('button', { name: /^All articles/ }).click()
    await expect(library.rows).toHaveCount(2)
    await page.keyboard.press('Shift+E')
    const dialog = page.getByRole('dialog', { name: 'Export' })
    await expect(dialog).toContainText('Every article')
    await dialog.getByRole('radio', { name: /^CSL-JSON/ }).check()
    await expect(dialog.getByTestId('export-count')).toContainText('2 articles')
    const download = page.waitForEvent('download')
    await dialog.getByRole('button', { name: 'Export', exact: true }).click()
    const items = JSON.parse(await downloaded(await download)) as { title: string }[]
    expect(items.map((i) => i.title).sort()).toEqual([LONG_READ, WIRE].sort())
    await dialog.getByRole('button', { name: 'Close', exact: true }).click()
    await expect(dialog).toBeHidden()

    // The tag's view has an Export in its header: only that tag's article.
    await page
      .getByRole('navigation', { name: 'Library' })
      .getByRole('button', { name: /^sea/ })
      .click()
    await expect(library.rows).toHaveCount(1)
    await page.screenshot({ path: '/tmp/shots/export-tag-header.png', animations: 'disabled' })
    await page.getByRole('button', { name: 'Export this tag' }).click()
    await expect(dialog).toContainText('Tag “sea”')
    await expect(dialog.getByTestId('export-count')).toContainText('1 article')
    await expect(dialog.getByTestId('export-preview')).toContainText('century of reading')
    await page.keyboard.press('Escape')
    await expect(dialog).toBeHidden()

    // Search results: "Export these results" exports what the query finds, every page of it.
    await page.getByRole('button', { name: /^All articles/ }).click()
    await search.box.fill('ferry')
    await expect(library.rows).toHaveCount(1)
    await page.screenshot({ path: '/tmp/shots/export-search-bar.png', animations: 'disabled' })
    await page.getByRole('button', { name: 'Export these results' }).click()
    await expect(dialog).toContainText('Search results for “ferry”')
    await dialog.getByRole('radio', { name: /^RIS/ }).check()
    await expect(dialog.getByTestId('export-count')).toContainText('1 article')
    await expect(dialog.getByTestId('export-preview')).toContainText('floating library')
    await page.screenshot({ path: '/tmp/shots/export-search-ris.png', animations: 'disabled' })
  })
})
