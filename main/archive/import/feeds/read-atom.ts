// Maps feedsmith's Atom object to Quire's feed shape: text constructs, xml:base, rel links.
import type { AtomFeed } from 'feedsmith'
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

type Entry = AtomFeed.Entry<string>
type Link = AtomFeed.Link<string>

export function readAtom(feed: AtomFeed.Feed<string>, url: string | undefined): ParsedFeed {
  // Relative entry links resolve against xml:base, else the document's address; when the
  // address is unknown (a file), the feed's own self link stands in for it.
  const base = chainBase(
    url ?? linkOf(feed.links, 'self') ?? linkOf(feed.links, 'alternate'),
    feed.xml?.base,
  )
  const siteUrl = absoluteUrl(linkOf(feed.links, 'alternate'), base)
  const description = nonEmpty(feed.subtitle?.value)
  const feedAuthors = names(feed.authors)
  return {
    kind: 'atom',
    title: plainText(feed.title?.value),
    ...(siteUrl ? { siteUrl } : {}),
    ...(description ? { description } : {}),
    items: (feed.entries ?? []).map((e) => readEntry(e, chainBase(base, e.xml?.base), feedAuthors)),
  }
}

function readEntry(entry: Entry, base: string | undefined, feedAuthors: string[]): FeedItem {
  const authors = names(entry.authors)
  const content = entry.content?.src ? undefined : textHtml(entry.content)
  return finishItem({
    guid: nonEmpty(entry.id),
    link: absoluteUrl(linkOf(entry.links, 'alternate'), base),
    title: plainText(entry.title?.value),
    authors: authors.length ? authors : unique([...(entry.dc?.creators ?? []), ...feedAuthors]),
    // An entry with only <updated> (Atom requires it, not <published>) dates from it.
    published: isoDate(entry.published) ?? isoDate(entry.dc?.dates?.[0]) ?? isoDate(entry.updated),
    updated: isoDate(entry.updated),
    content,
    summary: textHtml(entry.summary),
    categories: unique((entry.categories ?? []).map((c) => c.label ?? c.term)),
    enclosures: (entry.links ?? []).flatMap((l) => {
      const u = l.rel === 'enclosure' ? absoluteUrl(l.href, base) : undefined
      return u
        ? [
            {
              url: u,
              ...(l.type ? { type: l.type } : {}),
              ...(l.length ? { length: l.length } : {}),
            },
          ]
        : []
    }),
  })
}

/** An Atom text construct as HTML: type="text" (the default) is escaped, html/xhtml kept. */
function textHtml(t: { value?: string; type?: string } | undefined): string | undefined {
  const value = nonEmpty(t?.value)
  if (!value) return undefined
  const type = (t?.type ?? 'text').toLowerCase()
  return type === 'html' || type === 'xhtml' || type.includes('html') ? value : textToHtml(value)
}

/** The href of the first link with this rel ('alternate' also matches a link with no rel), else the first link. */
function linkOf(links: Link[] | undefined, rel: string): string | undefined {
  if (!links?.length) return undefined
  const hit = links.find((l) => (l.rel ?? 'alternate') === rel)
  if (hit) return hit.href
  return rel === 'alternate' ? links.find((l) => l.rel !== 'self')?.href : undefined
}

function names(people: { name?: string; email?: string }[] | undefined): string[] {
  return unique((people ?? []).map((p) => p.name ?? p.email))
}
