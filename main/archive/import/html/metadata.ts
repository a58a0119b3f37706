// A page's own description of itself: JSON-LD first, then OpenGraph / article:, Dublin Core,
// twitter: and plain meta tags, <link rel=canonical>, <html lang> and the visible page (the
// headline, the byline, the dates it shows). Read before Readability runs, because
// Readability rewrites the document.
import { isoFromMachine, type DateBounds } from '../metadata/parse-date.ts'
import { pageTimeZone } from '../metadata/local-day.ts'
import type { DomDocument } from './dom.ts'
import { readJsonLd } from './json-ld.ts'
import { firstMeta, readMetaTags } from './meta-tags.ts'
import { findPageAuthors } from './page-authors.ts'
import { findPageDates } from './page-dates.ts'
import { rightsHolder } from './page-rights.ts'
import { findPageSource, findPublisher } from './page-source.ts'
import { findPageTitle } from './page-title.ts'
import { siteNameFromUrl } from '../metadata/site-name.ts'

export interface PageMetadata {
  title?: string
  subtitle?: string
  /** People, in the page's order. */
  authors: string[]
  /** Organisations credited as authors ("BBC News", "Reuters"), kept apart from people. */
  organizations: string[]
  publishedAt?: string
  /** Which rule found the published date (for the quality checks). */
  publishedBy?: string
  modifiedAt?: string
  source?: string
  /** The one person the page's copyright lines name: the author when no one is credited. */
  rightsHolder?: string
  /** The publisher as the page names it: the author to cite when no one else is credited. */
  publisher?: string
  canonicalUrl?: string
  language?: string
  leadImage?: string
}

export interface MetadataOptions {
  /** The page's own address (fetched from, or as the caller knows it): dates and domain. */
  url?: string
  bounds?: DateBounds
}

export function readMetadata(doc: DomDocument, opts: MetadataOptions = {}): PageMetadata {
  const ld = readJsonLd(doc)
  const meta = readMetaTags(doc)
  const canonical = doc.querySelector('link[rel~="canonical"]')?.getAttribute('href')
  const canonicalUrl =
    httpUrl(canonical, opts.url) ??
    httpUrl(firstMeta(meta, ['og:url']), opts.url) ??
    httpUrl(ld?.url)
  const pageUrl = opts.url ?? canonicalUrl
  const locale =
    firstMeta(meta, ['og:locale']) ?? doc.documentElement?.getAttribute('lang') ?? undefined
  const timeZone = pageTimeZone(locale, pageUrl)
  const dates = findPageDates(
    doc,
    {
      ...(pageUrl ? { url: pageUrl } : {}),
      ldPublished: ld?.published ?? [],
      ldModified: ld?.modified ?? [],
      meta,
      ...(timeZone ? { timeZone } : {}),
    },
    opts.bounds,
  )
  const source = findPageSource(meta, ld, pageUrl)
  const title = findPageTitle(doc, meta, ld, source, siteNameFromUrl(pageUrl))
  const siteNames = [source, ld?.publisher, siteNameFromUrl(pageUrl)]
  const { people, organizations } = findPageAuthors(doc, meta, ld, siteNames)
  const out: PageMetadata = { authors: people, organizations }
  if (!people.length && !organizations.length)
    set(out, 'rightsHolder', rightsHolder(doc, siteNames))
  set(out, 'title', title)
  set(out, 'subtitle', ld?.subtitle)
  set(out, 'publishedAt', dates.publishedAt)
  set(out, 'publishedBy', dates.publishedBy)
  set(out, 'modifiedAt', dates.modifiedAt)
  set(out, 'source', source)
  set(out, 'publisher', findPublisher(meta, ld))
  set(out, 'canonicalUrl', canonicalUrl)
  set(
    out,
    'language',
    languageTag(doc.documentElement?.getAttribute('lang')) ??
      languageTag(firstMeta(meta, ['og:locale'])) ??
      languageTag(firstMeta(meta, ['content-language', 'dc.language', 'language'])) ??
      languageTag(ld?.language),
  )
  set(
    out,
    'leadImage',
    ['og:image', 'og:image:url', 'og:image:secure_url', 'twitter:image', 'twitter:image:src']
      .flatMap((k) => meta.get(k) ?? [])
      .concat(ld?.image ?? [])
      .map(imageUrl)
      .find((u) => u !== undefined),
  )
  return out
}

/**
 * The ISO form of a date a page or export states, keeping the writer's own day and zone
 * ("2024-06-25", "2024-06-25T10:00:00+02:00"); undefined when it is not a plausible date.
 */
export function isoDate(value: string | undefined): string | undefined {
  return isoFromMachine(value)
}

/** A BCP 47 tag from 'en', 'en_US', 'pt-BR' or 'en-US, fr'; undefined for anything else. */
export function languageTag(value: string | null | undefined): string | undefined {
  const tag = value?.split(',')[0]?.trim().replace(/_/g, '-')
  if (!tag || !/^[a-z]{2,3}(?:-[a-z0-9]{2,8})*$/i.test(tag)) return undefined
  const [lang, ...rest] = tag.split('-')
  return [lang!.toLowerCase(), ...rest.map((p) => (p.length === 2 ? p.toUpperCase() : p))].join('-')
}

function httpUrl(value: string | null | undefined, base?: string): string | undefined {
  if (!value) return undefined
  try {
    const url = new URL(value.trim(), base)
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined
  } catch {
    return undefined
  }
}

function imageUrl(value: string | undefined): string | undefined {
  if (value && /^data:image\/(?:png|jpeg|gif|webp|avif)[;,]/i.test(value)) return value
  return httpUrl(value)
}

function set<K extends keyof PageMetadata>(o: PageMetadata, k: K, v: PageMetadata[K] | undefined) {
  if (v !== undefined) o[k] = v
}
