// Dates as a page shows them to its readers: in <time> elements, in elements whose class or id
// says "date", and in the page's short text lines. Dates in navigation, sidebars, teasers of
// other articles and comments are left out, and so are dates an "Updated" label introduces
// (those are modifications, not the publication).
import { findTextDates, type DateBounds, type TextDate } from '../metadata/parse-date.ts'
import type { DomDocument, DomElement, DomNode } from './dom.ts'

const SKIP = new Set(['script', 'style', 'noscript', 'template', 'svg', 'select', 'option'])

/** Containers whose dates belong to other articles or to the site, not to this page. */
const ELSEWHERE_TAGS = new Set(['nav', 'aside'])
/** A class or id that names such a container as a whole ("sidebar", "c-related-posts"). */
const ELSEWHERE_NAME =
  /^(?:[a-z\d]+[-_])*(?:sidebar|related|breadcrumbs?|dropdown|comments|comment-list|widget-area|nav|navbar|navigation|trending)(?:[-_](?:posts|articles|list|menu|area|wrapper|container|bar|primary|secondary|top|main))*$/i
/**
 * A class that says what the layout has, not what the element is: Drupal's "with-navigation"
 * and "no-sidebars", WordPress's "has-sidebar" sit on the page's main wrapper.
 */
const LAYOUT_STATE = /^(?:with|has|no|without|show|hide)[-_]/i
/** Classes that name the page's main content, whatever else the element is called. */
const CONTENT_NAME = /(?:^|\s)(?:site-content|content-area|main-content)(?:\s|$)/i
/** Elements that hold the whole page: their classes describe the layout, not a region. */
const PAGE_LEVEL = new Set(['html', 'body', 'main', 'article'])

/** Class or id fragments of elements that hold a visible date (htmldate's list, trimmed). */
export const DATE_HINT =
  /date|datum|fecha|data-pub|time|posted|published|publish|publication|parution|submitted|byline|subline|meta|author|autor|info|post_detail|field-content|footer/i

const UPDATE_LABEL =
  /(?:updated?|last (?:changed|modified)|modified|aktualisiert|geändert|änderung|stand|mis à jour|modifié|actualizado|actualización|aggiornato|bijgewerkt)\W{0,3}(?:on|am|le|el|il|op)?\s*:?\s*$/iu

/** A date the page shows, with the element it stands in. */
export interface ShownDate extends TextDate {
  element: DomElement
  /** True when a label such as "Updated" introduces it. */
  isUpdate: boolean
}

/** Dates in the text of one element (its first 160 characters), labels read. */
export function datesIn(el: DomElement, bounds: DateBounds, max = 160): ShownDate[] {
  const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, max)
  if (text.length < 6) return []
  return findTextDates(text, bounds).map((d) => ({
    ...d,
    element: el,
    isUpdate: UPDATE_LABEL.test(text.slice(Math.max(0, d.index - 40), d.index)),
  }))
}

/** True for an element inside navigation, a sidebar, a list of related articles or comments. */
export function isElsewhere(el: DomElement): boolean {
  let node: DomElement | null = el
  for (let depth = 0; node && depth < 40; depth++) {
    if (ELSEWHERE_TAGS.has(node.localName) || node.getAttribute('role') === 'navigation')
      return true
    if (!PAGE_LEVEL.has(node.localName) && namesElsewhere(node)) return true
    const parent: DomNode | null = node.parentNode
    node = parent && parent.nodeType === 1 ? (parent as DomElement) : null
  }
  return false
}

/** Dates in the page's date-like elements (<time>, class or id "date", bylines), in order. */
export function hintedDates(doc: DomDocument, bounds: DateBounds, limit = 30): ShownDate[] {
  const out: ShownDate[] = []
  const els = doc.querySelectorAll('body *')
  if (els.length > 30000) return out
  for (let i = 0; i < els.length && out.length < limit; i++) {
    const el = els[i]!
    if (SKIP.has(el.localName)) continue
    const hint = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`
    const hinted = el.localName === 'time' || el.localName === 'small' || DATE_HINT.test(hint)
    if (!hinted) continue
    const found = datesIn(el, bounds)
    if (found.length === 0 || isElsewhere(el)) continue
    // A hinted container and its hinted child show the same date: keep it once.
    for (const d of found)
      if (!out.some((o) => o.element.contains(el) && sameDay(o, d))) out.push(d)
  }
  return out
}

/** Every dated text line of the page outside navigation and sidebars, in document order. */
export function lineDates(doc: DomDocument, bounds: DateBounds): ShownDate[] {
  const body = doc.querySelector('body')
  const out: ShownDate[] = []
  // An explicit stack: a hostile page nests thousands deep, past the call stack's reach.
  const stack: DomNode[] = body?.firstChild ? [body.firstChild] : []
  let seen = 0
  while (stack.length > 0 && seen < 20000) {
    const node = stack.pop()!
    if (node.nextSibling) stack.push(node.nextSibling)
    if (node.nodeType === 1) {
      const el = node as DomElement
      if (!SKIP.has(el.localName) && el.firstChild) stack.push(el.firstChild)
      continue
    }
    if (node.nodeType !== 3) continue
    seen++
    // A date leads its line ("01.02.2022 – Der Arbeitsmarkt…"); the rest is prose.
    const text = (node.textContent ?? '').slice(0, 300).replace(/\s+/g, ' ').trim().slice(0, 100)
    if (text.length < 6 || !/\d/.test(text)) continue
    const parent = node.parentNode as DomElement | null
    const found = findTextDates(text, bounds)
    if (found.length === 0 || !parent || isElsewhere(parent)) continue
    for (const d of found) {
      out.push({
        ...d,
        element: parent,
        isUpdate: UPDATE_LABEL.test(text.slice(Math.max(0, d.index - 40), d.index)),
      })
    }
  }
  return out
}

function namesElsewhere(el: DomElement): boolean {
  const names = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`.toLowerCase()
  if (!names.trim()) return false
  // "content-area" beside id="sidebar": the class says what the element holds.
  if (CONTENT_NAME.test(names)) return false
  return names.split(/\s+/).some((n) => !LAYOUT_STATE.test(n) && ELSEWHERE_NAME.test(n))
}

export function sameDay(a: { year: number; month: number; day: number }, b: typeof a): boolean {
  return a.year === b.year && a.month === b.month && a.day === b.day
}
