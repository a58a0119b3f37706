// String similarity for anchoring: Levenshtein distance and how well stored context fits a spot.
// All lengths and distances count UTF-16 code units, like every offset in shared/anchoring.

/**
 * Levenshtein distance (insert, delete, substitute; each costs 1) between `a` and `b`.
 * Quadratic, so callers keep at least one side short (context is at most 32 code units).
 */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0
  if (a.length === 0) return b.length
  if (b.length === 0) return a.length
  // One row of the DP table, over the shorter string.
  const [long, short] = a.length >= b.length ? [a, b] : [b, a]
  const row = new Int32Array(short.length + 1)
  for (let j = 0; j <= short.length; j++) row[j] = j
  for (let i = 1; i <= long.length; i++) {
    let diagonal = row[0]!
    row[0] = i
    const c = long.charCodeAt(i - 1)
    for (let j = 1; j <= short.length; j++) {
      const above = row[j]!
      const substitute = diagonal + (short.charCodeAt(j - 1) === c ? 0 : 1)
      row[j] = Math.min(substitute, above + 1, row[j - 1]! + 1)
      diagonal = above
    }
  }
  return row[short.length]!
}

/** 1 for equal strings, 0 for nothing in common: 1 − distance / longer length. */
export function similarity(a: string, b: string): number {
  const longest = Math.max(a.length, b.length)
  return longest === 0 ? 1 : 1 - editDistance(a, b) / longest
}

/** How well a stored prefix fits the text just before `start` (1 when there is no prefix). */
export function prefixSimilarity(text: string, start: number, prefix: string): number {
  return similarity(prefix, text.slice(Math.max(0, start - prefix.length), start))
}

/** How well a stored suffix fits the text just after `end` (1 when there is no suffix). */
export function suffixSimilarity(text: string, end: number, suffix: string): number {
  return similarity(suffix, text.slice(end, end + suffix.length))
}

/**
 * Cheap context agreement, used only to shortlist thousands of exact occurrences of a short
 * quote before the exact scoring: how many code units of prefix and suffix touch the range.
 */
export function adjacentContext(
  text: string,
  start: number,
  end: number,
  prefix: string,
  suffix: string,
): number {
  let n = 0
  while (n < prefix.length && n < start) {
    if (prefix.charCodeAt(prefix.length - 1 - n) !== text.charCodeAt(start - 1 - n)) break
    n++
  }
  let m = 0
  while (m < suffix.length && end + m < text.length) {
    if (suffix.charCodeAt(m) !== text.charCodeAt(end + m)) break
    m++
  }
  return n + m
}
