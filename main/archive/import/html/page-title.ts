// The headline of a page: the visible headline when the page's metadata agrees with it or
// has nothing better, else the metadata's title without the site's name around it
// ("… | CNN Politics", "r/Showerthoughts - ", "(Published 2016)").
import { stripSiteAffixes, titleKey } from '../metadata/clean-title.ts'
import type { DomDocument, DomElement } from './dom.ts'
import type { JsonLdArticle } from './json-ld.ts'
import { firstMeta, type MetaTags } from './meta-tags.ts'
import { isElsewhere } from './visible-dates.ts'

// Dublin Core before OpenGraph, as Readability ranks them.
const META_KEYS = ['dc.title', 'dc:title', 'dcterms.title', 'og:title', 'twitter:title']
  .concat('parsely-title', 'sailthru.title', 'title', 'citation_title')
  .concat('weibo:article:title', 'headline')

/** Elements that hold an article's headline on most sites besides <h1>. */
const HEADLINE_SELECTOR =
  'h1, [itemprop~=headline], .entry-title, .post-title, .article-title, .article__title, .headline, .title-post, .page-title, .story-title, h2.title, h1.title'

export function findPageTitle(
  doc: DomDocument,
  meta: MetaTags,
  ld: JsonLdArticle | undefined,
  site: string | undefined,
  host: string | undefined,
): string | undefined {
  const names = [site, host].filter((s): s is string => !!s)
  const stated = [ld?.headline, ld?.name, firstMeta(meta, META_KEYS), doc.title]
    .map(clean)
    .filter((s): s is string => !!s && s.length <= 500)
    .map((s) => ({ raw: s, cleaned: stripSiteAffixes(s, names) }))
  const shown = visibleHeadings(doc)
  // A heading that is the end of the <title>'s segments is the site's name set as a logo
  // ("Story : Muffin Rezepte" over <h1>Muffin Rezepte</h1>): neither the headline nor part of it.
  const logos = shown.filter((h) => h.site || isTitleEnd(h, doc.title))
  const siteNames = [...names, ...logos.map((h) => h.text)]
  if (logos.length) for (const s of stated) s.cleaned = stripSiteAffixes(s.raw, siteNames)
  const headings = shown.filter((h) => !logos.includes(h) && !isSiteName(h.text, siteNames))
  // A visible headline that the metadata also states (whole, or as part of a longer <title>).
  for (const { text: h } of headings) {
    const key = titleKey(h)
    if (key.length < 2) continue
    if (stated.some((s) => titleKey(s.cleaned) === key || titleKey(s.raw).includes(key))) return h
  }
  // A headline with an unmarked kicker before the stated title ("Forderungsausfälle
  // vermeiden Eigentumsvorbehalt: Das sollten …"): the stated title. (Words after it are
  // more often the headline's own second line, so that is left whole.)
  for (const { text: h } of headings) {
    const key = titleKey(h)
    const within = stated.find((s) => {
      const k = titleKey(s.cleaned)
      return wordCount(s.cleaned) >= 3 && key.length > k.length && key.endsWith(k)
    })
    if (within) return within.cleaned
  }
  // A headline that rewords the stated title (an SEO title beside the visible one: "VW-Chef
  // Diess warnt vor …" over "VW-Chef warnt vor …"): the page is what readers saw.
  const reworded = headings.find(
    (h) => wordCount(h.text) >= 3 && stated.some((s) => sharedWords(h.text, s.cleaned) >= 0.6),
  )
  if (reworded) return reworded.text
  const fromMeta = stated.find((s) => s.cleaned.length > 0)?.cleaned
  const single = headings.length === 1 ? headings[0]!.text : undefined
  // Metadata that disagrees with the page's only headline: the page is what readers saw.
  if (single && wordCount(single) >= 2) return single
  return fromMeta ?? headings[0]?.text
}

/**
 * True when a heading is the last segment of a <title> cut at the sites' separators while
 * other segments remain: the site's own name, as its logo shows it. (The first segment is
 * the headline on most pages, so only the last one is taken for the site's.)
 */
function isTitleEnd(heading: Heading, title: string | null | undefined): boolean {
  const t = clean(title)
  if (!t) return false
  const segments = t.split(/\s+(?:[|\-–—·•»«:\\/>~]|::)\s+/).map(titleKey)
  if (segments.length < 2) return false
  const key = titleKey(heading.text)
  // The name is the shorter part: "Pétition : Non à la mutilation…" ends with its headline.
  const rest = segments.slice(0, -1).join(' ')
  return key.length > 1 && segments.at(-1) === key && wordCount(key) <= wordCount(rest)
}

/** Parts of a headline element that are not the headline: kickers, overlines, dates. */
const KICKER =
  /kicker|overline|topline|dachzeile|roofline|eyebrow|spitzmarke|pretitle|supertitle|subject|ts-colon|category|rubrik|label|date|subtitle|highline|catchline/i

/**
 * A headline's first child that stands on its own line before the headline: a <small>, or
 * an element a <br> follows ("<h1><small>Tunesien</small><br>Große Aufgaben…</h1>"). Sites
 * set their kicker this way without naming it in a class.
 */
function isLeadingLine(el: DomElement, parent: DomElement): boolean {
  if (el.parentNode !== parent) return false
  // Only text-free whitespace may come before it.
  for (let n = parent.firstChild; n !== el; n = n.nextSibling)
    if (!n || n.nodeType !== 3 || (n.textContent ?? '').trim()) return false
  if (el.localName === 'small') return true
  let next = el.nextSibling
  while (next && next.nodeType === 3 && !(next.textContent ?? '').trim()) next = next.nextSibling
  return next?.nodeType === 1 && (next as DomElement).localName === 'br'
}

