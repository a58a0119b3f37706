// Reads the schema.org Article a page describes in its JSON-LD scripts (top level, arrays,
// @graph and mainEntity), as plain strings; anything malformed is skipped, never thrown.
import { decodeEntities } from '../../../../shared/html-text.ts'
import type { DomDocument } from './dom.ts'

/** A name the page gives as an author, with what schema.org says it is. */
export interface LdAgent {
  name: string
  kind: 'person' | 'organization' | 'unknown'
}

export interface JsonLdArticle {
  title?: string
  /** "headline" and "name" as written, for the title rules to weigh against the page. */
  headline?: string
  name?: string
  subtitle?: string
  authors: LdAgent[]
  /** Publication dates as written: the article's own first, then any other node's. */
  published: string[]
  modified: string[]
  publisher?: string
  /** The site's own name when a WebSite node gives it. */
  siteName?: string
  url?: string
  image?: string
  language?: string
}

// The schema.org types that are articles (Readability's list, plus the generic *Article).
const ARTICLE_TYPE =
  /^(?:\w*Article|Report|SocialMediaPosting|BlogPosting|LiveBlogPosting|DiscussionForumPosting|APIReference|Posting|Review|Recipe|VideoObject|Event)$/
const PERSON_TYPE = /^(?:Person|Author)$/
const ORG_TYPE = /^(?:\w*Organi[sz]ation|Corporation|NewsMediaOrganization|WebSite|Brand)$/

type Json = Record<string, unknown>

/** The Article found in the page's JSON-LD (the first of them), or undefined. */
export function readJsonLd(doc: DomDocument): JsonLdArticle | undefined {
  const nodes = allNodes(doc)
  if (nodes.length === 0) return undefined
  const byId = nodesById(nodes)
  const article = nodes.find((n) => hasType(n, ARTICLE_TYPE))
  const page = nodes.find((n) => hasType(n, /^(?:WebPage|ItemPage|AboutPage|CollectionPage)$/))
  const site = nodes.find((n) => hasType(n, /^WebSite$/))
  const main = article ?? page
  const published: string[] = []
  const modified: string[] = []
  const pushDates = (n: Json) => {
    for (const k of ['datePublished', 'dateCreated', 'uploadDate', 'startDate'])
      if (str(n[k])) published.push(str(n[k])!)
    if (str(n.dateModified)) modified.push(str(n.dateModified)!)
  }
  if (main) pushDates(main)
  for (const n of nodes)
    if (n !== main && !hasType(n, /^(?:Comment|Answer|Question)$/)) pushDates(n)
  const out: JsonLdArticle = {
    authors: main ? agents(main.author ?? main.creator, byId) : [],
    published,
    modified,
  }
  if (main) {
    set(out, 'headline', str(main.headline))
    set(out, 'name', str(main.name))
    set(out, 'subtitle', str(main.alternativeHeadline))
    // A blogger publishing under their own name is a person, not a publisher to keep apart:
    // naming them as the site would file the author under organisations.
    const publisher = agents(main.publisher, byId)[0]
    if (publisher?.kind !== 'person') set(out, 'publisher', publisher?.name)
    set(out, 'url', str(main.url) ?? idOf(main.mainEntityOfPage))
    set(out, 'image', urlOf(main.image))
    set(out, 'language', str(main.inLanguage) ?? agents(main.inLanguage)[0]?.name)
  }
  const title = main ? pickTitle(out.headline, out.name, doc.title) : undefined
  set(out, 'title', title)
  set(out, 'siteName', site ? str(site.name) : undefined)
  return out
}

/**
 * The nodes that carry an @id, to resolve references. Yoast and most WordPress SEO plugins
 * write the article's author as `{"@id": "…/#/schema/person/…"}` and the Person with its
 * name elsewhere in the @graph: without this the author of those pages is lost.
 */
function nodesById(nodes: Json[]): Map<string, Json> {
  const out = new Map<string, Json>()
  for (const n of nodes) {
    const id = n['@id']
    if (typeof id === 'string' && !out.has(id)) out.set(id, n)
  }
  return out
}

