// Journey: a person searches the archive with the query language: words, a phrase, filters
// shown as removable chips, a mistake underlined in the box; saves a search, finds it in the
// sidebar after a reload, renames and deletes it. Saves the search screenshots in both themes.
import type { Route } from '@playwright/test'
import { expect, fixturePath, screenshotPath, test } from './fixtures.ts'
import { LibraryPage } from './pages/library-page.ts'
import { SearchPage } from './pages/search-page.ts'
import { LIBRARY_STORIES } from './story.ts'

const [NIGHT_TRAINS, WHALE_SONGS, ALLOTMENTS, CHESS] = LIBRARY_STORIES

test.use({
  seed: {
    imports: [
      { files: [fixturePath(NIGHT_TRAINS), fixturePath(WHALE_SONGS)], tags: ['travel'] },
      { files: [fixturePath(ALLOTMENTS)], tags: ['cities'] },
      { files: [fixturePath(CHESS)] },
    ],
  },
})

const TITLES = {
  trains: 'Night trains return to the Alpine line after a decade away',
  whale: 'Researchers map the songs of a deep-sea whale for the first time',
  allotments: "A quiet revolution in the city's allotments",
  chess: 'Chess club that meets in a laundrette wins the national league',
}

/** Answers one API operation of the browser shell from the test instead of the archive. */
function isOp(op: string) {
  return (url: URL) => decodeURIComponent(url.pathname) === `/api/${op}`
}

test('finds articles by word, phrase and filter, and edits the query through its chips', async ({
  page,
  library,
  search,
}) => {
  await expect(library.rows).toHaveCount(4)

  // A word: only the article that has it, with the word marked in its snippet.
  await search.run('whale', 1)
  await expect(library.rows).toHaveCount(1)
  await expect(library.rows.first()).toContainText(TITLES.whale)
  const marks = library.rows.first().getByTestId('snippet').locator('mark')
  await expect(marks.first()).toHaveText(/^whale$/i)
  await expect(search.chips).toHaveText(['whale'])
  await expect(page.getByTestId('search-newest-note')).toHaveCount(0)

  // A word in every article: relevance has nothing to rank by, so newest first, and it says so.
  await search.run('the', 4)
  await expect(page.getByTestId('search-newest-note')).toHaveText('Common words: newest first')

  // A phrase matches those words in that order only.
  await search.run('"book stall"', 1)
  await expect(library.rows.first()).toContainText(TITLES.chess)
  await expect(search.chips).toHaveText(['"book stall"'])

  // Filters and exclusions become chips; removing one rewrites the query and runs it again.
  await search.run('new tag:travel -whale', 1)
  await expect(library.rows.first()).toContainText(TITLES.trains)
  await expect(search.chips).toHaveText(['new', 'tag:travel', '-whale'])
  await search.removeChip('-whale')
  await expect(search.box).toHaveValue('new tag:travel')
  await expect(library.count).toHaveText('2 results')
  await search.removeChip('tag:travel')
  await expect(search.box).toHaveValue('new')
  await expect(library.count).toHaveText('3 results')

  // The sort menu reorders the results.
  await search.sortBy('Title')
  await expect(library.rows.locator('.article-row-title')).toHaveText([
    TITLES.allotments,
    TITLES.trains,
    TITLES.whale,
  ])

  // A mistake is explained under the box and its part underlined in it.
  await search.box.fill('whale is:unred')
  await expect(search.error).toHaveText('is:unred is not known — did you mean is:unread?')
  await expect(search.box).toHaveAttribute('aria-invalid', 'true')
  await expect(search.box).toHaveAttribute('aria-describedby', 'search-error')
  await expect(search.errorSpan).toHaveText('unred')
  await expect(search.saveButton).toBeDisabled()
  await page.screenshot({ path: screenshotPath('search-error-light'), animations: 'disabled' })

  await search.box.fill('whale is:unread')
  await expect(search.error).toBeHidden()
  await expect(search.box).not.toHaveAttribute('aria-invalid')
  await expect(library.count).toHaveText('1 result')
  await expect(search.chips).toHaveText(['whale', 'is:unread'])

  // The help lists the operators; an example joins the query.
  await search.helpButton.click()
  await expect(search.help).toBeVisible()
  await expect(search.help).toContainText('tag:travel')
  await page.screenshot({ path: screenshotPath('search-help-light'), animations: 'disabled' })
  await search.help.getByRole('button', { name: /^-sport/ }).click()
  await expect(search.help).toBeHidden()
  await expect(search.box).toHaveValue('whale is:unread -sport')
  await expect(search.box).toBeFocused()

  // Esc empties the box and hands the keyboard to the list, which is whole again.
  await page.keyboard.press('Escape')
  await expect(search.box).toHaveValue('')
  await expect(library.list).toBeFocused()
  await expect(library.count).toHaveText('4 articles')
  await page.keyboard.press('/')
  await expect(search.box).toBeFocused()
})

