// Approximate substring search: Myers' bit-parallel edit-distance scan and start recovery.
//
// Myers (1999), "A fast bit-vector algorithm for approximate string matching based on dynamic
// programming", in the block form Hyyrö describes and approx-string-match (used by
// hypothesis/client) implements: the pattern is cut into 32-row blocks, each DP column is kept
// as vertical +1/−1 bit vectors per block, and one text character advances a whole block with
// a handful of 32-bit operations. Cost: O(⌈m/32⌉ · n) for pattern length m and text length n.

const W = 32

/** A pattern prepared for scanErrors, so windows of one search share the preparation. */
export type CompiledPattern = {
  length: number
  blocks: number
  /** Row of `bits` for each UTF-16 code unit; 0 (all-zero masks) for units not in the pattern. */
  rowOf: Uint16Array
  /** Per distinct code unit, one mask per block of the pattern rows holding it. */
  bits: Int32Array
}

export function compilePattern(pattern: string): CompiledPattern {
  const blocks = Math.ceil(pattern.length / W)
  const rowOf = new Uint16Array(0x10000)
  let rows = 1
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern.charCodeAt(i)
    if (rowOf[c] === 0) rowOf[c] = rows++
  }
  const bits = new Int32Array(rows * blocks)
  for (let i = 0; i < pattern.length; i++) {
    const at = rowOf[pattern.charCodeAt(i)]! * blocks + ((i / W) | 0)
    bits[at] = bits[at]! | (1 << (i % W))
  }
  return { length: pattern.length, blocks, rowOf, bits }
}

/**
 * For each end offset e in (from, to], the smallest edit distance between `pattern` and any
 * substring of `text` that starts at or after `from` and ends at e; `result[e - from - 1]`.
 * Offsets are UTF-16 code units, so an astral character (emoji) costs two edits.
 */
export function scanErrors(
  text: string,
  pattern: string | CompiledPattern,
  from = 0,
  to = text.length,
): Int32Array {
  const {
    length: m,
    blocks,
    rowOf,
    bits,
  } = typeof pattern === 'string' ? compilePattern(pattern) : pattern
  const out = new Int32Array(Math.max(0, to - from))
  if (m === 0) return out
  // Vertical deltas per block: bit i of pv/mv says row i is one more/less than the row above.
  const pv = new Int32Array(blocks).fill(-1)
  const mv = new Int32Array(blocks)
  // Which bit is the block's last row: bit 31, except in a partly filled last block.
  const last = blocks - 1
  const lastBit = (m - 1) % W
  // DP value at the pattern's last row in the current column (the first column is 0..m).
  let score = m
  for (let j = from; j < to; j++) {
    const row = rowOf[text.charCodeAt(j)]! * blocks
    // Horizontal delta entering the block from above; the top row is all zeros in a search.
    let carry = 0
    for (let b = 0; b < blocks; b++) {
      const pvb = pv[b]!
      const mvb = mv[b]!
      const carryNeg = carry >>> 31
      const eq = bits[row + b]! | carryNeg
      const xv = eq | mvb
      // The sum may pass 32 bits; `^` truncates it back, which is the intended wrap-around.
      const xh = (((eq & pvb) + pvb) ^ pvb) | eq
      let ph = mvb | ~(xh | pvb)
      let mh = pvb & xh
      const shift = b === last ? lastBit : 31
      const hOut = ((ph >>> shift) & 1) - ((mh >>> shift) & 1)
      ph = (ph << 1) | (-carry >>> 31)
      mh = (mh << 1) | carryNeg
      pv[b] = mh | ~(xv | ph)
      mv[b] = ph & xv
      carry = hOut
    }
    score += carry
    out[j - from] = score
  }
  return out
}

/**
 * The starts s minimising editDistance(pattern, text.slice(s, end)), provided that minimum is
 * at most `maxErrors` (else `errors` is Infinity and there are no starts); best length first.
 * A DP run backwards from `end`, kept to the diagonal band |i − j| ≤ maxErrors that any
 * alignment within budget stays in: O(m · maxErrors), so pass the error count the scan found.
 */
export function matchStarts(
  text: string,
  pattern: string,
  end: number,
  maxErrors: number,
): { errors: number; starts: number[] } {
  const m = pattern.length
  const k = Math.max(0, Math.floor(maxErrors))
  const span = Math.min(end, m + k)
  // row[j]: distance between the last i pattern chars and the j text chars before `end`.
  // Cells outside the band hold FAR; FAR + 1 still compares as "over budget".
  const FAR = 0x3fffffff
  let row = new Int32Array(span + 2).fill(FAR)
  let next = new Int32Array(span + 2).fill(FAR)
  for (let j = 0; j <= Math.min(span, k); j++) row[j] = j
  for (let i = 1; i <= m; i++) {
    const c = pattern.charCodeAt(m - i)
    const lo = Math.max(0, i - k)
    const hi = Math.min(span, i + k)
    if (lo > 0) next[lo - 1] = FAR // left over from two rows up
    if (lo === 0) next[0] = i
    for (let j = Math.max(1, lo); j <= hi; j++) {
      const substitute = row[j - 1]! + (text.charCodeAt(end - j) === c ? 0 : 1)
      next[j] = Math.min(substitute, row[j]! + 1, next[j - 1]! + 1)
    }
    ;[row, next] = [next, row]
  }
  let errors = Infinity
  const lengths: number[] = []
  for (let j = Math.max(1, m - k); j <= Math.min(span, m + k); j++) {
    const d = row[j]!
    if (d > k || d > errors) continue
    if (d < errors) lengths.length = 0
    errors = d
    lengths.push(j)
  }
  lengths.sort((a, b) => Math.abs(a - m) - Math.abs(b - m) || a - b)
  return { errors, starts: lengths.map((j) => end - j) }
}
