// Feed subscriptions through the service with a fake network: subscribe, refresh without
// duplicates, summary-only items completed from their page, failures kept on the feed, OPML.
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ArchiveService } from '../../../../../main/archive/service.ts'
import type { FeedFetch, FeedNet } from '../../../../../main/archive/import/online.ts'
import type { ParsedFeed } from '../../../../../main/archive/import/feeds/parse-feed.ts'
import { tempDir } from '../../../helpers/temp-dir.ts'

const LONG = 'Flood waters rose across the valley overnight. '.repeat(40)

function feedWith(items: ParsedFeed['items']): ParsedFeed {
  return { kind: 'rss', title: 'Valley News', siteUrl: 'https://valley.example', items }
}

function fakeNet(feeds: FeedFetch[]): FeedNet & { pages: string[]; asked: { etag?: string }[] } {
  const net = {
    pages: [] as string[],
    asked: [] as { etag?: string }[],
    async fetchFeed(sub: { url: string; etag?: string }) {
      net.asked.push({ ...(sub.etag ? { etag: sub.etag } : {}) })
      const next = feeds.shift()
      if (!next) throw new Error('could not reach valley.example: offline')
      return next
    },
    async fetchArticle(url: string) {
      net.pages.push(url)
      return {
        title: 'Fetched page',
        authors: [],
        paragraphs: ['The full text from the page.'],
        bodyHtml: '<p>The full text from the page.</p>',
        format: 'html' as const,
        url,
      }
    },
  }
  return net
}

const item = (n: number, full: boolean) => ({
  guid: `g${n}`,
  link: `https://valley.example/${n}`,
  title: `Item ${n}`,
  authors: [],
  categories: [],
  ...(full ? { contentHtml: `<p>${LONG} ${n}</p>` } : { summaryHtml: '<p>Short.</p>' }),
})

describe('feed subscriptions', () => {
  it('subscribes, imports items once, completes summary-only items, records failures', async () => {
    const dir = await tempDir()
    const service = await ArchiveService.open(join(dir, 'a'))
    const net = fakeNet([
      {
        status: 'ok',
        feed: feedWith([item(1, true), item(2, false)]),
        finalUrl: 'https://valley.example/rss',
        etag: '"v1"',
      },
      {
        status: 'ok',
        feed: feedWith([item(1, true), item(2, false), item(3, true)]),
        finalUrl: 'https://valley.example/rss',
      },
      { status: 'not-modified' },
    ])
    service.configure({ net })
    const first = await service.subscribeFeed('https://valley.example/rss', ['valley'])
    expect(first.report).toMatchObject({ imported: 2, failed: 0 })
    expect(first.feeds[0]).toMatchObject({ title: 'Valley News', etag: '"v1"', tags: ['valley'] })
    expect(net.pages).toEqual(['https://valley.example/2'])

    const id = first.feeds[0]!.id
    const second = await service.refreshFeeds()
    expect(second.report.imported).toBe(1)
    expect(net.pages).toEqual(['https://valley.example/2'])
    expect(net.asked[1]).toEqual({ etag: '"v1"' })

    const third = await service.refreshFeeds([id])
    expect(third.report.imported).toBe(0)
    const failed = await service.refreshFeeds([id])
    expect(failed.feeds[0]!.lastError).toMatch(/offline/)

    const page = await service.list({
      view: 'all',
      sort: 'imported',
      order: 'desc',
      offset: 0,
      limit: 10,
    })
    expect(page.total).toBe(3)
    expect(page.items.every((a) => a.tags.includes('valley'))).toBe(true)
    expect(page.items.every((a) => a.origin.kind === 'feed' && a.origin.feedId === id)).toBe(true)
    // Subscribing again to the same address (tracking parameters aside) is a refresh.
    await service.subscribeFeed('https://valley.example/rss?utm_source=x')
    expect(await service.feeds()).toHaveLength(1)
    expect(await service.unsubscribeFeed(id)).toEqual({ count: 1 })
    expect((await service.info()).articleCount).toBe(3)
    await service.close()
  })

  it('imports and exports OPML subscriptions', async () => {
    const dir = await tempDir()
    const service = await ArchiveService.open(join(dir, 'a'))
    const opml = `<?xml version="1.0"?><opml version="2.0"><head/><body>
      <outline text="Tech"><outline text="A &amp; B" type="rss" xmlUrl="https://a.example/feed" htmlUrl="https://a.example"/></outline>
      <outline text="C" type="rss" xmlUrl="https://c.example/rss"/></body></opml>`
    const added = await service.importOpml(new TextEncoder().encode(opml))
    expect(added.added).toBe(2)
    expect(added.feeds[0]).toMatchObject({
      title: 'A & B',
      tags: ['Tech'],
      siteUrl: 'https://a.example/',
    })
    expect((await service.importOpml(new TextEncoder().encode(opml))).added).toBe(0)
    const out = await service.exportOpml()
    expect(out).toContain('xmlUrl="https://a.example/feed"')
    expect(out).toContain('A &amp; B')
    await service.close()
  })
})
