// Re-anchoring an annotation in (possibly edited) text: position → exact quote → fuzzy quote.
import type { AnchorTarget } from './describe.ts'
import { findApprox, findExact } from './match-quote.ts'
import { rankMatches } from './rank.ts'
import type { Ranking } from './rank.ts'

/**
 * Where an annotation lands. `start`/`end` are UTF-16 code-unit offsets into the text.
 * `score` is a confidence in (0, 1]: 1 for the stored position; for a quote match, how well
 * the quote, its prefix/suffix and its old position fit, halved when the choice between
 * equally fitting ranges rested on position alone, so an exact-quote score ≤ 0.5 means
 * "a repeated quote, picked nearest its old place". Orphans carry the best match that missed
 * the threshold, for a repair view, when there is one.
 */
export type AnchorResult =
  | {
      status: 'exact-position' | 'exact-quote' | 'fuzzy'
      start: number
      end: number
      score: number
    }
  | { status: 'orphaned'; candidate?: { start: number; end: number; score: number } }

/** A fuzzy match may differ from the quote by at most this share of its length... */
export const FUZZY_MAX_ERROR_RATE = 0.25
/** ...and quotes shorter than this also need their context to agree at least half-way. */
export const FUZZY_SHORT_QUOTE = 16
/** Repair candidates for orphans may differ by up to this share. */
export const CANDIDATE_MAX_ERROR_RATE = 0.5

/**
 * Finds `target` in `text`. Never throws and never returns a range silently wrong: a position
 * is used only if it still holds the exact quote, a fuzzy match only within the error budget.
 */
export function anchor(text: string, target: AnchorTarget): AnchorResult {
  const { quote, position } = target
  const exact = quote.exact
  if (exact.length === 0 || text.length === 0) return { status: 'orphaned' }

  if (
    isRange(text, position.start, position.end) &&
    text.slice(position.start, position.end) === exact
  ) {
    return { status: 'exact-position', start: position.start, end: position.end, score: 1 }
  }
  // A stored position that no longer fits still says roughly where to look.
  const hint = Number.isFinite(position.start)
    ? Math.min(Math.max(0, position.start), text.length)
    : undefined

  const starts = findExact(text, exact)
  const exactRanking = rankMatches(
    text,
    quote,
    starts.map((start) => ({ start, end: start + exact.length, errors: 0 })),
    hint,
  )
  if (exactRanking) return found('exact-quote', exactRanking)

  const m = exact.length
  const accepted = rankMatches(
    text,
    quote,
    findApprox(text, exact, Math.floor(m * FUZZY_MAX_ERROR_RATE), hint),
    hint,
  )
  if (accepted && (m >= FUZZY_SHORT_QUOTE || accepted.best.context >= 0.5)) {
    return found('fuzzy', accepted)
  }
  // Only orphans pay for the wider search that finds something to offer for repair.
  const candidates = findApprox(text, exact, Math.floor(m * CANDIDATE_MAX_ERROR_RATE), hint)
  const candidate = rankMatches(text, quote, candidates, hint)
  if (!candidate) return { status: 'orphaned' }
  const { start, end } = candidate.best
  return { status: 'orphaned', candidate: { start, end, score: confidence(candidate) } }
}

function found(status: 'exact-quote' | 'fuzzy', ranking: Ranking): AnchorResult {
  return { status, start: ranking.best.start, end: ranking.best.end, score: confidence(ranking) }
}

function confidence({ best, ambiguous }: Ranking): number {
  return ambiguous ? best.quality / 2 : best.quality
}

function isRange(text: string, start: number, end: number): boolean {
  return (
    Number.isInteger(start) &&
    Number.isInteger(end) &&
    0 <= start &&
    start < end &&
    end <= text.length
  )
}
