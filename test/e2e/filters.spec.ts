// Journey: a person narrows the library from the sidebar's Filters group — unread articles only,
// one source (run as a search query) — and sorts the plain list by title. Saves the filters
// screenshot in the light theme.
import { expect, fixturePath, screenshotPath, test } from './fixtures.ts'
import { LIBRARY_STORIES } from './story.ts'

test.use({ seed: { imports: [{ files: LIBRARY_STORIES.map((f) => fixturePath(f)) }] } })

const TITLES = {
  trains: 'Night trains return to the Alpine line after a decade away',
  whale: 'Researchers map the songs of a deep-sea whale for the first time',
  allotments: "A quiet revolution in the city's allotments",
  chess: 'Chess club that meets in a laundrette wins the national league',
}

/** Calls one operation of the browser shell's API, as the app does. */
async function call(appUrl: string, op: string, input: unknown): Promise<unknown> {
  const url = new URL(appUrl)
  const res = await fetch(`${url.origin}/api/${op}`, {
    method: 'POST',
    headers: {
      'x-quire-token': url.hash.replace('#token=', ''),
      'content-type': 'application/json',
    },
    body: JSON.stringify(input),
  })
  const body = (await res.json()) as { ok: boolean; value: unknown }
  if (!body.ok) throw new Error(`${op} failed: ${JSON.stringify(body)}`)
  return body.value
}

test('filters by reading status and source, and sorts the list by title', async ({
  page,
  appUrl,
  library,
  reader,
  search,
}) => {
  // Plain-text stories name their agency only in the dateline; give two of them a source.
  const { items } = (await call(appUrl, 'articles:list', { view: 'all' })) as {
    items: Array<{ id: string; title: string }>
  }
  const idOf = (title: string) => items.find((a) => a.title === title)?.id ?? ''
  await call(appUrl, 'articles:update', { id: idOf(TITLES.trains), patch: { source: 'AFP' } })
  await call(appUrl, 'articles:update', { id: idOf(TITLES.whale), patch: { source: 'AP' } })
  await page.reload()
  await expect(library.rows).toHaveCount(4)

  const filters = library.sidebar.getByRole('group', { name: 'Filters' })
  const unread = filters.getByRole('button', { name: 'Unread', exact: true })

  // A short article read whole on opening is marked read.
  await library.open(TITLES.chess)
  await expect(reader.action('Mark as unread')).toBeVisible()

  await unread.click()
  await expect(unread).toHaveAttribute('aria-pressed', 'true')
  await expect(library.rows).toHaveCount(3)
  await expect(library.row(TITLES.chess)).toHaveCount(0)
  await filters.getByRole('button', { name: 'Read', exact: true }).click()
  await expect(unread).toHaveAttribute('aria-pressed', 'false')
  await expect(library.rows).toHaveCount(1)
  await expect(library.rows.first()).toContainText(TITLES.chess)
  await filters.getByRole('button', { name: 'Read', exact: true }).click()
  await expect(library.rows).toHaveCount(4)

  // The plain list's own sort menu.
  const sort = page.getByRole('button', { name: /^Sort by/ })
  await expect(sort).toHaveAccessibleName('Sort by Newest imported')
  await sort.click()
  await page
    .getByRole('menu', { name: 'Sort by' })
    .getByRole('menuitemradio', { name: 'Title' })
    .click()
  await expect(sort).toHaveAccessibleName('Sort by Title')
  await expect(library.rows.locator('.article-row-title')).toHaveText([
    TITLES.allotments,
    TITLES.chess,
    TITLES.trains,
    TITLES.whale,
  ])

  // A source becomes a search query, run as a saved search would be.
  await filters.getByRole('button', { name: 'From a source…' }).click()
  await filters.getByLabel('Source').fill('AFP')
  await filters.getByRole('button', { name: 'Show' }).click()
  await expect(search.box).toHaveValue('source:AFP')
  await expect(library.count).toHaveText('1 result')
  await expect(library.rows.first()).toContainText(TITLES.trains)

  await page.screenshot({ path: screenshotPath('filters-light'), animations: 'disabled' })
})
