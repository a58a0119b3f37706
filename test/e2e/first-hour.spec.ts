// The small things a new person meets in the first hour: a shift-click that selects rows and not
// the page's text, the open row's checkbox clear of its accent bar, a saved link that claims no
// reading time, a search chip that shows what was typed, where the archive folder is, an icon
// for the browser tab, and a page without its token that says where to find the address.
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures.ts'
import {
  LINK_TITLE,
  LONG_READ_TITLE,
  makeLayoutArchive,
  type LayoutArchive,
} from './layout-archive.ts'
import { ScreenTour } from './pages/screen-tour.ts'
import { WIRE_STORY } from './story.ts'

let archive: LayoutArchive | undefined

test.beforeAll(async () => {
  test.setTimeout(120_000)
  archive = await makeLayoutArchive()
})

test.afterAll(async () => {
  await archive?.stop()
})

function opened(page: Page): ScreenTour {
  if (!archive) throw new Error('the archive was not made')
  return new ScreenTour(page, archive)
}

test('a shift-click selects the rows between, and none of the page text', async ({ page }) => {
  const tour = opened(page)
  await page.goto(tour.archive.url)
  const rows = tour.list.getByRole('option')
  await expect(rows.nth(3)).toBeVisible()
  // Tick the first row, then shift-click the fourth's title: four rows, no text selected.
  await rows.nth(0).hover()
  await rows.nth(0).locator('.row-check').click()
  await rows
    .nth(3)
    .locator('.article-row-title')
    .click({ modifiers: ['Shift'] })
  await expect(tour.list.locator('[aria-checked="true"]')).toHaveCount(4)
  expect(await page.evaluate('String(window.getSelection())')).toBe('')
  await expect(page.getByRole('toolbar', { name: 'Selected articles' })).toContainText('4')
})

test("the open row's checkbox sits beside its accent bar", async ({ page }) => {
  const tour = opened(page)
  await page.goto(tour.archive.url)
  const row = tour.list.getByRole('option', { name: new RegExp(WIRE_STORY.title) })
  await row.click()
  await expect(row).toHaveClass(/is-open/)
  await row.hover()
  const gap = await page.evaluate(`(() => {
    const row = document.querySelector('.article-row.is-open')
    const bar = getComputedStyle(row, '::after')
    const barRight = row.getBoundingClientRect().left + parseFloat(bar.left) + parseFloat(bar.width)
    return row.querySelector('.row-check').getBoundingClientRect().left - barRight
  })()`)
  expect(gap).toBeGreaterThanOrEqual(2)
})

test('a saved link never fetched claims no reading time', async ({ page }) => {
  const tour = opened(page)
  await page.goto(tour.archive.url)
  const link = tour.list.getByRole('option', { name: new RegExp(LINK_TITLE) })
  await expect(link).toContainText('Link, not fetched')
  await expect(link).not.toContainText('min read')
  const story = tour.list.getByRole('option', { name: new RegExp(LONG_READ_TITLE) })
  await expect(story).toContainText(/\d+ min read/)
})

test('a search chip shows the filter as it was typed', async ({ page }) => {
  const tour = opened(page)
  await page.goto(tour.archive.url)
  await page.getByRole('combobox', { name: 'Search the library' }).fill('Harbour words:>1000')
  const chips = page.getByRole('list', { name: 'Search parts' }).getByRole('listitem')
  await expect(chips).toHaveText(['Harbour', 'words:>1000'])
  await expect(page.getByRole('button', { name: 'Remove words:>1000' })).toBeVisible()
})

test('the sidebar and Settings say which folder is the archive', async ({ page }) => {
  const tour = opened(page)
  await page.goto(tour.archive.url)
  const place = page.getByTestId('sidebar-archive')
  await expect(place).toContainText('Quire archive')
  await expect(place).toHaveAttribute('title', /^Archive folder: \/.+\/Quire archive$/)
  await page.getByRole('button', { name: 'Settings', exact: true }).click()
  const location = tour.dialog('Settings').getByTestId('settings-archive-location')
  await expect(location).toHaveText(/^(~|\/).*\/Quire archive$/)
})

test('the browser tab has an icon, also for a browser that asks for /favicon.ico', async ({
  page,
}) => {
  const tour = opened(page)
  await page.goto(tour.archive.url)
  const href = await page.locator('link[rel="icon"]').getAttribute('href')
  expect(href).toBeTruthy()
  const linked = await page.request.get(new URL(href ?? '', page.url()).href)
  expect(linked.status()).toBe(200)
  expect(linked.headers()['content-type']).toBe('image/svg+xml')
  const asked = await page.request.get(new URL('/favicon.ico', page.url()).href)
  expect(asked.status()).toBe(200)
  expect(asked.headers()['content-type']).toBe('image/svg+xml')
})

test('a page opened without its token says where the address is, for npm start too', async ({
  page,
}) => {
  const tour = opened(page)
  await page.goto(new URL(tour.archive.url).origin + '/')
  const alert = page.getByRole('alert')
  await expect(alert).toContainText('without its access token')
  await expect(alert).toContainText('npm start')
  await expect(alert).toContainText('npm run serve')
})
