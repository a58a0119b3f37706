// The article's edges, judged the way jusText judges headings: a heading introduces the prose
// that follows it, so a heading with no prose after it introduces something else — a box of
// other stories ("Mehr zu Klima und Konsum"), a contact card ("Ansprechpartnerin:"), a shop
// ("Verwendete Produkte"), a call to join — whose links and teasers the cleaning took out or
// that the classifier does not count as prose.
import type { DomElement } from '../dom.ts'
import { classify } from '../good-blocks.ts'
import type { Drop } from './clean-article.ts'
import { textOf } from './text-stats.ts'

const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6'])

/**
 * Drops the headings (and lines set wholly in bold, which pages use as headings) that follow
 * the article's last block of prose. Data a heading introduces (a table, code: `isData`)
 * counts as prose. An article without a block of prose keeps them: there is nothing to tell
 * its text from its furniture.
 */
export function removeTrailingHeadings(
  blocks: readonly DomElement[],
  isData: (block: DomElement) => boolean,
  drop: Drop,
): void {
  let last = -1
  blocks.forEach((b, i) => {
    if (isData(b) || classify([b], b.localName).kind === 'good') last = i
  })
  if (last < 0) return
  for (const b of blocks.slice(last + 1)) {
    if (HEADINGS.has(b.localName) || isBoldLine(b)) drop(b, 'trailing-heading')
  }
}

/** A block whose whole text sits in one `<strong>` or `<b>`: a heading in all but name. */
function isBoldLine(el: DomElement): boolean {
  const text = textOf(el)
  if (text === '') return false
  const bold = el.querySelector('strong, b')
  return bold !== null && textOf(bold) === text
}
