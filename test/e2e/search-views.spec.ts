// Journey: a person searches from the Inbox for a story they archived last week. The search looks
// in every view but the Trash, says which results are archived, and offers the narrower scope
// (only the Inbox) with its count; in the Trash a search looks only in the Trash.
import { expect, fixturePath, screenshotPath, test } from './fixtures.ts'
import { LIBRARY_STORIES } from './story.ts'

const [NIGHT_TRAINS, WHALE_SONGS, ALLOTMENTS, CHESS] = LIBRARY_STORIES

test.use({
  seed: {
    imports: [
      {
        files: [
          fixturePath(NIGHT_TRAINS),
          fixturePath(WHALE_SONGS),
          fixturePath(ALLOTMENTS),
          fixturePath(CHESS),
        ],
      },
    ],
  },
})

const WHALE = 'Researchers map the songs of a deep-sea whale for the first time'
const CHESS_TITLE = 'Chess club that meets in a laundrette wins the national league'

test('a search from the Inbox finds archived matches, and not trashed ones', async ({
  page,
  library,
  reader,
  search,
}) => {
  test.setTimeout(150_000)
  await expect(library.rows).toHaveCount(4)
  await library.open(WHALE)
  await expect(reader.title).toHaveText(WHALE)
  await reader.action('Archive').click()
  await expect(library.row(WHALE)).toHaveCount(0)
  await library.open(CHESS_TITLE)
  await expect(reader.title).toHaveText(CHESS_TITLE)
  await reader.action('Move to Trash').click()
  await expect(library.rows).toHaveCount(2)

  // From the Inbox: the archived whale story is found, and marked as archived.
  await search.run('whale', 1)
  await expect(library.row(WHALE)).toBeVisible()
  await expect(library.row(WHALE).getByTestId('row-place')).toHaveText('Archived')
  const scope = page.getByRole('group', { name: 'Search in' })
  await expect(scope.getByRole('button', { name: /^All views/ })).toHaveAttribute(
    'aria-pressed',
    'true',
  )
  await expect(page.getByTestId('search-scope-everywhere')).toContainText('1')
  await expect(page.getByTestId('search-scope-here')).toHaveText(/In Inbox\s*0/)
  await page.mouse.move(0, 0)
  await page.screenshot({ path: screenshotPath('search-views-light'), animations: 'disabled' })

  // Only the Inbox: nothing, and the way back to everywhere.
  await page.getByTestId('search-scope-here').click()
  await expect(library.emptyState).toContainText('Nothing in Inbox matches “whale”')
  await library.emptyState.getByRole('button', { name: 'Search all articles' }).click()
  await expect(library.row(WHALE)).toBeVisible()

  // The trashed story is not found from the Inbox…
  await search.run('laundrette', 0)
  await expect(library.emptyState).toContainText('No matches')
  // …but a search in the Trash looks there, and only there.
  await search.box.fill('')
  await library.showView('Trash')
  await search.run('laundrette', 1)
  await expect(library.row(CHESS_TITLE)).toBeVisible()
  await expect(page.getByRole('group', { name: 'Search in' })).toHaveCount(0)
  await search.run('whale', 0)
})
