// Two copies of a note (an article's or a highlight's): the one that was edited from the
// other wins; when both were edited apart, both texts are kept, the newer first, with a
// marker the reader sees, so no word is lost.
import { textHash } from './stamp.ts'

/** Put between the two texts of a note edited on two devices at once. */
export const BOTH_KEPT_MARKER =
  '\n\n---\n\n*This note was edited on two devices at once; both texts are kept. The other one:*\n\n'

export interface TextSide {
  text: string
  /** When it was last changed (a stamp or ISO time; '' when never). */
  stamp: string
  /** Hashes of its earlier texts. */
  history: readonly string[]
}

export interface MergedText {
  text: string
  stamp: string
  history: string[]
  /** Both texts were kept (the note was edited on both sides). */
  both: boolean
}

/** Newer (stamp, then text) first: the same answer whichever side is `a`. */
function newerFirst(a: TextSide, b: TextSide): [TextSide, TextSide] {
  if (a.stamp !== b.stamp) return a.stamp > b.stamp ? [a, b] : [b, a]
  return a.text >= b.text ? [a, b] : [b, a]
}

/**
 * The merged history: every earlier hash of either side, sorted (one form whichever side
 * comes first), plus `own` texts' hashes. Not capped here: the next edit caps it (stamp.ts).
 */
function mergedHistory(a: TextSide, b: TextSide, own: string[] = []): string[] {
  return [...new Set([...a.history, ...b.history, ...own.map(textHash)])].sort()
}

export function mergeText(a: TextSide, b: TextSide): MergedText {
  if (a.text === b.text) {
    const stamp = a.stamp > b.stamp ? a.stamp : b.stamp
    // The same history on both sides stays in its order (newest first), so merging a
    // result again with one side changes nothing; only differing ones are put in one form.
    const same = JSON.stringify(a.history) === JSON.stringify(b.history)
    const history = same ? [...a.history] : mergedHistory(a, b)
    return { text: a.text, stamp, history, both: false }
  }
  const aFromB = a.history.includes(textHash(b.text))
  const bFromA = b.history.includes(textHash(a.text))
  const [newer, older] = newerFirst(a, b)
  // A merge that keeps one text remembers the other (so merging again keeps the same).
  const keep = (win: TextSide, lose: TextSide): MergedText => ({
    text: win.text,
    stamp: newer.stamp,
    history: mergedHistory(a, b, [lose.text]),
    both: false,
  })
  if (aFromB !== bFromA) return aFromB ? keep(a, b) : keep(b, a)
  if (aFromB && bFromA) return keep(newer, older)
  // Neither came from the other: edited on both sides. An empty side adds nothing to keep.
  if (!older.text.trim()) return keep(newer, older)
  if (!newer.text.trim()) return keep(older, newer)
  const text = `${newer.text}${BOTH_KEPT_MARKER}${older.text}`
  return { text, stamp: newer.stamp, history: mergedHistory(a, b, [a.text, b.text]), both: true }
}
