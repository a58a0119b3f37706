// From the element holding an article to its stored body: furniture cleaned out, images
// picked, markup purified and serialised, text split into paragraphs. And the check that
// Readability's element is the article at all, against the page's good blocks (jusText's view).
import { htmlToParagraphs } from '../../../../shared/html-text.ts'
import { cleanArticle, type OnRemoved } from './clean/clean-article.ts'
import { isElement, type DomDocument, type DomElement } from './dom.ts'
import { goodBlocks, pageBlocks, type Block } from './good-blocks.ts'
import { hasAncestor } from './clean/text-stats.ts'
import { pickImageSources } from './pick-image-src.ts'
import { purifyInPlace } from './purifier.ts'
import { serializeBody } from './serialize.ts'

/** Readability returns what is left of a page with no article: a menu's links. */
const SHORT_TEXT_CHARS = 200
/** Below this much good text the page gives too little evidence to overrule Readability. */
const MIN_GOOD_CHARS = 400
/** Readability's pick is wrong when it holds less than this share of the page's good text. */
const MIN_COVERED_SHARE = 0.25
/** Readability's pick is prose when blocks that read as prose make this share of it. */
const MIN_PROSE_SHARE = 0.5
/** …and it is boilerplate when such blocks make this share of it. */
const MIN_BOILERPLATE_SHARE = 0.3

export interface BodyOptions {
  onRemoved?: OnRemoved
  linkBase?: string
  imageBase?: string
}

export interface ArticleBody {
  html: string
  images: string[]
  paragraphs: string[]
  /** A short "article" of mostly link text: a menu, not prose. */
  onlyLinks: boolean
}

export function articleBody(content: DomElement, opts: BodyOptions): ArticleBody {
  cleanArticle(content, opts.onRemoved)
  pickImageSources(content)
  purifyInPlace(content)
  const body = serializeBody(content, {
    ...(opts.linkBase ? { linkBase: opts.linkBase } : {}),
    ...(opts.imageBase ? { imageBase: opts.imageBase } : {}),
  })
  const paragraphs = htmlToParagraphs(body.html)
  return { html: body.html, images: body.images, paragraphs, onlyLinks: isOnlyLinks(content) }
}

/** What jusText makes of the page, read before Readability changes it. */
export interface PageView {
  /** The texts of the blocks jusText would keep. */
  good: string[]
  /** The texts of the blocks that read as prose on their own, wherever they stand. */
  prose: string[]
  /** The texts of blocks long enough to judge and judged boilerplate. */
  boilerplate: string[]
  /** Every block in reading order, as the classifier judged it. */
  blocks: ViewBlock[]
}

export interface ViewBlock {
  text: string
  kind: Block['kind']
  /** Kept by jusText, neighbours considered. */
  good: boolean
  /** Holds a link: a teaser of another story, as often as not. */
  linked: boolean
}

export function pageView(doc: DomDocument): PageView {
  const blocks = pageBlocks(doc)
  const good = new Set(goodBlocks(blocks))
  return {
    good: blocks.filter((b) => good.has(b)).map((b) => b.text),
    prose: blocks.filter((b) => b.kind === 'good' || b.kind === 'near').map((b) => b.text),
    boilerplate: blocks.filter((b) => b.kind === 'bad').map((b) => b.text),
    blocks: blocks.map((b) => ({
      text: b.text,
      kind: b.kind,
      good: good.has(b),
      linked: b.linkDensity > 0 || b.nodes.some((n) => hasAncestor(n, 'a')),
    })),
  }
}

/**
 * True when Readability took something else for the article (a login form, a contact box, a
 * list of names): the page has plenty of good text, Readability's paragraphs hold hardly any
 * of it, and what they hold is mostly not prose. A short article beside long comments holds
 * little of the page's good text too, but it is prose.
 */
export function missesGoodText(
  paragraphs: readonly string[],
  page: Pick<PageView, 'good' | 'prose' | 'boilerplate'>,
): boolean {
  const total = sum(page.good)
  if (total < MIN_GOOD_CHARS) return false
  const got = squash(paragraphs.join(' '))
  const within = (texts: readonly string[]) => sum(texts.filter((t) => got.includes(squash(t))))
  if (within(page.good) >= MIN_COVERED_SHARE * total) return false
  if (within(page.prose) >= MIN_PROSE_SHARE * got.length) return false
  // Short lines (captions, a recipe's ingredients) are no evidence either way; link lists,
  // lists of names and other boilerplate blocks are.
  return within(page.boilerplate) >= MIN_BOILERPLATE_SHARE * got.length
}

function sum(texts: readonly string[]): number {
  return texts.reduce((n, t) => n + squash(t).length, 0)
}

/** The page's good blocks gathered into one element of `doc`, in reading order. */
export function goodBlocksElement(doc: DomDocument): DomElement | undefined {
  return blocksElement(doc, goodBlocks(pageBlocks(doc)))
}

/** Blocks of `doc` gathered into one element, in the order given. */
export function blocksElement(doc: DomDocument, blocks: readonly Block[]): DomElement | undefined {
  if (blocks.length === 0) return undefined
  const root = doc.createElement('div')
  for (const b of blocks) {
    const only = b.nodes.length === 1 ? b.nodes[0]! : undefined
    if (only && isElement(only)) {
      root.appendChild(only)
      continue
    }
    const p = doc.createElement('p')
    for (const n of b.nodes) p.appendChild(n)
    root.appendChild(p)
  }
  return root
}

/** Text compared without spaces: the serialiser and the page may space inline elements apart. */
export function squash(s: string): string {
  return s.replace(/\s+/g, '')
}

function isOnlyLinks(content: DomElement): boolean {
  const text = (content.textContent ?? '').replace(/\s+/g, '')
  if (text.length >= SHORT_TEXT_CHARS) return false
  const links = content.querySelectorAll('a')
  let linkChars = 0
  for (let i = 0; i < links.length; i++)
    linkChars += (links[i]!.textContent ?? '').replace(/\s+/g, '').length
  return linkChars * 2 > text.length
}
