// Takes the page furniture out of the article Readability found: elements named as furniture,
// label lines, teasers for other stories, photo credits and gallery counters, copyright and
// sign-up lines, link lists, repeated blocks. Readability keeps what scores well as a
// container; these rules look at each block the way jusText and trafilatura do (its words,
// its link density, its neighbours) and at the figures.
import { isElement, type DomElement } from '../dom.ts'
import { cleanCaptions } from './captions.ts'
import { isDateLine } from './date-lines.ts'
import { removeTrailingHeadings } from './edges.ts'
import { furnitureName, PROSE_FURNITURE } from './furniture-attrs.ts'
import {
  isCopyrightLine,
  isCreditLine,
  isFollowPitch,
  isGalleryCounter,
  isLabelLine,
  isSubscribePitch,
  leadInRest,
} from './phrases.ts'
import { closest, linkDensity, nextElement, textOf } from './text-stats.ts'

export interface Removal {
  rule: string
  text: string
}

/** Told of every block taken out, for the quality tools; the import ignores it. */
export type OnRemoved = (removal: Removal) => void

export type Drop = (el: DomElement, rule: string) => void

/** Elements whose text is a block of its own on the page. */
const BLOCKS = new Set(
  ['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'dt', 'dd', 'figcaption', 'caption']
    .concat(['blockquote', 'pre', 'div', 'section', 'article', 'header', 'footer', 'aside'])
    .concat(['address', 'center', 'details', 'summary', 'ul', 'ol', 'dl', 'table', 'figure'])
    .concat(['main', 'nav', 'form', 'fieldset', 'td', 'th', 'tr', 'hgroup']),
)
/** Where a label-looking line is content, and what a heading may introduce: quotes, code, data tables. */
const PROTECTED = new Set(['blockquote', 'pre', 'code', 'table'])
/** A furniture-named element holding more than this share of the text is the article. */
const MAX_NAMED_SHARE = 0.4
/** A paragraph this long with few links is prose, not a teaser or a label. */
const PROSE_CHARS = 200

/**
 * Cleans Readability's article element in place. `root` keeps at least what the rules
 * consider article text; nothing here throws on odd markup.
 */
export function cleanArticle(root: DomElement, onRemoved?: OnRemoved): void {
  const total = textOf(root).length
  const drop: Drop = (el, rule) => {
    if (!el.parentNode) return
    onRemoved?.({ rule, text: textOf(el) })
    el.remove()
  }
  removeNamedFurniture(root, total, drop)
  cleanCaptions(root, drop)
  removeFurnitureLines(root, drop)
  removeTrailingHeadings(leafBlocks(root), (b) => !!closest(b, PROTECTED, root), drop)
  pruneEmpty(root)
}

function isAttached(el: DomElement, root: DomElement): boolean {
  for (let p = el.parentNode; p; p = p.parentNode) if (p === root) return true
  return false
}

function elements(root: DomElement): DomElement[] {
  return Array.from(root.querySelectorAll('*'))
}

function removeNamedFurniture(root: DomElement, total: number, drop: Drop): void {
  for (const el of elements(root)) {
    if (el.localName === 'blockquote' || el.localName === 'figure') continue
    if (closest(el, PROTECTED, root)) continue
    const name = furnitureName(el)
    if (!name || !isAttached(el, root)) continue
    if (textOf(el).length > MAX_NAMED_SHARE * total) continue
    // A section whose id happens to say "sharing" but which holds the article's prose.
    if (!PROSE_FURNITURE.test(name) && holdsProse(el)) continue
    drop(el, `named:${name}`)
  }
}

/** True when a block under `el` reads as article prose: long, and hardly a link. */
function holdsProse(el: DomElement): boolean {
  for (const block of leafBlocks(el)) {
    const text = textOf(block)
    if (text.length >= PROSE_CHARS && linkDensity(block, text) < 0.1) return true
  }
  return false
}

/** Blocks with no block inside them: the lines a reader sees. */
export function leafBlocks(root: DomElement): DomElement[] {
  return elements(root).filter((el) => {
    if (!BLOCKS.has(el.localName)) return false
    const inner = el.querySelectorAll('*')
    for (let i = 0; i < inner.length; i++) if (BLOCKS.has(inner[i]!.localName)) return false
    return true
  })
}

function removeFurnitureLines(root: DomElement, drop: Drop): void {
  for (const el of leafBlocks(root)) {
    if (!isAttached(el, root) || closest(el, PROTECTED, root)) continue
    const text = textOf(el)
    if (text === '') continue
    const rule = furnitureLine(text, el)
    if (!rule) continue
    const links = rule === 'label' ? followingLinks(el, root) : []
    drop(el, rule)
    for (const l of links) drop(l, 'label-links')
  }
}

function furnitureLine(text: string, el: DomElement): string | undefined {
  if (text.length <= 80 && isLabelLine(text)) return 'label'
  const rest = leadInRest(text)
  if (rest !== undefined && rest.length <= 250 && !/[.!?]\s+\S/.test(rest)) return 'lead-in'
  if (isCreditLine(text)) return 'credit'
  if (isGalleryCounter(text)) return 'gallery'
  if (isCopyrightLine(text)) return 'copyright'
  if (isSubscribePitch(text) && el.localName !== 'li') return 'subscribe'
  if (isFollowPitch(text)) return 'follow'
  // A list of dated events keeps its dates.
  if (el.localName !== 'li' && isDateLine(text)) return 'date'
  return undefined
}

/** After a label such as "Related stories", the blocks of links it introduces. */
function followingLinks(label: DomElement, root: DomElement): DomElement[] {
  let anchor: DomElement = label
  // A label alone in its wrapper: the links follow the wrapper.
  for (let p = anchor.parentNode; !nextElement(anchor) && p && p !== root && isElement(p);) {
    anchor = p
    p = p.parentNode
  }
  const out: DomElement[] = []
  for (let next = nextElement(anchor); next; next = nextElement(next)) {
    const text = textOf(next)
    if (text === '' || linkDensity(next, text) < 0.5) break
    out.push(next)
  }
  return out
}

/** Containers that mean nothing once empty (never media, table cells or line breaks). */
const PRUNABLE = new Set(
  ['div', 'section', 'article', 'aside', 'header', 'footer', 'nav', 'main', 'p', 'span']
    .concat(['ul', 'ol', 'li', 'dl', 'dt', 'dd', 'figure', 'figcaption', 'blockquote'])
    .concat(['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'a', 'strong', 'em', 'b', 'i', 'small']),
)

/** Containers left with neither text nor media once their furniture is gone. */
function pruneEmpty(root: DomElement): void {
  const all = elements(root).reverse()
  for (const el of all) {
    if (!PRUNABLE.has(el.localName)) continue
    if (textOf(el) !== '') continue
    if (el.querySelector('img, picture, video, audio, iframe, object, embed, svg, table, hr, br'))
      continue
    el.remove()
  }
}
