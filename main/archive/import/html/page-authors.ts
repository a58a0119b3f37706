// Who wrote a page: the people its JSON-LD or meta tags credit, else the byline it shows
// (rel=author links, itemprop=author, .author/.byline elements), never the comments' authors
// or an author box's biography. Organisations credited as authors are kept apart.
import { cleanCredits, type Credits } from '../../../../shared/credits.ts'
import { parseDocument, type DomDocument, type DomElement, type DomNode } from './dom.ts'
import type { JsonLdArticle } from './json-ld.ts'
import type { MetaTags } from './meta-tags.ts'
import { isElsewhere } from './visible-dates.ts'
import { completeCredits } from './complete-credits.ts'

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
  '[class*=contributor]',
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
  const ldAuthors = ld?.authors ?? []
  const ldOrgs = ldAuthors.filter((a) => a.kind === 'organization').map((a) => decodeTwice(a.name))
  // Every place the page credits its writers, most trusted first, each read when needed.
  const sources: (() => Credits)[] = [
    () => {
      const people = ldAuthors.filter((a) => a.kind !== 'organization')
      const c = cleanCredits(
        people.map((a) => decodeTwice(a.name)),
        opts,
      )
      return { people: c.people, organizations: [...ldOrgs, ...c.organizations] }
    },
    ...META_KEYS.map((key) => () => {
      const values = (meta.get(key) ?? [])
        .filter((v) => !/^(?:https?:)?\/\//i.test(v.trim()))
        .map(decodeTwice)
      return cleanCredits(values, opts)
    }),
    () => cleanCredits(twitterLabelledAuthors(meta), opts),
    () => shownCredits(doc, siteNames),
  ]
  const organizations: string[] = []
  for (let i = 0; i < sources.length; i++) {
    const c = sources[i]!()
    organizations.push(...c.organizations)
    if (!c.people.length) continue
    // The byline shown is the last source; the ones before it are stated in metadata.
    const later = sources.slice(i + 1, -1).map((s) => s().people)
    const shown = i < sources.length - 1 ? sources.at(-1)!().people : []
    const people = completeCredits(c.people, later, shown)
    return { people, organizations: unique(organizations) }
  }
  return { people: [], organizations: unique(organizations) }
}

/**
 * A credit its page escaped twice ("Redacci&oacute;n"), decoded by the HTML parser, so a
 * named entity's ";" never splits a name.
 */
