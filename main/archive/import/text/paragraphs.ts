// Splits the body lines of a plain-text article into paragraphs, rejoining hard-wrapped lines.
import { collapseSpaces, endsSentence, hasBlankSeparators, isBlank } from './lines.ts'

// Hard-wrapped text breaks lines at a fixed column, typically somewhere in this range.
const WRAP_MIN = 40
const WRAP_MAX = 100

/**
 * Blocks separated by blank lines are paragraphs; inside a block, hard-wrapped lines are joined
 * and other lines stay paragraphs of their own. With no blank lines at all, every non-empty line
 * is a paragraph (one paragraph per line is how most "save as text" exports look).
 */
export function splitParagraphs(lines: readonly string[]): string[] {
  const cleaned = lines.map(collapseSpaces)
  if (!hasBlankSeparators(cleaned)) return cleaned.filter((line) => line !== '')
  const paragraphs: string[] = []
  for (const block of toBlocks(cleaned)) {
    if (looksHardWrapped(block)) paragraphs.push(block.join(' '))
    else paragraphs.push(...block)
  }
  return paragraphs
}

/**
 * True when a block's lines look like one paragraph broken at a fixed width: nearly all lines
 * but the last sit in the usual wrap range, and at least half of them stop mid-sentence (a wrap
 * can fall after a full stop, so not all of them).
 */
export function looksHardWrapped(block: readonly string[]): boolean {
  if (block.length < 2) return false
  const heads = block.slice(0, -1)
  const last = block[block.length - 1] ?? ''
  const inRange = heads.filter((line) => line.length >= WRAP_MIN && line.length <= WRAP_MAX)
  const open = heads.filter((line) => !endsSentence(line))
  return (
    inRange.length / heads.length >= 0.75 &&
    open.length / heads.length >= 0.5 &&
    last.length <= WRAP_MAX
  )
}

function toBlocks(lines: readonly string[]): string[][] {
  const blocks: string[][] = []
  let current: string[] = []
  for (const line of lines) {
    if (isBlank(line)) {
      if (current.length > 0) blocks.push(current)
      current = []
    } else {
      current.push(line)
    }
  }
  if (current.length > 0) blocks.push(current)
  return blocks
}