test('saves a search, runs it from the sidebar after a reload, renames and deletes it', async ({
  page,
  library,
  reader,
  search,
}) => {
  await search.run('new tag:travel', 2)
  await search.saveButton.click()
  const name = search.saveDialog.getByRole('textbox', { name: 'Name' })
  await expect(name).toHaveValue('new tag:travel')
  await name.fill('Travel news')
  await page.screenshot({ path: screenshotPath('save-search-light'), animations: 'disabled' })
  await search.saveDialog.getByRole('button', { name: 'Save', exact: true }).click()
  await expect(search.saveDialog).toBeHidden()
  await expect(search.savedSearch('Travel news')).toBeVisible()
  await expect(search.saveButton).toBeHidden()

  await page.reload()
  await expect(library.count).toHaveText('4 articles')
  await expect(search.box).toHaveValue('')
  const saved = page.getByRole('button', { name: 'Travel news', exact: true })
  await saved.click()
  await expect(search.box).toHaveValue('new tag:travel')
  await expect(library.count).toHaveText('2 results')
  await expect(page.getByRole('heading', { level: 2, name: 'Travel news' })).toBeVisible()
  await expect(saved).toHaveAttribute('aria-current', 'page')
  await expect(search.snippets.locator('mark').first()).toHaveText(/^new$/i)
  await library.open(TITLES.trains)
  await expect(reader.title).toHaveText(TITLES.trains)
  await page.mouse.move(900, 700)

  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme })
    await expect(page.locator('html')).toHaveAttribute('data-theme', scheme)
    await page.screenshot({ path: screenshotPath(`search-${scheme}`), animations: 'disabled' })
  }
  await search.savedSearch('Travel news').hover()
  await page.getByRole('button', { name: 'More for Travel news' }).click()
  await expect(page.getByRole('menu', { name: 'Travel news' })).toBeVisible()
  await page.screenshot({ path: screenshotPath('saved-search-menu-dark'), animations: 'disabled' })
  await page.keyboard.press('Escape')
  await expect(page.getByRole('menu', { name: 'Travel news' })).toBeHidden()
  await page.emulateMedia({ colorScheme: 'light' })

  await search.savedSearchAction('Travel news', 'Rename…')
  await expect(name).toHaveValue('Travel news')
  await name.fill('Trains and whales')
  await search.saveDialog.getByRole('button', { name: 'Rename' }).click()
  await expect(search.savedSearch('Trains and whales')).toBeVisible()
  await expect(search.savedSearch('Travel news')).toHaveCount(0)

  // Delete offers Undo; a second delete sticks, through a reload.
  await search.savedSearchAction('Trains and whales', 'Delete')
  await expect(search.savedSearches).toHaveCount(0)
  const toast = library.toasts.filter({ hasText: 'Deleted the saved search' })
  await toast.getByRole('button', { name: 'Undo' }).click()
  await expect(search.savedSearch('Trains and whales')).toBeVisible()
  await search.savedSearchAction('Trains and whales', 'Delete')
  await expect(search.savedSearches).toHaveCount(0)
  await page.reload()
  await expect(library.count).toHaveText('4 articles')
  await expect(page.getByText('Searches you save appear here.')).toBeVisible()
})

test('shows the index building and failing, and the archive refusing a query', async ({
  page,
  appUrl,
}) => {
  // The real index is long built; these answers stand in for one that is still working.
  await page.route(isOp('events'), (route: Route) =>
    route.fulfill({ status: 200, contentType: 'text/event-stream', body: ': quiet\n\n' }),
  )
  let status: object = { state: 'syncing', done: 128, total: 256 }
  await page.route(isOp('index:status'), (route: Route) =>
    route.fulfill({ json: { ok: true, value: status } }),
  )
  const library = new LibraryPage(page)
  const search = new SearchPage(page)
  await library.goto(appUrl)
  await expect(search.indexing).toHaveText('Indexing… 50%')
  await expect(search.indexing).toHaveAttribute('role', 'status')

  status = { state: 'failed', done: 3, total: 256, message: 'the disk is full' }
  await page.reload()
  await expect(search.indexFailed).toHaveText('Search is unavailable: the disk is full')
  await expect(search.indexing).toBeHidden()

  // A query the archive refuses is underlined where it says, like one refused here.
  await page.route(isOp('articles:search'), (route: Route) =>
    route.fulfill({
      json: {
        ok: false,
        error: {
          code: 'INVALID_INPUT',
          message: 'before:2020 is earlier than after:2024',
          details: { start: 6, end: 17 },
        },
      },
    }),
  )
  await search.box.fill('whale before:2020 after:2024')
  await expect(search.error).toHaveText('before:2020 is earlier than after:2024')
  await expect(search.errorSpan).toHaveText('before:2020')
  await expect(search.box).toHaveAttribute('aria-invalid', 'true')
  await expect(library.emptyState).toContainText('The search could not run')
})
