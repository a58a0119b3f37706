// Reads what sits between the title and the body: a subtitle (dek) and a byline, either optional.
import { parseByline } from './byline.ts'
import type { Byline } from './byline.ts'
import { splitDateline } from './dateline.ts'
import { collapseSpaces, endsSentence, hasBlankSeparators, nextNonBlank } from './lines.ts'

export type Header = { subtitle?: string; byline?: Byline; bodyStart: number }

// Longer lines are paragraphs, not decks.
const MAX_SUBTITLE_LENGTH = 300

/**
 * Looks at the lines after the title. The first line is a subtitle when a byline follows it, or
 * when it stands alone, has no sentence-final punctuation and more text follows (an opening
 * paragraph ends with a full stop; a dek usually does not). A byline may also come first.
 * `bodyStart` is the index of the first line that belongs to the body.
 */
export function readHeader(lines: readonly string[]): Header {
  const first = nextNonBlank(lines, 0)
  if (first < 0) return { bodyStart: lines.length }
  const firstLine = collapseSpaces(lines[first] ?? '')
  const firstByline = parseByline(firstLine)
  if (firstByline) return { byline: firstByline, bodyStart: first + 1 }
  if (!canBeSubtitle(firstLine)) return { bodyStart: first }

  const second = nextNonBlank(lines, first + 1)
  if (second < 0) return { bodyStart: first }
  const byline = parseByline(lines[second] ?? '')
  if (byline) return { subtitle: firstLine, byline, bodyStart: second + 1 }

  // In a file laid out in blank-line blocks, a dek is a block of its own; a line followed
  // directly by more text is the start of a paragraph.
  const standsAlone = second > first + 1 || !hasBlankSeparators(lines)
  if (standsAlone && !endsSentence(firstLine)) return { subtitle: firstLine, bodyStart: first + 1 }
  return { bodyStart: first }
}

function canBeSubtitle(line: string): boolean {
  return line.length < MAX_SUBTITLE_LENGTH && splitDateline(line) === undefined
}
