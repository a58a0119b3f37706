// Describing a selection of an article's normalised text as W3C quote and position selectors.
import type { TextPositionSelector, TextQuoteSelector } from '../model.ts'

/** Code units of context stored on each side of the quote. */
export const CONTEXT_LENGTH = 32

/** What an annotation stores to find its range again; the shape of `Annotation['target']`. */
export type AnchorTarget = { quote: TextQuoteSelector; position: TextPositionSelector }

/**
 * The selectors for `text.slice(start, end)`. Offsets are UTF-16 code units (JavaScript string
 * indices, as DOM Range offsets are); prefix and suffix never split a surrogate pair, so they
 * may be one unit shorter than CONTEXT_LENGTH.
 * Throws a RangeError unless 0 ≤ start < end ≤ text.length are integers (the quote is never empty).
 */
export function describe(text: string, start: number, end: number): AnchorTarget {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > text.length) {
    throw new RangeError(`selection ${start}–${end} is outside the text (0–${text.length})`)
  }
  if (start >= end) throw new RangeError(`selection ${start}–${end} is empty`)
  let prefixStart = Math.max(0, start - CONTEXT_LENGTH)
  if (splitsPair(text, prefixStart)) prefixStart++
  let suffixEnd = Math.min(text.length, end + CONTEXT_LENGTH)
  if (splitsPair(text, suffixEnd)) suffixEnd--
  return {
    quote: {
      type: 'TextQuoteSelector',
      exact: text.slice(start, end),
      prefix: text.slice(prefixStart, start),
      suffix: text.slice(end, suffixEnd),
    },
    position: { type: 'TextPositionSelector', start, end },
  }
}

/** True when offset `i` falls between the two halves of a surrogate pair. */
function splitsPair(text: string, i: number): boolean {
  if (i <= 0 || i >= text.length) return false
  const before = text.charCodeAt(i - 1)
  const after = text.charCodeAt(i)
  return before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff
}
