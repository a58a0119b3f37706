// Maps feedsmith's JSON Feed (1.0 and 1.1) object to Quire's feed shape.
import type { JsonFeed } from 'feedsmith'
import type { FeedItem, ParsedFeed } from './feed-types.ts'
import { finishItem } from './read-rss.ts'
import {
  absoluteUrl,
  chainBase,
  isoDate,
  nonEmpty,
  plainText,
  textToHtml,
  unique,
} from './feed-values.ts'

type Item = JsonFeed.Item<string>

export function readJson(feed: JsonFeed.Feed<string>, url: string | undefined): ParsedFeed {
  const base = chainBase(url ?? nonEmpty(feed.feed_url) ?? nonEmpty(feed.home_page_url))
  const siteUrl = absoluteUrl(feed.home_page_url, base)
  const description = nonEmpty(feed.description)
  const feedAuthors = unique((feed.authors ?? []).map((a) => a.name))
  return {
    kind: 'json',
    title: plainText(feed.title),
    ...(siteUrl ? { siteUrl } : {}),
    ...(description ? { description } : {}),
    items: (feed.items ?? []).map((item) => readItem(item, base, feedAuthors)),
  }
}

function readItem(item: Item, base: string | undefined, feedAuthors: string[]): FeedItem {
  const authors = unique((item.authors ?? []).map((a) => a.name))
  const text = nonEmpty(item.content_text)
  const summary = nonEmpty(item.summary)
  return finishItem({
    guid: nonEmpty(typeof item.id === 'number' ? String(item.id) : item.id),
    link: absoluteUrl(item.url, base) ?? absoluteUrl(item.external_url, base),
    title: plainText(item.title),
    authors: authors.length ? authors : feedAuthors,
    published: isoDate(item.date_published),
    updated: isoDate(item.date_modified),
    content: nonEmpty(item.content_html),
    // JSON Feed's summary and content_text are plain text: escaped before they become HTML.
    summary: summary ? textToHtml(summary) : text ? textToHtml(text) : undefined,
    categories: unique(item.tags ?? []),
    enclosures: (item.attachments ?? []).flatMap((a) => {
      const u = absoluteUrl(a.url, base)
      return u
        ? [
            {
              url: u,
              ...(a.mime_type ? { type: a.mime_type } : {}),
              ...(a.size_in_bytes ? { length: a.size_in_bytes } : {}),
            },
          ]
        : []
    }),
  })
}
