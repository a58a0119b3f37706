// Figures keep one caption each, without the photographer's credit or the gallery's counter;
// a caption already shown (twice in the markup, or as a paragraph) is shown once.
import type { DomElement, DomNode } from '../dom.ts'
import type { Drop } from './clean-article.ts'
import { isCreditLine, isGalleryCounter, stripTrailingCredit } from './phrases.ts'
import { signature, textOf } from './text-stats.ts'

const CREDIT_NAME = /credit|copyright|photographer|fotograf|source|quelle|autor|author|byline/
const CAPTION_NAME = /caption|legend|bildunterschrift|bildtext|image-text|img-text/

export function cleanCaptions(root: DomElement, drop: Drop): void {
  const captions = Array.from(root.querySelectorAll('figcaption, caption, [class]')).filter(
    (el) => el.localName === 'figcaption' || CAPTION_NAME.test(signature(el)),
  )
  for (const cap of captions) stripCredits(cap, drop)
  dropRepeatedCaptions(root, captions, drop)
  for (const fig of Array.from(root.querySelectorAll('figure'))) {
    let kept = false
    for (const cap of Array.from(fig.querySelectorAll('figcaption'))) {
      if (!cap.parentNode) continue
      if (kept) drop(cap, 'second-caption')
      else if (textOf(cap) !== '') kept = true
    }
  }
}

function stripCredits(cap: DomElement, drop: Drop): void {
  for (const el of Array.from(cap.querySelectorAll('*'))) {
    if (!el.parentNode) continue
    const text = textOf(el)
    if (CREDIT_NAME.test(signature(el)) || (text && (isCreditLine(text) || isGalleryCounter(text))))
      drop(el, 'caption-credit')
  }
  const text = textOf(cap)
  if (text === '') return
  if (isCreditLine(text) || isGalleryCounter(text)) {
    drop(cap, 'caption-credit')
    return
  }
  const last = lastText(cap)
  if (!last) return
  const raw = (last.textContent ?? '').replace(/\s+/g, ' ')
  const stripped = stripTrailingCredit(raw)
  if (stripped !== raw.trim()) last.textContent = stripped
}

function lastText(el: DomNode): DomNode | undefined {
  let found: DomNode | undefined
  const walk = (n: DomNode) => {
    for (let c = n.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === 3 && (c.textContent ?? '').trim() !== '') found = c
      else if (c.nodeType === 1) walk(c)
    }
  }
  walk(el)
  return found
}

/** A caption shown twice (in the figure and again as a paragraph or a second caption). */
function dropRepeatedCaptions(root: DomElement, captions: DomElement[], drop: Drop): void {
  const isCaption = new Set(captions)
  const seen = new Map<string, DomElement>()
  for (const el of Array.from(root.querySelectorAll('p, figcaption, caption, div, span'))) {
    if (!el.parentNode) continue
    const text = textOf(el)
    if (text.length < 20) continue
    const first = seen.get(text)
    if (!first) {
      seen.set(text, el)
      continue
    }
    if (isInside(el, first) || isInside(first, el) || !isNear(first, el)) continue
    if (isCaption.has(el)) drop(el, 'repeated-caption')
    else if (isCaption.has(first) && first.parentNode) drop(first, 'repeated-caption')
  }
}

/**
 * True when `later` follows `first` with nothing but their containers between them: the same
 * caption printed twice for one picture, not the same words under two pictures.
 */
function isNear(first: DomElement, later: DomElement): boolean {
  for (let a: DomNode | null = later; a; a = a.parentNode) {
    let prev = a.previousSibling
    while (prev && prev.nodeType !== 1) prev = prev.previousSibling
    if (prev) return prev === first || isInside(first, prev)
  }
  return false
}

function isInside(el: DomNode, ancestor: DomNode): boolean {
  for (let p = el.parentNode; p; p = p.parentNode) if (p === ancestor) return true
  return false
}
