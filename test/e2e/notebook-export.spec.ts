// Journey: a person with highlights and an article note opens the notebook, sees the note
// listed, exports what the notebook shows (filtered by colour: only those highlights), then
// loses their highlights and gets them back by importing Quire's own Readwise CSV and W3C
// JSON-LD exports: same passages, colours, notes and tags.
import { readFile } from 'node:fs/promises'
import type { APIRequestContext, Download, Page } from '@playwright/test'
import Papa from 'papaparse'
import { expect, fixturePath, screenshotPath, test } from './fixtures.ts'
import { NotebookPage } from './pages/notebook-page.ts'

const LONG_READ = "The keepers' library: a century of reading at the edge of the sea"
const WIRE = 'Harbour town turns old ferry terminal into a floating library'

test.use({
  seed: { imports: [{ files: [fixturePath('long-read.txt'), fixturePath('wire-story.txt')] }] },
})

interface Annotation {
  id: string
  color: string
  note: string
  tags: string[]
  target: { quote: { exact: string }; position: { start: number; end: number } }
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

async function exportFrom(page: Page, format: RegExp): Promise<Download> {
  const dialog = page.getByRole('dialog', { name: 'Export' })
  await dialog.getByRole('radio', { name: format }).check()
  const download = page.waitForEvent('download')
  await dialog.getByRole('button', { name: 'Export', exact: true }).click()
  const file = await download
  await expect(dialog.getByRole('status')).toContainText('Saved')
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
  return file
}

test('exports what the notebook shows and imports its own exports back', async ({
  page,
  library,
  request,
  appUrl,
}) => {
  test.setTimeout(120_000)
  const call = api(request, appUrl)
  const { items } = await call<{ items: { id: string; title: string }[] }>('articles:list', {
    view: 'all',
  })
  const ids = Object.fromEntries(items.map((a) => [a.title, a.id]))
  const made = [
    {
      articleId: ids[LONG_READ],
      start: 140,
      end: 200,
      color: 'green',
      note: 'Keep, "quoted", a, b\nsecond line',
      tags: ['sea', 'long read'],
    },
    { articleId: ids[LONG_READ], start: 300, end: 340, color: 'pink', note: '', tags: [] },
    {
      articleId: ids[WIRE],
      start: 100,
      end: 160,
      color: 'green',
      note: '# Why\n\n**Tide** matters',
      tags: [],
    },
  ]
  for (const m of made) await call('annotations:create', m)
  await call('articles:setNote', { id: ids[WIRE], note: '# Summary\n\nA terminal that floats.' })
  const before = await annotationsOf(call, ids)

  // The notebook lists the article note with the highlights.
  await page.keyboard.press('b')
  const book = new NotebookPage(page)
  await expect(book.view).toBeVisible()
  await expect(book.count).toHaveText('3 highlights and 1 article note in 2 articles')
  await expect(book.view.getByTestId('notebook-article-note')).toContainText(
    'A terminal that floats.',
  )
  await page.screenshot({ path: screenshotPath('notebook-article-note'), animations: 'disabled' })

  // Filtered to green, the export holds the two green highlights only.
  await book.colour('Green').click()
  await expect(book.items).toHaveCount(2)
  await book.view.getByRole('button', { name: 'Export…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Export' })
  await expect(dialog).toContainText('Notebook (filtered): 2 highlights')
  const csvFile = await exportFrom(page, /^Readwise CSV/)
  const csvPath = await csvFile.path()
  const rows = Papa.parse<Record<string, string>>(await readFile(csvPath, 'utf8'), {
    header: true,
    skipEmptyLines: true,
  })
  expect(rows.errors).toEqual([])
  expect(rows.data.map((r) => r.Color)).toEqual(['green', 'green'])

  // Everything the notebook shows, as W3C JSON-LD.
  await book.colour('Any').click()
  await expect(book.items).toHaveCount(3)
  await book.view.getByRole('button', { name: 'Export…' }).click()
  const jsonld = await exportFrom(page, /^Web Annotation JSON-LD/)
  const jsonldPath = await jsonld.path()
  const doc = JSON.parse(await readFile(jsonldPath, 'utf8')) as { total: number }
  expect(doc.total).toBe(3)

  // The highlights are lost, then come back from each export through the import button.
  for (const [name, path, expected] of [
    ['highlights.csv', csvPath, before.filter((a) => a.color === 'green')],
    ['highlights.jsonld', jsonldPath, before],
  ] as const) {
    for (const [title, id] of Object.entries(ids)) {
      for (const a of await annotationsOf(call, { [title]: id! })) {
        await call('annotations:delete', { articleId: id, id: a.id })
      }
    }
    await library.sidebar.getByTestId('import-input').setInputFiles({
      name,
      mimeType: 'application/octet-stream',
      buffer: await readFile(path),
    })
    await expect
      .poll(async () => (await annotationsOf(call, ids)).map(comparable), { timeout: 30_000 })
      .toEqual(expected.map(comparable))
  }
})

async function annotationsOf(
  call: ReturnType<typeof api>,
  ids: Record<string, string | undefined>,
): Promise<Annotation[]> {
  const out: Annotation[] = []
  for (const id of Object.values(ids)) {
    const { article } = await call<{ article: { annotations: Annotation[] } }>('articles:get', {
      id,
    })
    out.push(...article.annotations)
  }
  return out.sort(
    (a, b) => a.target.position.start - b.target.position.start || a.color.localeCompare(b.color),
  )
}

function comparable(a: Annotation) {
  return { color: a.color, note: a.note, tags: a.tags, target: a.target }
}
