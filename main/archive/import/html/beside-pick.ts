// Readability keeps one container and the siblings that score like it; an article split
// over several containers (a lead in one, the text in the next, a second part after a photo
// box) loses the rest. The page's good blocks that sit right before or after the text it
// kept, with nothing jusText calls boilerplate between, are the same article: they are
// added at its start and its end.
import {
  articleBody,
  blocksElement,
  squash,
  type ArticleBody,
  type BodyOptions,
  type PageView,
} from './article-body.ts'
import type { DomDocument } from './dom.ts'
import { pageBlocks } from './good-blocks.ts'

/** Only blocks that read as prose on their own are added: long, with few links. */
const MIN_CHARS = 200
/** At most this many short or near-good blocks between the article and an added block. */
const MAX_GAP = 2
/** A sentence this long found in the kept text ties a block to it. */
const MIN_SENTENCE = 40

export interface Beside {
  before: number[]
  after: number[]
}

/** The indices (in `page.blocks`) of the good blocks beside the text `paragraphs` hold. */
export function blocksBeside(paragraphs: readonly string[], page: PageView): Beside {
  const got = squash(paragraphs.join(' '))
  const blocks = page.blocks
  const inside = blocks.map((b) => b.text !== '' && overlaps(b.text, got))
  const first = inside.indexOf(true)
  const last = inside.lastIndexOf(true)
  if (first < 0) return { before: [], after: [] }
  const grow = (from: number, step: 1 | -1): number[] => {
    const out: number[] = []
    let gap = 0
    for (let j = from + step; j >= 0 && j < blocks.length; j += step) {
      const b = blocks[j]!
      if (inside[j]) continue
      if (b.good && b.kind === 'good' && !b.linked && b.text.length >= MIN_CHARS) {
        out.push(j)
        gap = 0
        continue
      }
      if (b.kind === 'bad') break
      if (b.text === '') continue
      if (++gap > MAX_GAP) break
    }
    return out
  }
  return { before: grow(first, -1).reverse(), after: grow(last, 1) }
}

/** Holds a sentence of the kept text: the same block, or a caption and the lead together. */
function overlaps(text: string, got: string): boolean {
  if (got.includes(squash(text))) return true
  return text
    .split(/(?<=[.!?])\s+/)
    .some((s) => s.length >= MIN_SENTENCE && got.includes(squash(s)))
}

/**
 * The body with the good blocks beside it added, cleaned as the body was. `reparse` gives a
 * fresh copy of the page read as `page` was (Readability has taken the first one apart).
 */
export function withBlocksBeside(
  body: ArticleBody,
  page: PageView,
  reparse: () => DomDocument,
  opts: BodyOptions,
): ArticleBody {
  const beside = blocksBeside(body.paragraphs, page)
  if (beside.before.length === 0 && beside.after.length === 0) return body
  const doc = reparse()
  const blocks = pageBlocks(doc)
  // The fresh copy must be the page the view was read from, block for block.
  if (blocks.length !== page.blocks.length) return body
  const part = (indices: number[]) => {
    const el = blocksElement(
      doc,
      indices.map((i) => blocks[i]!),
    )
    return el ? articleBody(el, opts) : undefined
  }
  const parts = [part(beside.before), body, part(beside.after)].filter(
    (p): p is ArticleBody => p !== undefined,
  )
  return {
    html: parts.map((p) => p.html).join(''),
    images: parts.flatMap((p) => p.images),
    paragraphs: parts.flatMap((p) => p.paragraphs),
    onlyLinks: body.onlyLinks,
  }
}
