// Reads the schema.org Article a page describes in its JSON-LD scripts (top level, arrays
// and @graph), as plain strings; anything malformed is skipped, never thrown.
import { decodeEntities } from '../../../../shared/html-text.ts'
import type { DomDocument } from './dom.ts'

export interface JsonLdArticle {
  title?: string
  subtitle?: string
  authors: string[]
  publishedAt?: string
  modifiedAt?: string
  publisher?: string
  url?: string
  image?: string
  language?: string
}

// The schema.org types that are articles (Readability's list, plus the generic *Article).
const ARTICLE_TYPE =
  /^(?:\w*Article|Report|SocialMediaPosting|BlogPosting|LiveBlogPosting|DiscussionForumPosting|APIReference)$/

type Json = Record<string, unknown>

/** The first Article found in the page's JSON-LD, or undefined. */
export function readJsonLd(doc: DomDocument): JsonLdArticle | undefined {
  const docTitle = mainTitlePart(doc.title)
  const scripts = doc.querySelectorAll('script[type="application/ld+json"]')
  for (let i = 0; i < scripts.length; i++) {
    const text = (scripts[i]!.textContent ?? '').replace(/^\s*<!\[CDATA\[|\]\]>\s*$/g, '')
    let parsed: unknown
    try {
      parsed = JSON.parse(text)
    } catch {
      continue
    }
    const article = findArticle(parsed, 0)
    if (article) return toArticle(article, docTitle)
  }
  return undefined
}

/** The longest part of a <title> split at separators: "Story - Site" -> "story". */
function mainTitlePart(title: string): string {
  const parts = title.toLowerCase().split(/\s+[|\-–—\\/>»]\s+/)
  return parts.reduce((a, b) => (b.length > a.length ? b : a), '')
}

/** The share of `candidate`'s word characters that are words of `title` (Readability's test). */
function similarity(candidate: string, title: string): number {
  const words = (s: string) => s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []
  const known = new Set(words(title))
  const all = words(candidate)
  const total = all.join(' ').length
  const unknown = all.filter((w) => !known.has(w)).join(' ').length
  return total === 0 ? 0 : 1 - unknown / total
}

function findArticle(value: unknown, depth: number): Json | undefined {
  if (depth > 4 || value === null || typeof value !== 'object') return undefined
  if (Array.isArray(value)) {
    for (const item of value) {
      const found = findArticle(item, depth + 1)
      if (found) return found
    }
    return undefined
  }
  const obj = value as Json
  if (isArticleType(obj['@type'])) return obj
  return findArticle(obj['@graph'], depth + 1)
}

function isArticleType(type: unknown): boolean {
  const types = Array.isArray(type) ? type : [type]
  return types.some((t) => typeof t === 'string' && ARTICLE_TYPE.test(t.replace(/^.*[/#:]/, '')))
}

function toArticle(obj: Json, docTitle: string): JsonLdArticle {
  const headline = str(obj.headline)
  const name = str(obj.name)
  // Some sites put their own name in "name", others a description in "headline" (Wikipedia):
  // like Readability, prefer "name" unless only "headline" matches the page's <title>.
  const inTitle = (s: string | undefined) => s !== undefined && similarity(s, docTitle) > 0.75
  const title =
    headline && name && inTitle(headline) && !inTitle(name) ? headline : (name ?? headline)
  return {
    ...opt('title', title),
    ...opt('subtitle', str(obj.alternativeHeadline)),
    authors: names(obj.author),
    ...opt('publishedAt', str(obj.datePublished) ?? str(obj.dateCreated)),
    ...opt('modifiedAt', str(obj.dateModified)),
    ...opt('publisher', names(obj.publisher)[0]),
    ...opt('url', str(obj.url) ?? idOf(obj.mainEntityOfPage)),
    ...opt('image', urlOf(obj.image)),
    ...opt('language', str(obj.inLanguage) ?? names(obj.inLanguage)[0]),
  }
}

/** Names from a string, a {name} object, or an array of either. */
function names(value: unknown): string[] {
  const list = Array.isArray(value) ? value : [value]
  const out: string[] = []
  for (const item of list) {
    const name = typeof item === 'string' ? str(item) : isObj(item) ? str(item.name) : undefined
    if (name && !out.includes(name)) out.push(name)
  }
  return out
}

function urlOf(value: unknown): string | undefined {
  const first = Array.isArray(value) ? value[0] : value
  if (typeof first === 'string') return str(first)
  if (isObj(first)) return str(first.url) ?? str(first.contentUrl)
  return undefined
}

function idOf(value: unknown): string | undefined {
  if (typeof value === 'string') return str(value)
  return isObj(value) ? str(value['@id']) : undefined
}

function isObj(value: unknown): value is Json {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
}

function str(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined
  // Many sites HTML-escape their JSON-LD strings ('Tom &amp; Jerry').
  const s = decodeEntities(value).replace(/\s+/g, ' ').trim()
  return s === '' ? undefined : s
}

function opt<K extends string>(key: K, value: string | undefined): { [P in K]?: string } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: string }
}
