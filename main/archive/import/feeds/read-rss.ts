// Maps feedsmith's RSS 0.9x/2.0 and RSS 1.0 (RDF) objects to Quire's feed shape.
import type { RdfFeed, RssFeed } from 'feedsmith'
import type { FeedItem, ParsedFeed } from './feed-types.ts'
import {
  absoluteUrl,
  chainBase,
  fallbackGuid,
  isoDate,
  nonEmpty,
  plainText,
  unique,
} from './feed-values.ts'

type RssItem = RssFeed.Item<string>
type RdfItem = RdfFeed.Item<string>

export function readRss(feed: RssFeed.Feed<string>, url: string | undefined): ParsedFeed {
  // xml:base resolves against the document's address; a file has none, so its own self link
  // or the channel's link stands in for it.
  const base = chainBase(url, selfLink(feed.atom?.links), nonEmpty(feed.link), feed.xml?.base)
  const siteUrl = absoluteUrl(feed.link, url)
  const description = nonEmpty(feed.description)
  return {
    kind: 'rss',
    title: plainText(feed.title),
    ...(siteUrl ? { siteUrl } : {}),
    ...(description ? { description } : {}),
    items: (feed.items ?? []).map((item) => readRssItem(item, chainBase(base, item.xml?.base))),
  }
}

export function readRdf(feed: RdfFeed.Feed<string>, url: string | undefined): ParsedFeed {
  const base = chainBase(url, nonEmpty(feed.link), feed.xml?.base)
  const siteUrl = absoluteUrl(feed.link, url)
  const description = nonEmpty(feed.description)
  return {
    kind: 'rdf',
    title: plainText(feed.title ?? feed.dc?.titles?.[0]),
    ...(siteUrl ? { siteUrl } : {}),
    ...(description ? { description } : {}),
    items: (feed.items ?? []).map((item) => readRdfItem(item, chainBase(base, item.xml?.base))),
  }
}

function readRssItem(item: RssItem, base: string | undefined): FeedItem {
  const guidValue = nonEmpty(item.guid?.value)
  // A permalink guid is the item's address when it has no <link> (RSS 2.0 spec).
  const permalink = item.guid?.isPermaLink !== false ? guidValue : undefined
  const link =
    absoluteUrl(item.link, base) ??
    absoluteUrl(selfOrAlternate(item.atom?.links), base) ??
    (permalink && /^https?:\/\//i.test(permalink) ? absoluteUrl(permalink) : undefined)
  const authors = unique([
    ...(item.authors ?? []).map((p) => p.name ?? p.email),
    ...(item.dc?.creators ?? []),
    item.itunes?.author,
  ])
  const published = isoDate(item.pubDate) ?? isoDate(item.dc?.dates?.[0])
  const updated = isoDate(item.atom?.updated) ?? isoDate(item.dcterms?.modified?.[0])
  return finishItem({
    guid: guidValue,
    link,
    title: plainText(item.title ?? item.dc?.titles?.[0]),
    authors,
    published,
    updated,
    content: nonEmpty(item.content?.encoded),
    summary: nonEmpty(item.description),
    categories: unique([
      ...(item.categories ?? []).map((c) => c.name),
      ...(item.dc?.subjects ?? []),
    ]),
    enclosures: (item.enclosures ?? []).flatMap((e) => {
      const u = absoluteUrl(e.url, base)
      return u
        ? [
            {
              url: u,
              ...(e.type ? { type: e.type } : {}),
              ...(e.length ? { length: e.length } : {}),
            },
          ]
        : []
    }),
  })
}

function readRdfItem(item: RdfItem, base: string | undefined): FeedItem {
  const link = absoluteUrl(item.link, base) ?? absoluteUrl(item.rdf?.about, base)
  return finishItem({
    guid: nonEmpty(item.rdf?.about),
    link,
    title: plainText(item.title ?? item.dc?.titles?.[0]),
    authors: unique(item.dc?.creators ?? []),
    published: isoDate(item.dc?.dates?.[0]),
    updated: isoDate(item.dcterms?.modified?.[0]),
    content: nonEmpty(item.content?.encoded),
    summary: nonEmpty(item.description),
    categories: unique(item.dc?.subjects ?? []),
    enclosures: [],
  })
}

export interface ItemParts {
  guid: string | undefined
  link: string | undefined
  title: string
  authors: string[]
  published: string | undefined
  updated: string | undefined
  content: string | undefined
  summary: string | undefined
  categories: string[]
  enclosures: NonNullable<FeedItem['enclosures']>
}

/** Fills the guid fallbacks (link, then a hash) and drops empty optional fields. */
export function finishItem(p: ItemParts): FeedItem {
  const guid =
    p.guid ?? p.link ?? fallbackGuid(p.title, p.published ?? p.updated, p.summary ?? p.content)
  return {
    guid,
    ...(p.link ? { link: p.link } : {}),
    title: p.title,
    authors: p.authors,
    ...(p.published ? { publishedAt: p.published } : {}),
    ...(p.updated ? { updatedAt: p.updated } : {}),
    ...(p.content ? { contentHtml: p.content } : {}),
    ...(p.summary ? { summaryHtml: p.summary } : {}),
    categories: p.categories,
    ...(p.enclosures.length ? { enclosures: p.enclosures } : {}),
  }
}

interface LinkLike {
  href?: string
  rel?: string
}

function selfLink(links: LinkLike[] | undefined): string | undefined {
  return links?.find((l) => l.rel === 'self')?.href
}

function selfOrAlternate(links: LinkLike[] | undefined): string | undefined {
  return links?.find((l) => !l.rel || l.rel === 'alternate')?.href
}
