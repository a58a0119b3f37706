// Feed subscriptions of an archive: the list in quire.json, subscribe and refresh through
// feeds/feed-sync.ts (which fetches outside the write queue), OPML in and out.
import type { FeedRefreshReport } from '../../../shared/api.ts'
import type { Feed } from '../../../shared/model.ts'
import { cleanTags } from '../import/clean-tags.ts'
import type { ImportCore } from '../import/import-core.ts'
import { importReport as report } from '../import/import-report.ts'
import { parseOpml, serializeOpml } from '../import/feeds/opml.ts'
import { storeEntries } from '../import/pipeline.ts'
import { findFeedByUrl, newFeed } from './feed-list.ts'
import { refreshAll, subscribe, type FeedHost } from './feed-sync.ts'

export async function feeds(core: ImportCore): Promise<Feed[]> {
  return core.store.manifest.data.feeds
}

/** Subscribe to a feed the user typed in and import its items. */
export async function subscribeFeed(
  core: ImportCore,
  url: string,
  tags: string[] = [],
): Promise<FeedRefreshReport> {
  core.store.assertWritable()
  const done = await subscribe(feedHost(core, tags), url, tags)
  return { feeds: [done.feed], report: report(done.results) }
}

/** Refresh all subscriptions (or the given ones): new items are imported. */
export async function refreshFeeds(core: ImportCore, ids?: string[]): Promise<FeedRefreshReport> {
  core.store.assertWritable()
  const done = await refreshAll(feedHost(core, []), ids)
  return { feeds: done.map((d) => d.feed), report: report(done.flatMap((d) => d.results)) }
}

/** Stop following a feed; the articles it brought stay. */
export async function unsubscribeFeed(core: ImportCore, id: string): Promise<{ count: number }> {
  return core.write(async () => {
    const list = core.store.manifest.data.feeds
    const kept = list.filter((f) => f.id !== id)
    if (kept.length === list.length) return { count: 0 }
    core.store.manifest.data.feeds = kept
    await core.store.manifest.write()
    return { count: 1 }
  })
}

/** Add the subscriptions of an OPML file (without fetching them: refresh does that). */
export async function importOpml(
  core: ImportCore,
  bytes: Uint8Array,
): Promise<{ added: number; feeds: Feed[] }> {
  const subs = parseOpml(bytes)
  return core.write(async () => {
    let list = core.store.manifest.data.feeds
    let added = 0
    const now = new Date().toISOString()
    for (const sub of subs) {
      if (findFeedByUrl(list, sub.xmlUrl)) continue
      const tags = sub.category ? cleanTags([sub.category.split(/\s*\/\s*/).join('/')]) : []
      list = [
        ...list,
        {
          ...newFeed(sub.xmlUrl, sub.title, now, tags),
          ...(sub.htmlUrl ? { siteUrl: sub.htmlUrl } : {}),
        },
      ]
      added++
    }
    core.store.manifest.data.feeds = list
    await core.store.manifest.write()
    return { added, feeds: list }
  })
}

export async function exportOpml(core: ImportCore): Promise<string> {
  return serializeOpml(
    core.store.manifest.data.feeds.map((f) => ({
      title: f.title,
      xmlUrl: f.url,
      ...(f.siteUrl ? { htmlUrl: f.siteUrl } : {}),
    })),
  )
}

function feedHost(core: ImportCore, tags: string[]): FeedHost {
  const net = core.requireNet()
  return {
    feeds: () => core.store.manifest.data.feeds,
    saveFeeds: (list) =>
      core.write(async () => {
        core.store.manifest.data.feeds = list
        await core.store.manifest.write()
      }),
    isKnown: (entry, feedId) =>
      core.dedupe().find({
        urls: [entry.url],
        ...(entry.guid ? { item: { feedId, guid: entry.guid } } : {}),
      }) !== undefined,
    storeEntries: (entries, feed) =>
      core.write(() =>
        core.importBatch(
          (ctx) =>
            storeEntries(
              entries,
              {
                fileName: feed.title,
                importerId: 'feed',
                feedId: feed.id,
                remoteImages: { allowPrivate: core.allowLocalNetwork() },
              },
              ctx,
            ),
          { tags: [...tags, ...feed.tags] },
        ),
      ),
    net,
    allowLocalNetwork: core.allowLocalNetwork(),
    now: () => new Date().toISOString(),
  }
}