/**
 * Headings only screen readers get ("sr-only", "visually-hidden", "aural", "hide-accessible"):
 * they name page regions ("Navigation", "News", "detail"), never the headline a reader sees.
 */
const HIDDEN =
  /(?:^|\s)(?:sr-only|screen-reader-text|visually-?hidden|visuallyhidden|aural|hide-accessible|a11y-hidden|element-invisible|hidden|invisible|u-hidden|is-hidden)(?:\s|$)/i

function isHidden(el: DomElement): boolean {
  return HIDDEN.test(el.getAttribute('class') ?? '') || el.getAttribute('hidden') !== null
}

/** Links, logos and classes that mark a heading as the site's name, not an article's. */
function isSiteHeading(el: DomElement): boolean {
  const names = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`
  if (/logo|site-?title|site-?name|brand|vcard|masthead/i.test(names)) return true
  const link = el.querySelector('a[href]')
  const href = link?.getAttribute('href') ?? ''
  return /^(?:\/|\.\/|https?:\/\/[^/]+\/?)(?:index\.\w+)?$/i.test(href.trim())
}

/** The headline's own text, kickers left out; undefined when nothing remains. */
function headlineText(el: DomElement): string | undefined {
  const kickers = el.querySelectorAll('*')
  let text = el.textContent ?? ''
  for (let i = 0; i < kickers.length; i++) {
    const k = kickers[i]!
    const names = `${k.getAttribute('class') ?? ''}`
    if (!KICKER.test(names) && !isLeadingLine(k, el) && !isHidden(k)) continue
    const kt = k.textContent ?? ''
    if (kt.trim() && kt.length < text.length / 1.5) text = text.replace(kt, ' ')
  }
  return clean(text)
}

interface Heading {
  text: string
  /** Marked as the site's name (a logo, a link home): not a headline, but names the site. */
  site: boolean
}

function visibleHeadings(doc: DomDocument): Heading[] {
  const out: Heading[] = []
  let els: ArrayLike<DomElement>
  try {
    els = doc.querySelectorAll(HEADLINE_SELECTOR)
  } catch {
    els = doc.querySelectorAll('h1')
  }
  for (let i = 0; i < els.length && out.length < 10; i++) {
    const el = els[i]!
    const text = headlineText(el)
    if (!text || text.length > 300 || isElsewhere(el) || isHidden(el) || inDialog(el)) continue
    if (!out.some((h) => h.text === text)) out.push({ text, site: isSiteHeading(el) })
  }
  return out
}

/** A modal, pop-up or newsletter box: its heading ("Wir haben Neues für Sie!") is not the page's. */
const DIALOG =
  /(?:^|[\s_-])(?:modal|dialog|popup|pop-up|lightbox|newsletter|inactivity)(?:$|[\s_-])/i

/** True inside a dialog, a pop-up or a hidden box, as pages hide them until shown. */
function inDialog(el: DomElement): boolean {
  let node: DomElement | null = el
  for (let depth = 0; node && node.nodeType === 1 && depth < 12; depth++) {
    // The page's own wrappers carry theme settings ("avada-has-boxed-modal-shadow"), not boxes.
    if (/^(?:html|body|main|article)$/.test(node.localName)) return false
    if (node.localName === 'dialog' || node.getAttribute('role') === 'dialog') return true
    if (node.getAttribute('aria-modal') === 'true' || isHidden(node)) return true
    if (DIALOG.test(`${node.getAttribute('class') ?? ''} ${node.getAttribute('id') ?? ''}`))
      return true
    node = node.parentNode as DomElement | null
  }
  return false
}

/** True when a heading is the site's name, its domain's ("Time 4 talks" on time4talks.com). */
function isSiteName(text: string, names: string[]): boolean {
  const key = plainKey(text)
  return key.length > 0 && names.some((n) => plainKey(n.replace(/\.[a-z]{2,}$/i, '')) === key)
}

function plainKey(s: string): string {
  return titleKey(s).replace(/[^\p{L}\p{N}]/gu, '')
}

/** The share of the shorter text's words that the other also has (case-folded). */
function sharedWords(a: string, b: string): number {
  const words = (s: string) => new Set(titleKey(s).match(/[\p{L}\p{N}]+/gu) ?? [])
  const wa = words(a)
  const wb = words(b)
  if (wa.size === 0 || wb.size === 0) return 0
  let common = 0
  for (const w of wa) if (wb.has(w)) common++
  return common / Math.min(wa.size, wb.size)
}

function wordCount(s: string): number {
  return s.split(/\s+/).filter(Boolean).length
}

/** Spacing collapsed; soft hyphens and zero-width characters (hyphenation hints) dropped. */
function clean(s: string | null | undefined): string | undefined {
  const v = s
    ?.replace(/[\u00ad\u200b-\u200d\u2060\ufeff]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(LEADING_DATE, '')
  return v ? v : undefined
}

/**
 * A full date set before the headline with a separator ("23.01.2022 - Wierer darf jubeln",
 * "2024-06-25 | …"): the day of the post, not words of its headline.
 */
const LEADING_DATE = /^(?:\d{1,2}\.\s?\d{1,2}\.\s?\d{4}|\d{4}-\d{2}-\d{2})\s+[-–—|:]\s+(?=\S)/