export function decodeTwice(value: string): string {
  if (!/&(?:#\d+|#x[0-9a-f]+|[a-z]+\d*);/i.test(value)) return value
  const html = `<!doctype html><html><body><p>${value.replace(/</g, '&lt;')}</p></body></html>`
  return parseDocument(html).querySelector('p')?.textContent ?? value
}

/** What twitter:labelN calls the writer ("Written by", "Verfasst von", "Escrito por"…). */
const WRITER_LABEL =
  /^(?:written by|author|verfasst von|geschrieben von|autor(?:in)?|escrito por|écrit par|auteur|scritto da|autore|napisane przez)$/i

/**
 * The author Yoast and other SEO plugins state for Slack and Twitter previews: a
 * `twitter:labelN` naming the writer and its `twitter:dataN`.
 */
function twitterLabelledAuthors(meta: MetaTags): string[] {
  const out: string[] = []
  for (let n = 1; n <= 4; n++) {
    const label = meta.get(`twitter:label${n}`)?.[0]?.trim()
    const data = meta.get(`twitter:data${n}`)?.[0]
    if (label && data && WRITER_LABEL.test(label)) out.push(data)
  }
  return out
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
  const lines = cleanCredits(bylineLines(doc), opts)
  if (lines.people.length) return lines
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
  /^(?:[|·•–—-]\s*)?(?:(?:by|von|par|por|door|di|av|verfasst von|geschrieben von|posted by|written by|text von|ein (?:artikel|beitrag|text) von)\s*:?|(?:author|autor(?:in)?|auteur|text|redaktion)\s*:)$/i

/**
 * The date some bylines start with ("06.11.2023 13:30 von …", "2020-05-07 | By …", "3. Mai
 * 2019 – von …", "May 3, 2019 by …"), optional.
 */
const LEADING_DATE = new RegExp(
  '^(?:(?:\\d{1,2}\\.[ \\u00a0]?\\d{1,2}\\.[ \\u00a0]?\\d{2,4}|\\d{4}-\\d{2}-\\d{2}|\\d{1,2}\\.?[ \\u00a0]\\p{L}+\\.?[ \\u00a0]\\d{4}|\\p{L}+\\.?[ \\u00a0]\\d{1,2},?[ \\u00a0]\\d{4})' +
    '(?:,?[ \\u00a0]+\\d{1,2}:\\d{2}(?:[ \\u00a0]*(?:uhr|am|pm))?)?[ \\u00a0]*(?:[|,·•–—-][ \\u00a0]*)?)',
  'iu',
)

/**
 * A byline written as one short line of text: "By Ann Lee | 12/10/2020", "von Andreas
 * Kürten", "Von R. R. am 3. Mai", "Redaktion: Eberhard Fuhr (Pressesprecher)". The name is
 * two to four words, each capitalised or an initial (name particles such as "von", "de" and
 * "van" allowed between them), so prose that happens to begin with "Von Montag an" is not
 * read as a byline. Words must be one space apart: a wider gap ends the name.
 */
const BY_LINE = new RegExp(
  '^(?i:by|von|par|por|door|text von|(?:eine? |blog[- ]?)?(?:artikel|beitrag|gastbeitrag|kolumne|kommentar|rezension|reportage|analyse|text) von|autor(?:in)?:|author:|auteur\\s*:|redaktion:)[ \\u00a0]+' +
    "((?:\\p{Lu}[\\p{L}'’.-]*)(?:[ \\u00a0](?:(?:von|van|de|da|del|der|den|di|du|la|le|y)[ \\u00a0])?\\p{Lu}[\\p{L}'’.-]*){1,3})" +
    '(?=$|[ \\u00a0]{2,}|[ \\u00a0]*[|,·•/(–—-]|[ \\u00a0]+(?:am|on|le|el|il|op|\\d))',
  'u',
)

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
    const parent = node.parentNode as DomElement | null
    if (!parent || inComments(parent) || isElsewhere(parent)) continue
    // "<span>Author: </span> Ann Lee<br>": the label is alone in its element.
    const start = node.nextSibling ?? (parent.nodeType === 1 ? parent.nextSibling : null)
    const text = textAfter(start)
    if (text && text.length <= 60) out.push(text)
  }
  return out
}

/**
 * The words after a byline label, up to the end of its line: the text of the following
 * inline siblings (empty elements and leading <br>s skipped), ending at a <br> or a block
 * once words were found. "Von:<br><br> Götz Warnke", "Par <a></a><a>Matthieu Hy</a>".
 */
function textAfter(start: DomNode | null): string | undefined {
  let text = ''
  for (let n = start, steps = 0; n && steps < 12; n = n.nextSibling, steps++) {
    if (n.nodeType === 1) {
      const el = n as DomElement
      if (/^(?:br|hr|p|div|li|h\d|ul|ol|table|section|article|header|footer)$/.test(el.localName)) {
        if (text.trim()) break
        if (el.localName !== 'br') break
        continue
      }
      if (/^(?:script|style|img|svg|button)$/.test(el.localName)) continue
    } else if (n.nodeType !== 3) continue
    text += ` ${n.textContent ?? ''}`
    if (text.length > 80) break
  }
  // "By Ann Lee | April 13, 2020": the line's name ends at its first separator.
  const v = text
    .replace(/\s+/g, ' ')
    .split(/\s[|·•]\s/)[0]!
    .trim()
  return v || undefined
}

/** Names from short text lines that are bylines by themselves (BY_LINE above). */
function bylineLines(doc: DomDocument): string[] {
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
      if (!/^(?:script|style|noscript|template|footer)$/.test(el.localName) && el.firstChild)
        stack.push(el.firstChild)
      continue
    }
    const text = (node.textContent ?? '').trim().replace(LEADING_DATE, '')
    if (node.nodeType !== 3 || text.length < 6 || text.length > 100) continue
    const m = BY_LINE.exec(text)
    const parent = node.parentNode as DomElement | null
    if (!m || !parent || inComments(parent) || isElsewhere(parent)) continue
    // In a paragraph, "Von"/"By" lines only when they are the byline and little else, as prose
    // starts this way too; a label with a colon ("Autorin: Uta Staschewski, Projektleiterin")
    // is a byline wherever it stands.
    const labelled = /^[^ \u00a0]+:/.test(m[0])
    if (!labelled && parent.closest('p') !== null && text.length - m[0].length > 20) continue
    out.push(m[1]!)
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
