// Choosing among matches of a quote: quote fidelity, stored context, then the old position.
import type { TextQuoteSelector } from '../model.ts'
import type { Match } from './match-quote.ts'
import { adjacentContext, prefixSimilarity, suffixSimilarity } from './similarity.ts'

/**
 * Weights as in hypothesis/client: context outweighs a few quote edits; position weighs little,
 * deciding between near-equal fits.
 */
const QUOTE_WEIGHT = 50
const PREFIX_WEIGHT = 20
const SUFFIX_WEIGHT = 20
const POSITION_WEIGHT = 2
const TOTAL_WEIGHT = QUOTE_WEIGHT + PREFIX_WEIGHT + SUFFIX_WEIGHT + POSITION_WEIGHT
/** More exact occurrences than this are shortlisted by adjacent context before full scoring. */
const MAX_SCORED = 256

/** A match with its scores: `fit` ignores position, `quality` includes it; both in [0, 1]. */
export type Ranked = Match & { fit: number; context: number; quality: number }

/** The best match, and whether another match as good apart from position was passed over. */
export type Ranking = { best: Ranked; ambiguous: boolean }

/**
 * Scores `matches` of `quote` in `text` and picks the best. `hint` is where the range used to
 * start; without one, position plays no part. Give `matches` in text order when there may be
 * many (as findExact does). Undefined when there are no matches.
 */
export function rankMatches(
  text: string,
  quote: TextQuoteSelector,
  matches: Match[],
  hint?: number,
): Ranking | undefined {
  const ranked = shortlist(text, quote, matches, hint).map((m) => score(text, quote, m, hint))
  ranked.sort((a, b) => b.quality - a.quality || a.start - b.start)
  const best = ranked[0]
  if (!best) return undefined
  // Ambiguous: another range fits quote and context at least as well, so only the old
  // position (or the order in the text) decided between them. Overlapping ranges count too:
  // in periodic text ("abab…") they are distinct, equally plausible answers.
  const ambiguous = ranked.some((r) => r !== best && r.fit >= best.fit - 1e-9)
  return { best, ambiguous }
}

function score(text: string, quote: TextQuoteSelector, m: Match, hint?: number): Ranked {
  const quoteSim = 1 - m.errors / quote.exact.length
  const prefixSim = prefixSimilarity(text, m.start, quote.prefix)
  const suffixSim = suffixSimilarity(text, m.end, quote.suffix)
  const positionSim =
    hint === undefined ? 1 : 1 - Math.min(1, Math.abs(m.start - hint) / Math.max(1, text.length))
  const weighted = QUOTE_WEIGHT * quoteSim + PREFIX_WEIGHT * prefixSim + SUFFIX_WEIGHT * suffixSim
  return {
    ...m,
    context: (prefixSim + suffixSim) / 2,
    fit: weighted / (TOTAL_WEIGHT - POSITION_WEIGHT),
    quality: (weighted + POSITION_WEIGHT * positionSim) / TOTAL_WEIGHT,
  }
}

/**
 * Keeps full scoring bounded when a short or periodic quote occurs thousands of times: the
 * MAX_SCORED matches with the most adjacent context, nearest `hint` among equals. Linear, since
 * the score is a small integer (bucketed) and `matches` come in text order (two pointers).
 */
function shortlist(
  text: string,
  quote: TextQuoteSelector,
  matches: Match[],
  hint?: number,
): Match[] {
  if (matches.length <= MAX_SCORED) return matches
  const buckets: Match[][] = Array.from(
    { length: quote.prefix.length + quote.suffix.length + 1 },
    () => [],
  )
  for (const m of matches) {
    buckets[adjacentContext(text, m.start, m.end, quote.prefix, quote.suffix)]!.push(m)
  }
  const kept: Match[] = []
  for (let b = buckets.length - 1; b >= 0 && kept.length < MAX_SCORED; b--) {
    kept.push(...nearest(buckets[b]!, MAX_SCORED - kept.length, hint ?? 0))
  }
  return kept
}

/** The `count` matches starting nearest `hint`, from matches sorted by start. */
function nearest(sorted: Match[], count: number, hint: number): Match[] {
  if (sorted.length <= count) return sorted
  let hi = sorted.findIndex((m) => m.start >= hint)
  if (hi === -1) hi = sorted.length
  let lo = hi - 1
  const out: Match[] = []
  while (out.length < count) {
    const below = lo >= 0 ? hint - sorted[lo]!.start : Infinity
    const above = hi < sorted.length ? sorted[hi]!.start - hint : Infinity
    out.push(below <= above ? sorted[lo--]! : sorted[hi++]!)
  }
  return out
}