/** Every object in every JSON-LD script, arrays and @graph flattened, to a bounded depth. */
function allNodes(doc: DomDocument): Json[] {
  const nodes: Json[] = []
  const visit = (value: unknown, depth: number) => {
    if (depth > 5 || value === null || typeof value !== 'object' || nodes.length > 500) return
    if (Array.isArray(value)) {
      for (const item of value) visit(item, depth + 1)
      return
    }
    const obj = value as Json
    if (obj['@type'] !== undefined) nodes.push(obj)
    visit(obj['@graph'], depth + 1)
    if (isObj(obj.mainEntity)) visit(obj.mainEntity, depth + 1)
  }
  const scripts = doc.querySelectorAll('script[type="application/ld+json"]')
  for (let i = 0; i < scripts.length; i++) {
    const text = (scripts[i]!.textContent ?? '').replace(/^\s*<!\[CDATA\[|\]\]>\s*$/g, '')
    const parsed = parseLenient(text)
    if (parsed !== undefined) visit(parsed, 0)
  }
  return nodes
}

/**
 * JSON as pages write it: strict first, then with raw line breaks and tabs (which JSON
 * forbids inside strings, and hand-templated scripts leave in descriptions) made spaces.
 */
function parseLenient(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    try {
      return JSON.parse(text.replace(/[\u0000-\u001f]+/g, ' '))
    } catch {
      return undefined
    }
  }
}

/** The longest part of a <title> split at separators: "Story - Site" -> "story". */
function mainTitlePart(title: string): string {
  const parts = title.toLowerCase().split(/\s+[|\-–—\\/>»:]\s+/)
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

// Some sites put their own name in "name", others a description in "headline" (Wikipedia):
// like Readability, prefer "name" unless only "headline" matches the page's <title>.
function pickTitle(headline?: string, name?: string, docTitle = ''): string | undefined {
  const main = mainTitlePart(docTitle)
  const inTitle = (s: string | undefined) => s !== undefined && similarity(s, main) > 0.75
  return headline && name && inTitle(headline) && !inTitle(name) ? headline : (name ?? headline)
}

function hasType(obj: Json, re: RegExp): boolean {
  const type = obj['@type']
  const types = Array.isArray(type) ? type : [type]
  return types.some((t) => typeof t === 'string' && re.test(t.replace(/^.*[/#:]/, '')))
}

/**
 * Names from a string, a {name} object, an {@id} reference to a node elsewhere in the
 * page's JSON-LD, or an array of those, with their kind.
 */
function agents(value: unknown, byId: Map<string, Json> = new Map()): LdAgent[] {
  const list = Array.isArray(value) ? value : [value]
  const out: LdAgent[] = []
  for (const listed of list.slice(0, 50)) {
    const ref = isObj(listed) && typeof listed['@id'] === 'string' ? listed['@id'] : undefined
    const item = ref && !str(listed.name) ? (byId.get(ref) ?? listed) : listed
    let name: string | undefined
    let kind: LdAgent['kind'] = 'unknown'
    if (typeof item === 'string') name = str(item)
    else if (isObj(item)) {
      name = fullName(str(item.name), str(item.description)) ?? joinName(item)
      if (hasType(item, PERSON_TYPE)) kind = 'person'
      else if (hasType(item, ORG_TYPE)) kind = 'organization'
    }
    if (name && !out.some((a) => a.name === name)) out.push({ name, kind })
  }
  return out
}

/**
 * A person listed by first name whose own description starts with the full name ("Nils",
 * "Nils Pickert ist freier Autor …"): the full name, as a citation gives it.
 */
function fullName(name: string | undefined, description: string | undefined): string | undefined {
  if (!name || /\s/.test(name) || !description) return name
  const m = new RegExp(
    `^${escapeRe(name)}((?: \\p{Lu}[\\p{Ll}'’-]+){1,2})(?=[\\s,.;:–—-]|$)`,
    'u',
  ).exec(description.trim())
  return m ? name + m[1]! : name
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

function joinName(item: Json): string | undefined {
  const given = str(item.givenName)
  const family = str(item.familyName)
  return given || family ? [given, family].filter(Boolean).join(' ') : undefined
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

function set<K extends keyof JsonLdArticle>(
  o: JsonLdArticle,
  k: K,
  v: JsonLdArticle[K] | undefined,
) {
  if (v !== undefined) o[k] = v
}
