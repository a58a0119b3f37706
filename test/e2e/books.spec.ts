// Journey: a reader brings in the highlights of their books: a Readwise export and a Kindle's
// "My Clippings.txt" through the Import button. They find a highlight by its words, open its
// book (a list of highlights with their places, in light and dark), export the book and then
// every book to Markdown (one note per book, each highlight with its location), and import
// the Readwise file again: nothing is added twice, and the summary says so.
import { readFile } from 'node:fs/promises'
import type { APIRequestContext, Download, Page } from '@playwright/test'
import { unzipSync, strFromU8 } from 'fflate'
import { expect, fixturePath, screenshotPath, test } from './fixtures.ts'
import { layoutProblems } from './pages/layout-checks.ts'

const READWISE = fixturePath('books', 'readwise-export.csv')
const CLIPPINGS = fixturePath('books', 'My Clippings.txt')
const SALT = 'The Salt Road: A History of the Coast'
const LONG =
  'The Quiet Persistence of Lighthouse Keepers, Their Logbooks, Their Families and the Sea That Shaped Three Centuries of Coastal Life in Northern Europe: An Illustrated Social History'
const MAPS = 'Maps and Their Makers'
const TIDEWATER = 'Tidewater Notebooks'
const ALMANAC = 'An Almanac of Small Harbours'
/** Rows of the Readwise file (4 + 40 + 3) and highlights of the clippings (2). */
const READWISE_HIGHLIGHTS = 47
const KINDLE_HIGHLIGHTS = 2

interface Book {
  id: string
  title: string
  kind?: string
  annotations: { id: string; note: string; target: { quote: { exact: string } } }[]
  bookmarks?: unknown[]
}

function api(request: APIRequestContext, appUrl: string) {
  const url = new URL(appUrl)
  const token = new URLSearchParams(url.hash.slice(1)).get('token') ?? ''
  return async <T>(op: string, input: unknown): Promise<T> => {
    const res = await request.post(new URL(`/api/${op}`, url).href, {
      headers: { 'x-quire-token': token },
      data: input,
    })
    const body = (await res.json()) as { ok: boolean; value: T; error?: { message: string } }
    if (!body.ok) throw new Error(`${op}: ${body.error?.message}`)
    return body.value
  }
}

/** Every record in the archive, whole, by title. */
async function everything(call: ReturnType<typeof api>): Promise<Map<string, Book>> {
  const { items } = await call<{ items: { id: string }[] }>('articles:list', {
    view: 'all',
    limit: 500,
  })
  const out = new Map<string, Book>()
  for (const { id } of items) {
    const { article } = await call<{ article: Book }>('articles:get', { id })
    out.set(article.title, article)
  }
  return out
}

function highlightCount(books: Map<string, Book>): number {
  return [...books.values()].reduce((n, b) => n + b.annotations.length, 0)
}

async function exportMarkdown(page: Page): Promise<Download> {
  const dialog = page.getByRole('dialog', { name: 'Export' })
  await dialog.getByRole('radio', { name: /^Markdown/ }).check()
  const download = page.waitForEvent('download')
  await dialog.getByRole('button', { name: 'Export', exact: true }).click()
  const file = await download
  await expect(dialog.getByRole('status')).toContainText('Saved')
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
  return file
}

