// Measures of a block that boilerplate detection reads: its visible text, how much of that
// text is link text, and how it sits among its siblings.
import { isElement, type DomElement, type DomNode } from '../dom.ts'

/** Text with runs of whitespace collapsed, as a reader would see it. */
export function textOf(node: DomNode): string {
  return (node.textContent ?? '').replace(/[\s\u200b-\u200d\ufeff]+/g, ' ').trim()
}

/** Characters of link text under `el` (links nested in links counted once). */
export function linkChars(el: DomElement): number {
  let n = 0
  const links = el.querySelectorAll('a')
  for (let i = 0; i < links.length; i++) {
    const a = links[i]!
    if (hasAncestor(a, 'a', el)) continue
    n += textOf(a).length
  }
  if (el.localName === 'a') n = textOf(el).length
  return n
}

/** Link text over all text: 1 for a menu, near 0 for prose. */
export function linkDensity(el: DomElement, text = textOf(el)): number {
  return text.length === 0 ? 0 : Math.min(1, linkChars(el) / text.length)
}

export function hasAncestor(el: DomNode, tag: string, stopAt?: DomNode): boolean {
  for (let p = el.parentNode; p && p !== stopAt; p = p.parentNode)
    if (isElement(p) && p.localName === tag) return true
  return false
}

export function closest(el: DomNode, tags: ReadonlySet<string>, stopAt?: DomNode) {
  for (let p: DomNode | null = el; p && p !== stopAt; p = p.parentNode)
    if (isElement(p) && tags.has(p.localName)) return p
  return undefined
}

/** The element's element children, in order. */
export function childElements(el: DomNode): DomElement[] {
  const out: DomElement[] = []
  for (let c = el.firstChild; c; c = c.nextSibling) if (isElement(c)) out.push(c)
  return out
}

/** The next element sibling (skipping text and comments). */
export function nextElement(el: DomNode): DomElement | undefined {
  for (let c = el.nextSibling; c; c = c.nextSibling) if (isElement(c)) return c
  return undefined
}

/** Its class and id, lower-cased, as one string for attribute patterns to test. */
export function signature(el: DomElement): string {
  const cls = el.getAttribute('class') ?? ''
  const id = el.getAttribute('id') ?? ''
  return `${cls} ${id}`.toLowerCase()
}
