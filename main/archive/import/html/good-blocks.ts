// A second opinion on where a page's text is, the way jusText decides: every block of the
// whole page classed by its length and link density, then by its neighbours. Readability
// picks one container; on some pages (a login form, a contact box, a list of signatories) it
// picks the wrong one, and the page's good blocks say so.
import { isElement, TEXT_NODE, type DomDocument, type DomElement, type DomNode } from './dom.ts'
import { linkDensity, textOf } from './clean/text-stats.ts'

/** Blocks a reader sees as lines of their own. */
const BLOCKS = new Set(
  ['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'dt', 'dd', 'blockquote', 'pre', 'td']
    .concat(['div', 'section', 'article', 'main', 'figcaption', 'address', 'center', 'table'])
    .concat(['ul', 'ol', 'dl', 'tr', 'th', 'header', 'footer', 'aside', 'nav', 'form', 'figure']),
)
/** Never article text, whatever it says. */
const SKIP = new Set(
  ['script', 'style', 'noscript', 'template', 'nav', 'header', 'footer', 'aside', 'form'].concat([
    'select',
    'button',
    'textarea',
    'svg',
    'iframe',
    'object',
    'dialog',
    'menu',
  ]),
)
const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6'])

// jusText's defaults: over 20% link text is boilerplate, under 70 characters too short to
// judge alone, over 200 characters long enough to be prose.
const MAX_LINK_DENSITY = 0.2
const LENGTH_LOW = 70
const LENGTH_HIGH = 200
/** Function words are this short in the languages of the corpora ("of", "und", "de", "się"). */
const SHORT_WORD = 3
/** Prose has a fifth or more of such words (English about 45%, German 35%). */
const MIN_SHORT_SHARE = 0.15
const MIN_WORDS = 10
/** Spaced scripts average well under this many characters a word. */
const MAX_MEAN_WORD = 15

type Kind = 'good' | 'near' | 'short' | 'bad'

export interface Block {
  /** One element, or a run of text and inline elements lying beside blocks. */
  nodes: DomNode[]
  text: string
  kind: Kind
  heading: boolean
  /** Share of the text that is link text. */
  linkDensity: number
}

/** Sentence punctuation inside or at the end: prose, not a label or a menu entry. */
const SENTENCE = /[.!?…:;]["'”’»)]?(?:\s|$)|[。！？]/

function isHidden(el: DomElement): boolean {
  if (el.getAttribute('hidden') !== null || el.getAttribute('aria-hidden') === 'true') return true
  const style = el.getAttribute('style') ?? ''
  return /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style)
}

/** The page's leaf blocks in reading order, each with its context-free class. */
export function pageBlocks(doc: DomDocument): Block[] {
  const body = doc.querySelector('body')
  const out: Block[] = []
  if (body) walk(body, out)
  return out
}

function walk(el: DomElement, out: Block[]): void {
  const kids: DomNode[] = []
  let hasBlockChild = false
  for (let c: DomNode | null = el.firstChild; c; c = c.nextSibling) {
    if (isElement(c) && (SKIP.has(c.localName) || isHidden(c))) continue
    kids.push(c)
    if (isBlock(c)) hasBlockChild = true
  }
  if (!hasBlockChild) {
    if (el.localName !== 'body') out.push(classify([el], el.localName))
    return
  }
  // Text beside blocks ("<div>Text<br>more<p>…</p></div>") is a block of its own, a run at a time.
  let run: DomNode[] = []
  const flush = () => {
    if (run.some((n) => textOf(n) !== '')) out.push(classify(run, 'p'))
    run = []
  }
  for (const c of kids) {
    if (!isBlock(c)) {
      if (isElement(c) || c.nodeType === TEXT_NODE) run.push(c)
      continue
    }
    flush()
    walk(c as DomElement, out)
  }
  flush()
}

function isBlock(node: DomNode): boolean {
  return (
    isElement(node) && (BLOCKS.has(node.localName) || node.querySelector(blockSelector) !== null)
  )
}
const blockSelector = [...BLOCKS].join(',')

export function classify(nodes: DomNode[], tag: string): Block {
  const text = textOf({ textContent: nodes.map(visibleText).join('') } as DomNode)
  const heading = HEADINGS.has(tag)
  let links = 0
  for (const n of nodes) if (isElement(n)) links += linkDensity(n) * textOf(n).length
  const density = text ? links / text.length : 0
  let kind: Kind
  if (density > MAX_LINK_DENSITY) kind = 'bad'
  else if (text.length < LENGTH_LOW) kind = 'short'
  else if (fewFunctionWords(text)) kind = 'bad'
  else if (text.length >= LENGTH_HIGH || SENTENCE.test(text)) kind = 'good'
  else kind = 'near'
  return { nodes, text, kind, heading, linkDensity: density }
}

/**
 * jusText counts stop words: prose is full of "the", "of", "und", "de", a list of names or
 * products has next to none. Short words stand in for them in any spaced script; text with
 * too few spaces to count words (Chinese, Japanese) is not judged this way.
 */
function fewFunctionWords(text: string): boolean {
  const words = text.split(/\s+/).map((w) => w.replace(/[^\p{L}\p{N}]/gu, ''))
  // Numbers are no function words: "(3)" in an archive list counts for nothing.
  const counted = words.filter((w) => w.length > 0 && !/^\p{N}+$/u.test(w))
  if (counted.length < MIN_WORDS) return false
  // Long "words": a script written without spaces, where short words mean nothing.
  if (text.length > MAX_MEAN_WORD * counted.length) return false
  const short = counted.filter((w) => w.length <= SHORT_WORD).length
  return short < MIN_SHORT_SHARE * counted.length
}

/** Raw text without scripts and styles (textContent keeps them). */
function visibleText(node: DomNode): string {
  if (!isElement(node)) return node.textContent ?? ''
  const el = node
  if (!el.querySelector('script, style, noscript, template')) return el.textContent ?? ''
  const copy = el.cloneNode(true) as DomElement
  for (const s of Array.from(copy.querySelectorAll('script, style, noscript, template'))) s.remove()
  return copy.textContent ?? ''
}

/**
 * The blocks jusText would keep: good ones, and short, near-good and heading blocks whose
 * nearest neighbours on both sides (past other short ones) are good.
 */
export function goodBlocks(blocks: readonly Block[]): Block[] {
  const near = (i: number, step: 1 | -1): Kind | undefined => {
    for (let j = i + step; j >= 0 && j < blocks.length; j += step) {
      const k = blocks[j]!.kind
      if (k === 'good' || k === 'bad') return k
    }
    return undefined
  }
  return blocks.filter((b, i) => {
    if (b.kind === 'good') return b.text.length >= LENGTH_HIGH || hasGoodNeighbour(blocks, i)
    if (b.kind === 'bad' || b.text === '') return false
    const prev = near(i, -1)
    const next = near(i, 1)
    if (b.heading) return next === 'good'
    if (b.kind === 'near') return prev === 'good' || next === 'good'
    return prev === 'good' && next === 'good'
  })
}

/** A mid-length block with a sentence stays when a long good block sits within two blocks. */
function hasGoodNeighbour(blocks: readonly Block[], i: number): boolean {
  for (let j = Math.max(0, i - 2); j <= Math.min(blocks.length - 1, i + 2); j++) {
    if (j !== i && blocks[j]!.kind === 'good') return true
  }
  return false
}