test('imports book highlights, finds, reads and exports them, and re-imports nothing twice', async ({
  page,
  library,
  reader,
  search,
  request,
  appUrl,
}) => {
  test.setTimeout(180_000)
  const call = api(request, appUrl)
  await page.emulateMedia({ colorScheme: 'light' })

  // The empty Books view says what comes in, and what cannot (no file to import).
  await library.showView('Books')
  await expect(library.emptyState).toContainText('My Clippings.txt')
  await expect(library.emptyState).toContainText('Apple Books and Google Play Books give no file')
  await page.screenshot({ path: screenshotPath('books-empty-light'), animations: 'disabled' })

  // The Readwise export: one record per book, every row's highlight on it.
  await library.importFiles([READWISE])
  await expect(library.importSummary).toHaveText('3 imported, 0 duplicates, 0 failed')
  await library.closeImportSummary()
  // The Kindle's clippings: a book with highlights and a note, one with only a bookmark.
  await library.importFiles([CLIPPINGS])
  await expect(library.importSummary).toHaveText('2 imported, 0 duplicates, 0 failed')
  await library.closeImportSummary()

  const first = await everything(call)
  expect([...first.keys()].sort()).toEqual([ALMANAC, LONG, MAPS, SALT, TIDEWATER].sort())
  for (const b of first.values()) expect(b.kind).toBe('book')
  expect(highlightCount(first)).toBe(READWISE_HIGHLIGHTS + KINDLE_HIGHLIGHTS)
  expect(first.get(LONG)!.annotations).toHaveLength(40)
  // The Kindle note sits on its highlight, not apart.
  const tide = first
    .get(TIDEWATER)!
    .annotations.find((a) => /own calendar/.test(a.target.quote.exact))
  expect(tide?.note).toBe('Ask the harbour master for the tide tables of 1953.')
  expect(first.get(ALMANAC)!.annotations).toHaveLength(0)
  expect(first.get(ALMANAC)!.bookmarks).toHaveLength(1)

  // The Books view holds all five.
  await library.showView('Books')
  await expect(library.count).toHaveText('5 books')

  // Search finds the book by the words of one of its highlights.
  await library.showView('All articles')
  await search.run('"tide waits for no ship"', 1)
  await expect(library.row(SALT)).toBeVisible()
  await library.open(SALT)
  await expect(reader.title).toHaveText(SALT)
  await expect(reader.bookItems).toHaveCount(4)
  const proverb = reader.bookItems.filter({ hasText: 'the tide waits for no ship' })
  await expect(proverb).toContainText('page 31')
  await expect(proverb).toContainText('Reversed proverb')
  await expect(proverb).toContainText('#favourite')
  await expect(reader.bookItems.first()).toContainText('location 112')
  await page.screenshot({ path: screenshotPath('book-reader-light'), animations: 'disabled' })
  await page.emulateMedia({ colorScheme: 'dark' })
  await page.screenshot({ path: screenshotPath('book-reader-dark'), animations: 'disabled' })
  await page.emulateMedia({ colorScheme: 'light' })

  // The book alone, to Markdown: its note holds every highlight with its place.
  await reader.toolbar.getByRole('button', { name: 'Export' }).click()
  const single = await readFile(await (await exportMarkdown(page)).path(), 'utf8')
  expect(single).toMatch(/^---\n/)
  expect(single).toContain(`title: "${SALT}"`)
  expect(single).toContain('authors:\n  - Eleanor Marsh')
  expect(single.match(/^> /gm)?.length).toBeGreaterThanOrEqual(4)
  expect(single).toContain('location 112')
  expect(single).toContain('location 240–246')
  expect(single).toContain('page 31')
  expect(single).toContain('Ships do not wait for the tide; the tide waits for no ship.')
  expect(single).toContain('Count the fog days in the other logs\nand compare.')

  // Every book to Markdown from the Books view: one note per book, in a zip.
  await search.box.fill('')
  await library.showView('Books')
  await expect(library.rows).toHaveCount(5)
  await library.rows.first().click()
  await page.keyboard.press('Control+a')
  const bulk = page.getByRole('toolbar', { name: 'Selected articles' })
  await expect(bulk.getByTestId('bulk-count')).toHaveText('5 selected')
  await bulk.getByRole('button', { name: 'Export' }).click()
  const zip = unzipSync(new Uint8Array(await readFile(await (await exportMarkdown(page)).path())))
  const notes = Object.entries(zip).map(([name, bytes]) => ({ name, text: strFromU8(bytes) }))
  expect(notes).toHaveLength(5)
  for (const title of [SALT, LONG, MAPS, TIDEWATER, ALMANAC]) {
    const note = notes.filter((n) => n.text.includes(`# ${title}`))
    expect(note, title).toHaveLength(1)
  }
  const longNote = notes.find((n) => n.text.includes('Lighthouse Keepers'))!.text
  expect(longNote.match(/\^q-[0-9a-f]{16}/g)).toHaveLength(40)
  expect(longNote).toContain('location 100')
  expect(longNote).toContain('location 1543')
  const mapsNote = notes.find((n) => n.text.includes(`# ${MAPS}`))!.text
  expect(mapsNote).toContain('Chapter 2')
  expect(mapsNote).toContain('87.5 %')

  // The same Readwise file again: every book is recognised, nothing is added.
  await library.importFiles([READWISE])
  await expect(library.importSummary).toHaveText('0 imported, 3 duplicates, 0 failed')
  await library.closeImportSummary()
  await expect(library.count).toHaveText('5 books')
  const again = await everything(call)
  expect(again.size).toBe(first.size)
  expect(highlightCount(again)).toBe(READWISE_HIGHLIGHTS + KINDLE_HIGHLIGHTS)
  for (const [title, book] of first) {
    expect(again.get(title)!.annotations.map((a) => a.id)).toEqual(
      book.annotations.map((a) => a.id),
    )
  }
})

test('shows a long book, a book with only a bookmark and one with no highlights, at 800×600', async ({
  page,
  library,
  reader,
  request,
  appUrl,
}) => {
  test.setTimeout(120_000)
  const call = api(request, appUrl)
  await page.emulateMedia({ colorScheme: 'light' })
  await library.importFiles([READWISE, CLIPPINGS])
  await expect(library.importSummary).toHaveText('5 imported, 0 duplicates, 0 failed')
  await library.closeImportSummary()
  const wide = page.viewportSize()!
  const narrow = async (name: string) => {
    await page.setViewportSize({ width: 800, height: 600 })
    await expect(reader.title).toBeVisible()
    expect(await layoutProblems(page)).toEqual([])
    await page.screenshot({ path: screenshotPath(name), animations: 'disabled' })
    await page.setViewportSize(wide)
  }

  // Forty highlights under a title of thirty words: the title wraps, nothing runs off.
  await library.showView('Books')
  await library.open(LONG)
  await expect(reader.title).toHaveText(LONG)
  await expect(reader.bookItems).toHaveCount(40)
  await narrow('book-reader-long-narrow')

  // Only a bookmark: it is listed with its place.
  await library.open(ALMANAC)
  await expect(reader.title).toHaveText(ALMANAC)
  await expect(reader.bookmarks).toHaveText(['location 610'])
  await narrow('book-reader-bookmark-narrow')

  // A book whose highlights were all deleted says so.
  const maps = (await everything(call)).get(MAPS)!
  for (const a of maps.annotations) {
    await call('annotations:delete', { articleId: maps.id, id: a.id })
  }
  await page.reload()
  await library.showView('Books')
  await library.open(MAPS)
  await expect(reader.title).toHaveText(MAPS)
  await expect(reader.bookEmpty).toHaveText('This book has no highlights yet.')
  await page.emulateMedia({ colorScheme: 'dark' })
  await narrow('book-reader-empty-narrow-dark')
})
