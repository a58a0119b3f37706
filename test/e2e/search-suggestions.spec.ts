// Journey: a person types in the search box and is offered the archive's tags, sources and
// authors that begin with what they typed; the keyboard or a click turns one into its filter,
// and Esc closes the list without losing the text. Screenshots of the list, light and dark.
import { expect, fixturePath, screenshotPath, test } from './fixtures.ts'
import { auditPage, formatFindings } from './pages/axe-audit.ts'
import { LIBRARY_STORIES } from './story.ts'

const [NIGHT_TRAINS, WHALE_SONGS, ALLOTMENTS, CHESS] = LIBRARY_STORIES

test.use({
  seed: {
    imports: [
      { files: [fixturePath(NIGHT_TRAINS), fixturePath(WHALE_SONGS)], tags: ['travel'] },
      { files: [fixturePath(NIGHT_TRAINS)], tags: ['transport/rail'] },
      { files: [fixturePath(ALLOTMENTS)], tags: ['cities'] },
      { files: [fixturePath(CHESS)] },
    ],
  },
})

test('suggests tags, sources and authors while typing, and picks one as a filter', async ({
  page,
  library,
  search,
}) => {
  test.setTimeout(150_000)
  await expect(library.rows).toHaveCount(4)
  const list = page.getByRole('listbox', { name: 'Suggestions' })
  const options = list.getByRole('option')

  // "tr": the tags that begin with it, most used first, with their counts.
  await search.box.click()
  await page.keyboard.type('tr')
  await expect(list).toBeVisible()
  await expect(search.box).toHaveAttribute('aria-expanded', 'true')
  await expect(options.first()).toContainText('travel')
  await expect(options.first()).toContainText('2 articles')
  await expect(options.filter({ hasText: 'transport/rail' })).toContainText('1 article')
  await page.mouse.move(0, 0)
  await page.screenshot({
    path: screenshotPath('search-suggestions-light'),
    animations: 'disabled',
  })
  expect(formatFindings(await auditPage(page, 'search suggestions, light'))).toBe('')
  await page.emulateMedia({ colorScheme: 'dark' })
  await page.screenshot({ path: screenshotPath('search-suggestions-dark'), animations: 'disabled' })
  expect(formatFindings(await auditPage(page, 'search suggestions, dark'))).toBe('')
  await page.emulateMedia({ colorScheme: 'light' })

  // ↓ and Enter take the first: the word becomes the filter and the search runs.
  await page.keyboard.press('ArrowDown')
  await expect(options.first()).toHaveAttribute('aria-selected', 'true')
  await expect(search.box).toHaveAttribute('aria-activedescendant', 'search-suggestions-0')
  await page.keyboard.press('Enter')
  await expect(search.box).toHaveValue('tag:travel ')
  await expect(list).toBeHidden()
  await expect(library.count).toHaveText('2 results')
  await expect(search.chip('travel')).toBeVisible()

  // A word inside a name is enough; a click takes it, and the box keeps the keyboard.
  await page.keyboard.type('vog')
  await expect(options).toHaveCount(1)
  await expect(options.first()).toContainText('Author')
  await expect(options.first()).toContainText('Lena Vogt')
  await options.first().click()
  await expect(search.box).toHaveValue('tag:travel author:"Lena Vogt" ')
  await expect(search.box).toBeFocused()
  await expect(library.count).toHaveText('1 result')

  // After `tag:`, only tags; Esc closes the list and keeps the text, a second Esc clears.
  await page.keyboard.type('-tag:')
  await expect(options.first()).toContainText('travel')
  await expect(options.filter({ hasText: /^Author|^Source/ })).toHaveCount(0)
  await page.keyboard.press('Escape')
  await expect(list).toBeHidden()
  await expect(search.box).toHaveValue('tag:travel author:"Lena Vogt" -tag:')
  await page.keyboard.press('Escape')
  await expect(search.box).toHaveValue('')

  // Nothing in the archive begins with it: no list at all.
  await search.box.click()
  await page.keyboard.type('zq')
  await expect(library.count).toHaveText('0 results')
  await expect(list).toBeHidden()
  await expect(search.box).toHaveAttribute('aria-expanded', 'false')
})
