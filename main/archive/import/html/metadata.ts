// A page's own description of itself: JSON-LD first, then OpenGraph / article:, Dublin Core,
// twitter: and plain meta tags, <link rel=canonical> and <html lang>. Read before
// Readability runs, because Readability rewrites the document.
import { decodeEntities } from '../../../../shared/html-text.ts'
import type { DomDocument } from './dom.ts'
import { readJsonLd } from './json-ld.ts'

/** Title tags in Readability's order of trust (Dublin Core before OpenGraph). */
const TITLE_KEYS = ['dc:title', 'dc.title', 'dcterm:title', 'dcterms.title', 'og:title'].concat(
  'weibo:article:title',
  'weibo:webpage:title',
  'title',
  'twitter:title',
  'parsely-title',
)

export interface PageMetadata {
  title?: string
  subtitle?: string
  authors: string[]
  publishedAt?: string
  modifiedAt?: string
  source?: string
  canonicalUrl?: string
  language?: string
  leadImage?: string
}

/** Meta names and properties, lower-cased, each to its first non-empty content. */
function metaValues(doc: DomDocument): Map<string, string[]> {
  const values = new Map<string, string[]>()
  const metas = doc.querySelectorAll('meta')
  for (let i = 0; i < metas.length; i++) {
    const meta = metas[i]!
    const content = clean(meta.getAttribute('content'))
    if (!content) continue
    const keys = [meta.getAttribute('property'), meta.getAttribute('name')]
      .concat(meta.getAttribute('itemprop'), meta.getAttribute('http-equiv'))
      .flatMap((k) => (k ? k.toLowerCase().trim().split(/\s+/) : []))
    for (const key of keys) {
      const list = values.get(key)
      if (list) list.push(content)
      else values.set(key, [content])
    }
  }
  return values
}

export function readMetadata(doc: DomDocument): PageMetadata {
  const ld = readJsonLd(doc)
  const meta = metaValues(doc)
  const first = (...keys: string[]) => {
    for (const k of keys) {
      const v = meta.get(k)?.[0]
      if (v) return v
    }
    return undefined
  }
  // Sources in Readability's order of trust; the first that names anyone wins, so a page
  // listing one author in three vocabularies does not get three bylines.
  const authorSources = ['dc:creator', 'dc.creator', 'dcterm:creator', 'dcterms.creator']
    .concat('author', 'parsely-author', 'article:author', 'sailthru.author', 'byl')
    .map((k) => (meta.get(k) ?? []).map((a) => a.replace(/^by\s+/i, '')).filter((a) => !isUrl(a)))
  const authors = unique(
    ld?.authors.length ? ld.authors : (authorSources.find((l) => l.length) ?? []),
  )
  const title = ld?.title ?? first(...TITLE_KEYS)
  const canonical = doc.querySelector('link[rel~="canonical"]')?.getAttribute('href')
  return {
    ...opt('title', title),
    ...opt('subtitle', ld?.subtitle),
    authors,
    ...opt(
      'publishedAt',
      isoDate(ld?.publishedAt) ??
        isoDate(first('article:published_time', 'datepublished', 'parsely-pub-date')) ??
        isoDate(first('dc.date', 'dc:date', 'dcterms.created', 'date', 'pubdate', 'sailthru.date')),
    ),
    ...opt(
      'modifiedAt',
      isoDate(ld?.modifiedAt) ??
        isoDate(first('article:modified_time', 'og:updated_time', 'datemodified')) ??
        isoDate(first('dcterms.modified', 'last-modified')),
    ),
    ...opt('source', first('og:site_name', 'application-name') ?? ld?.publisher),
    ...opt('canonicalUrl', httpUrl(canonical) ?? httpUrl(first('og:url')) ?? httpUrl(ld?.url)),
    ...opt(
      'language',
      languageTag(doc.documentElement?.getAttribute('lang')) ??
        languageTag(first('og:locale')) ??
        languageTag(first('content-language', 'dc.language', 'language')) ??
        languageTag(ld?.language),
    ),
    ...opt(
      'leadImage',
      ['og:image', 'og:image:url', 'og:image:secure_url', 'twitter:image', 'twitter:image:src']
        .flatMap((k) => meta.get(k) ?? [])
        .concat(ld?.image ?? [])
        .map(imageUrl)
        .find((u) => u !== undefined),
    ),
  }
}

/** ISO 8601 for a date a page states, or undefined when it is not a plausible date. */
export function isoDate(value: string | undefined): string | undefined {
  if (!value) return undefined
  const ms = Date.parse(value.trim())
  if (Number.isNaN(ms)) return undefined
  const year = new Date(ms).getUTCFullYear()
  return year >= 1900 && year <= 2200 ? new Date(ms).toISOString() : undefined
}

/** A BCP 47 tag from 'en', 'en_US', 'pt-BR' or 'en-US, fr'; undefined for anything else. */
export function languageTag(value: string | null | undefined): string | undefined {
  const tag = value?.split(',')[0]?.trim().replace(/_/g, '-')
  if (!tag || !/^[a-z]{2,3}(?:-[a-z0-9]{2,8})*$/i.test(tag)) return undefined
  const [lang, ...rest] = tag.split('-')
  return [lang!.toLowerCase(), ...rest.map((p) => (p.length === 2 ? p.toUpperCase() : p))].join('-')
}

function httpUrl(value: string | null | undefined): string | undefined {
  if (!value) return undefined
  try {
    const url = new URL(value.trim())
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined
  } catch {
    return undefined
  }
}

function imageUrl(value: string | undefined): string | undefined {
  if (value && /^data:image\/(?:png|jpeg|gif|webp|avif)[;,]/i.test(value)) return value
  return httpUrl(value)
}

function isUrl(s: string): boolean {
  return /^(?:https?:)?\/\//i.test(s)
}

function clean(s: string | null): string | undefined {
  const v = s?.replace(/\s+/g, ' ').trim()
  return v ? decodeEntities(v) : undefined
}

/** Distinct names, case-insensitively ('Ann Lee' and 'ANN LEE' are one author). */
function unique(list: string[]): string[] {
  const seen = new Set<string>()
  const out: string[] = []
  for (const name of list.map((s) => s.trim())) {
    const key = name.toLowerCase()
    if (name === '' || seen.has(key)) continue
    seen.add(key)
    out.push(name)
  }
  return out
}

function opt<K extends string>(key: K, value: string | undefined): { [P in K]?: string } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: string }
}
