// Journey: a person reads with the keyboard alone: j/k to move, Enter to open, Esc to go back,
// s/e/m for star, archive and read state.
import { expect, fixturePath, test } from './fixtures.ts'
import { LIBRARY_STORIES } from './story.ts'

test.use({ seed: { imports: [{ files: LIBRARY_STORIES.map((f) => fixturePath(f)) }] } })

test('moves with j/k, opens with Enter and returns with Esc', async ({ page, library, reader }) => {
  await expect(library.rows).toHaveCount(4)
  const titles = await library.rows.locator('.article-row-title').allTextContents()

  await page.keyboard.press('j')
  await expect(library.rows.nth(0)).toHaveAttribute('aria-selected', 'true')
  await page.keyboard.press('j')
  await page.keyboard.press('j')
  await page.keyboard.press('k')
  await expect(library.rows.nth(1)).toHaveAttribute('aria-selected', 'true')
  await expect(library.rows.nth(0)).toHaveAttribute('aria-selected', 'false')

  await page.keyboard.press('Enter')
  await expect(reader.title).toHaveText(titles[1] ?? '')
  await expect(page.locator('.reader-scroll')).toBeFocused()
  // A short article read whole on opening is marked read (a long one when its end is reached).
  await expect(reader.action('Mark as unread')).toBeVisible()

  await page.keyboard.press('s')
  await expect(reader.action('Favourite')).toHaveAttribute('aria-pressed', 'true')
  await expect(library.viewButton('Favourites')).toContainText('1')
  await page.keyboard.press('m')
  await expect(reader.action('Mark as read')).toBeVisible()

  await page.keyboard.press('Escape')
  await expect(library.list).toBeFocused()
  await page.keyboard.press('ArrowDown')
  await expect(library.rows.nth(2)).toHaveAttribute('aria-selected', 'true')

  // Archiving takes it out of the Inbox and into Archived.
  await page.keyboard.press('Enter')
  await expect(reader.title).toHaveText(titles[2] ?? '')
  await page.keyboard.press('e')
  await expect(reader.action('Archive')).toHaveAttribute('aria-pressed', 'true')
  await expect(library.rows).toHaveCount(3)
  await library.showView('Archived')
  await expect(library.rows).toHaveCount(1)
  await expect(library.rows.first()).toContainText(titles[2] ?? '')
})
