// Who wrote a page: the people its JSON-LD or meta tags credit, else the byline it shows
// (rel=author links, itemprop=author, .author/.byline elements), never the comments' authors
// or an author box's biography. Organisations credited as authors are kept apart.
import { cleanCredits, type Credits } from '../../../../shared/credits.ts'
import type { DomDocument, DomElement, DomNode } from './dom.ts'
import type { JsonLdArticle } from './json-ld.ts'
import type { MetaTags } from './meta-tags.ts'
import { isElsewhere } from './visible-dates.ts'

const META_KEYS = ['dc.creator', 'dc:creator', 'dcterms.creator', 'author', 'article:author']
  .concat('parsely-author', 'sailthru.author', 'citation_author', 'byl', 'dcsext.author')
  .concat('og:article:author', 'cxenseparse:author', 'lead_author')

/** Elements whose text is exactly an author's name. */
const NAME_SELECTOR = [
  '[itemprop~=author] [itemprop~=name]',
  '[itemprop~=author]',
  'a[rel~=author]',
  '.author .fn',
  '.vcard .fn',
  '[class*=author-name]',
  '[class*=author__name]',
  '[class*=authorName]',
  '[class*=AuthorName]',
  '[class*=author_name]',
  '[class*=byline__name]',
  '[class*=byline-name]',
  '[data-testid=AuthorURL]',
].join(', ')

/** Containers of a byline ("By Ann Lee · 3 min read"). */
const BYLINE_SELECTOR = [
  '[class*=byline]',
  '[class~=author]',
  '[class*=autor]',
  '[class*=author]',
  '[id*=author]',
  '[class*=Author]',
  '[class*=writer]',
  '[class*=verfasser]',
  'address',
].join(', ')

/** An author box's biography or avatar, or a comment's author: not the byline. */
const NOT_BYLINE = /comment|respond|reply|bio|description|avatar|image|photo|img|social|about|box/i

export function findPageAuthors(
  doc: DomDocument,
  meta: MetaTags,
  ld: JsonLdArticle | undefined,
  siteNames: (string | undefined)[],
): Credits {
  const opts = { siteNames }
  const ldCredits = cleanCredits(
    (ld?.authors ?? []).filter((a) => a.kind !== 'organization').map((a) => a.name),
    opts,
  )
  const ldOrgs = (ld?.authors ?? []).filter((a) => a.kind === 'organization').map((a) => a.name)
  const organizations = [...ldOrgs, ...ldCredits.organizations]
  if (ldCredits.people.length) return { people: ldCredits.people, organizations }
  for (const key of META_KEYS) {
    const values = (meta.get(key) ?? []).filter((v) => !/^(?:https?:)?\/\//i.test(v.trim()))
    if (values.length === 0) continue
    const c = cleanCredits(values, opts)
    organizations.push(...c.organizations)
    if (c.people.length) return { people: c.people, organizations: unique(organizations) }
  }
  const shown = shownCredits(doc, siteNames)
  return {
    people: shown.people,
    organizations: unique([...organizations, ...shown.organizations]),
  }
}

/** The byline the page shows: names in author elements first, else a byline's text. */
function shownCredits(doc: DomDocument, siteNames: (string | undefined)[]): Credits {
  const opts = { siteNames }
  const names: string[] = []
  for (const el of candidates(doc, NAME_SELECTOR)) {
    const text = textOf(el)
    if (text && text.length <= 80 && !names.includes(text)) names.push(text)
    if (names.length >= 6) break
  }
  const fromNames = cleanCredits(names, opts)
  if (fromNames.people.length) return fromNames
  const labelled = cleanCredits(labelledNames(doc), opts)
  if (labelled.people.length) return labelled
  for (const el of candidates(doc, BYLINE_SELECTOR)) {
    const text = textOf(el)
    if (!text || text.length > 120) continue
    const c = cleanCredits([text], opts)
    if (c.people.length) return c
  }
  return fromNames
}

/** "By", "Von", "Author:" alone, then the name in the next element ("Von <a>Ann Lee</a>"). */
const BY_LABEL =
  /^(?:by|von|par|por|door|di|av|author\s*:|autor(?:in)?\s*:|auteur\s*:|verfasst von|geschrieben von|posted by|written by|text\s*:)$/i

function labelledNames(doc: DomDocument): string[] {
  const out: string[] = []
  const body = doc.querySelector('body')
  const stack: DomNode[] = body?.firstChild ? [body.firstChild] : []
  let seen = 0
  while (stack.length > 0 && seen < 20000 && out.length < 3) {
    const node = stack.pop()!
    seen++
    if (node.nextSibling) stack.push(node.nextSibling)
    if (node.nodeType === 1) {
      const el = node as DomElement
      if (!/^(?:script|style|noscript|template)$/.test(el.localName) && el.firstChild)
        stack.push(el.firstChild)
      continue
    }
    if (node.nodeType !== 3 || !BY_LABEL.test((node.textContent ?? '').trim())) continue
    let next = node.nextSibling
    while (next && next.nodeType === 3 && !(next.textContent ?? '').trim()) next = next.nextSibling
    const parent = node.parentNode as DomElement | null
    // "<span>Author: </span><span>Ann Lee</span>": the label is alone in its element.
    if (!next && parent && parent.nodeType === 1) next = parent.nextSibling
    while (next && next.nodeType === 3 && !(next.textContent ?? '').trim()) next = next.nextSibling
    if (!next || next.nodeType !== 1 || !parent || inComments(parent) || isElsewhere(parent))
      continue
    const text = textOf(next as DomElement)
    if (text && text.length <= 60) out.push(text)
  }
  return out
}

function candidates(doc: DomDocument, selector: string): DomElement[] {
  let els: ArrayLike<DomElement>
  try {
    els = doc.querySelectorAll(selector)
  } catch {
    return []
  }
  const out: DomElement[] = []
  for (let i = 0; i < els.length && out.length < 40; i++) {
    const el = els[i]!
    if (el.localName === 'meta' || el.localName === 'link' || el.localName === 'body') continue
    const names = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`
    if (NOT_BYLINE.test(names) || inComments(el) || isElsewhere(el)) continue
    out.push(el)
  }
  return out
}

/** True inside a comment thread (WordPress's .comment, #comments, #respond…). */
function inComments(el: DomElement): boolean {
  let node: DomElement | null = el
  for (let depth = 0; node && depth < 30; depth++) {
    const names = `${node.getAttribute('class') ?? ''} ${node.getAttribute('id') ?? ''}`
    if (/(?:^|\s|-)(?:comments?|comment-list|respond|discussion)(?:$|\s|-)/i.test(names))
      return true
    const parent: DomNode | null = node.parentNode
    node = parent && parent.nodeType === 1 ? (parent as DomElement) : null
  }
  return false
}

function textOf(el: DomElement): string | undefined {
  const v = (el.getAttribute('content') ?? el.textContent ?? '').replace(/\s+/g, ' ').trim()
  return v || undefined
}

function unique(list: string[]): string[] {
  return [...new Set(list)]
}
