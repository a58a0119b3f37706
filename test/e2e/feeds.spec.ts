// Journey: a person subscribes to a feed (after a clear refusal for a page that is not one and
// an address that does not answer), reads both items (the summary-only one completed from its
// page), refreshes without duplicates, brings in an OPML list, exports it and unsubscribes.
import { readFile } from 'node:fs/promises'
import { expect, test } from './fixtures.ts'
import { FULL_ITEM, SUMMARY_ITEM, startLocalSite, type LocalSite } from './local-site.ts'
import { auditPage, formatFindings } from './pages/axe-audit.ts'
import { FeedsPage } from './pages/feeds-page.ts'

let site: LocalSite
test.beforeEach(async () => {
  site = await startLocalSite()
})
test.afterEach(async () => {
  await site.close()
})

test('subscribes, reads, refreshes without duplicates, and moves subscriptions with OPML', async ({
  page,
  library,
  reader,
}) => {
  const feeds = new FeedsPage(page)
  // The site runs on 127.0.0.1: feed items and their pages need this setting.
  await feeds.allowLocalNetwork()
  await feeds.open()
  await expect(feeds.dialog).toContainText('No subscriptions yet')

  // Refusals say which address and why.
  await feeds.subscribe(`${site.base}/not-a-feed.html`)
  await expect(feeds.note).toHaveClass(/is-error/)
  await expect(feeds.note).toContainText(`Couldn't subscribe to ${site.base}/not-a-feed.html`)
  await feeds.subscribe('http://127.0.0.1:9/feed.xml')
  await expect(feeds.note).toContainText("Couldn't subscribe to http://127.0.0.1:9/feed.xml")
  await expect(feeds.rows).toHaveCount(0)
  await feeds.address.fill('feeds.example.com/rss')
  await feeds.subscribeButton.click()
  await expect(feeds.dialog.getByRole('alert')).toContainText('starting with http:// or https://')

  await feeds.subscribe(`${site.base}/feed.xml`)
  await expect(feeds.note).toHaveText('Subscribed to “Skerry Gazette”: 2 new articles.')
  await expect(feeds.address).toHaveValue('')
  const row = feeds.row('Skerry Gazette')
  await expect(row).toContainText('Checked just now')
  await expect(row).toContainText('127.0.0.1')
  await page.screenshot({ path: '/tmp/shots/feeds-light.png', animations: 'disabled' })
  await feeds.close()

  await expect(library.row(FULL_ITEM.title)).toBeVisible()
  await expect(library.row(SUMMARY_ITEM.title)).toBeVisible()
  await expect(library.count).toHaveText('2 articles')
  await library.open(SUMMARY_ITEM.title)
  await expect(reader.body).toContainText(SUMMARY_ITEM.line)
  await library.open(FULL_ITEM.title)
  await expect(reader.body).toContainText(FULL_ITEM.line)

  // Refreshing finds nothing new and stores nothing twice.
  await feeds.open()
  await feeds.refreshAll.click()
  await expect(feeds.note).toHaveText('Refreshed 1 feed: No new articles.')
  await expect(feeds.refreshAll).toBeEnabled()
  await feeds
    .row('Skerry Gazette')
    .getByRole('button', { name: /^Refresh/ })
    .click()
  await expect(feeds.note).toHaveText('Refreshed “Skerry Gazette”: No new articles.')

  // OPML in: the feed already here is not added twice; the new one fails visibly on refresh.
  const opml = await (await fetch(`${site.base}/feeds.opml`)).text()
  await feeds.dialog.getByTestId('opml-input').setInputFiles({
    name: 'feeds.opml',
    mimeType: 'text/x-opml',
    buffer: Buffer.from(opml),
  })
  await expect(feeds.note).toHaveText(
    'Added 1 feed from feeds.opml. Refresh to fetch their articles.',
  )
  await expect(feeds.rows).toHaveCount(2)
  await feeds.refreshAll.click()
  await expect(feeds.note).toContainText('Refreshed 2 feeds: No new articles.')
  await expect(feeds.note).toContainText('1 feed could not be refreshed.')
  await expect(feeds.row('Second Paper').getByTestId('feed-error')).toBeVisible()
  await expect(feeds.row('Skerry Gazette').getByTestId('feed-error')).toHaveCount(0)

  // OPML out: a download named quire-feeds.opml listing both.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    feeds.dialog.getByRole('button', { name: 'Export OPML' }).click(),
  ])
  expect(download.suggestedFilename()).toBe('quire-feeds.opml')
  const exported = await readFile(await download.path(), 'utf8')
  expect(exported).toContain(`${site.base}/feed.xml`)
  expect(exported).toContain(`${site.base}/second.xml`)

  // Unsubscribing asks first and says the articles stay.
  await feeds
    .row('Second Paper')
    .getByRole('button', { name: /^Unsubscribe/ })
    .click()
  const confirm = page.getByRole('dialog', { name: 'Unsubscribe from this feed?' })
  await expect(confirm).toContainText('The articles it brought stay in your library.')
  await confirm.getByRole('button', { name: 'Unsubscribe' }).click()
  await expect(feeds.rows).toHaveCount(1)
  await expect(feeds.note).toContainText('Unsubscribed from “Second Paper”. Its articles stay.')
  await feeds.close()
  await expect(library.count).toHaveText('2 articles')

  await library.themeOption('Dark').click()
  await feeds.open()
  await page.screenshot({ path: '/tmp/shots/feeds-dark.png', animations: 'disabled' })
  expect(formatFindings(await auditPage(page, 'feeds, dark'))).toBe('')
})
