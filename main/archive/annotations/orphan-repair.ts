// Repairing orphaned annotations: the best passage for each (a wider approximate search than
// anchoring accepts), and re-anchoring one on a range the person confirmed.
import type { RepairCandidate } from '../../../shared/api.ts'
import { anchor, describe } from '../../../shared/anchoring/index.ts'
import { QuireError } from '../../../shared/errors.ts'
import type { Annotation } from '../../../shared/model.ts'

/**
 * For each annotation orphaned in `text`, the passage shared/anchoring ranks best within
 * CANDIDATE_MAX_ERROR_RATE (half the quote's length in edits, twice anchoring's budget),
 * with its text. Annotations that anchor are left out; an orphan with nothing near has no
 * candidate.
 */
export function repairCandidates(
  text: string,
  annotations: readonly Annotation[],
): RepairCandidate[] {
  const out: RepairCandidate[] = []
  for (const a of annotations) {
    const found = anchor(text, a.target)
    if (found.status !== 'orphaned') continue
    const c = found.candidate
    if (!c) {
      out.push({ id: a.id })
      continue
    }
    const { start, end } = wholeWords(text, c.start, c.end)
    out.push({ id: a.id, candidate: { start, end, score: c.score, text: text.slice(start, end) } })
  }
  return out
}

const WORD = /[\p{L}\p{N}]/u

/**
 * The range widened to whole words: the closest match by edit distance may start or end
 * inside one ("vists at the harbour" for "Archivists…"), which no person would select.
 */
export function wholeWords(
  text: string,
  start: number,
  end: number,
): { start: number; end: number } {
  const isWord = (i: number) => i >= 0 && i < text.length && WORD.test(text[i]!)
  let s = start
  let e = end
  while (isWord(s - 1) && isWord(s)) s--
  while (isWord(e - 1) && isWord(e)) e++
  return { start: s, end: e }
}

/**
 * `annotation` anchored on `text.slice(start, end)`: new quote and position selectors from
 * the current text, the rest (colour, note, tags, dates of creation) kept.
 * Throws INVALID_INPUT unless 0 ≤ start < end ≤ text.length.
 */
export function reanchored(
  annotation: Annotation,
  text: string,
  start: number,
  end: number,
  now: string,
): Annotation {
  if (!(
    Number.isInteger(start) &&
    Number.isInteger(end) &&
    0 <= start &&
    start < end &&
    end <= text.length
  )) {
    throw new QuireError(
      'INVALID_INPUT',
      `The range ${start}–${end} is not a passage of this article's text (0–${text.length}).`,
      { start, end, length: text.length },
    )
  }
  return { ...annotation, target: describe(text, start, end), orphaned: false, updatedAt: now }
}
