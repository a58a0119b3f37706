// Finding a quote in text: every exact occurrence, or the closest approximate occurrences.
import { compilePattern, matchStarts, scanErrors } from './approx-search.ts'

/** A range of the text and its edit distance from the quote. */
export type Match = { start: number; end: number; errors: number }

/** Approximate matches kept per search, nearest local minima of the error count first. */
const MAX_MINIMA = 8
/** End offsets tried per minimum when several in a row share its error count. */
const MAX_PLATEAU = 3
/** Start offsets tried per end when several give the same error count. */
const MAX_STARTS = 3
/** Seed pieces this long are rare enough in prose that their windows stay small. */
const SEED_LENGTH = 8
/** Past this many seed occurrences a full scan is as cheap as the windows. */
const MAX_SEEDS = 1024

/** Start offsets of every occurrence of `exact` in `text`, overlapping ones included. */
export function findExact(text: string, exact: string): number[] {
  const starts: number[] = []
  if (exact.length === 0) return starts
  for (let i = text.indexOf(exact); i !== -1; i = text.indexOf(exact, i + 1)) starts.push(i)
  return starts
}

/**
 * Ranges of `text` within `maxErrors` edits of `quote`: the best few local minima of the
 * error count (fewest errors, then nearest `hint`), each with its best start offsets.
 * Windows around exact seeds are searched first; the whole text only when those windows
 * cannot vouch for what they found (nothing within their completeness bound).
 */
export function findApprox(text: string, quote: string, maxErrors: number, hint?: number): Match[] {
  if (maxErrors <= 0 || quote.length === 0 || text.length === 0) return []
  const seeded = seedRegions(text, quote, maxErrors)
  if (seeded) {
    const matches = searchRegions(text, quote, maxErrors, seeded.regions, hint)
    // Complete up to `seeded.complete` errors, so a match that good means nothing better hides.
    if (matches.some((m) => m.errors <= seeded.complete)) return matches
  }
  return searchRegions(text, quote, maxErrors, [[0, text.length]], hint)
}

/**
 * Windows of `text` around exact occurrences of the quote's SEED_LENGTH pieces. With p pieces,
 * a match with fewer than p errors leaves at least one piece untouched (pigeonhole), and that
 * piece sits within the match's error count of its place in the quote, so the windows hold
 * every match with at most `complete` = p − 1 errors. Null when seeding would not pay.
 */
export function seedRegions(
  text: string,
  quote: string,
  maxErrors: number,
): { regions: Array<[number, number]>; complete: number } | null {
  const m = quote.length
  const pieces = Math.min(Math.floor(m / SEED_LENGTH), maxErrors + 1)
  if (pieces < 2) return null
  const size = Math.floor(m / pieces)
  const windows: Array<[number, number]> = []
  for (let i = 0; i < pieces; i++) {
    const offset = i * size
    const piece = quote.slice(offset, i === pieces - 1 ? m : offset + size)
    for (const at of findExact(text, piece)) {
      const start = at - offset - maxErrors
      windows.push([Math.max(0, start), Math.min(text.length, start + m + 3 * maxErrors)])
      if (windows.length > MAX_SEEDS) return null
    }
  }
  windows.sort((a, b) => a[0] - b[0])
  const regions: Array<[number, number]> = []
  let covered = 0
  for (const [from, to] of windows) {
    const last = regions.at(-1)
    if (last && from <= last[1]) {
      covered += Math.max(0, to - last[1])
      last[1] = Math.max(last[1], to)
    } else {
      regions.push([from, to])
      covered += to - from
    }
  }
  return covered > text.length / 2 ? null : { regions, complete: pieces - 1 }
}

function searchRegions(
  text: string,
  quote: string,
  maxErrors: number,
  regions: Array<[number, number]>,
  hint: number | undefined,
): Match[] {
  const compiled = compilePattern(quote)
  const near = (end: number) => (hint === undefined ? 0 : Math.abs(end - quote.length - hint))
  const byRank = (a: Minimum, b: Minimum) =>
    a.errors - b.errors || near(a.ends[0]!) - near(b.ends[0]!)
  let minima: Minimum[] = []
  for (const [from, to] of regions) {
    const errors = scanErrors(text, compiled, from, to)
    for (let i = 0; i < errors.length; i++) {
      const e = errors[i]!
      if (e > maxErrors || (i > 0 && errors[i - 1]! <= e)) continue
      let last = i
      while (last + 1 < errors.length && errors[last + 1] === e) last++
      if (last + 1 < errors.length && errors[last + 1]! < e) continue
      const ends: number[] = []
      for (let k = i; k <= last && ends.length < MAX_PLATEAU; k++) ends.push(from + k + 1)
      minima.push({ ends, errors: e })
      // Prose has thousands of poor minima within a generous budget; keep only the best.
      if (minima.length >= 8 * MAX_MINIMA) minima = minima.sort(byRank).slice(0, MAX_MINIMA)
    }
  }
  const matches = new Map<string, Match>()
  for (const { ends, errors: e } of minima.sort(byRank).slice(0, MAX_MINIMA)) {
    for (const end of ends) {
      // The scan already knows the error count, which keeps the start search narrow.
      const { errors, starts } = matchStarts(text, quote, end, e)
      for (const start of starts.slice(0, MAX_STARTS)) {
        matches.set(`${start}:${end}`, { start, end, errors })
      }
    }
  }
  return [...matches.values()]
}

type Minimum = { ends: number[]; errors: number }
