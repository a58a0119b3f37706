// Pure geometry for a virtualised list of variable-height rows: where each row starts, given
// the heights measured so far (and an estimate for the rest), and which rows a window shows.

/**
 * Prefix sums of row heights: `starts[i]` is the top of row `i`, `starts[count]` the height
 * of them all. Rows not measured yet count as `estimate`. O(count), which stays well under a
 * millisecond for the few thousand rows a person scrolls through.
 */
export function rowStarts(
  keys: readonly string[],
  heights: ReadonlyMap<string, number>,
  estimate: number,
): Float64Array {
  const starts = new Float64Array(keys.length + 1)
  for (let i = 0; i < keys.length; i++) {
    starts[i + 1] = starts[i]! + (heights.get(keys[i]!) ?? estimate)
  }
  return starts
}

/** The index of the row that contains `y` (clamped to the list), by binary search. */
export function rowAt(starts: Float64Array, y: number): number {
  const count = starts.length - 1
  if (count <= 0) return 0
  let lo = 0
  let hi = count - 1
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1
    if (starts[mid]! <= y) lo = mid
    else hi = mid - 1
  }
  return lo
}

export interface RowRange {
  /** First row to render. */
  start: number
  /** One past the last row to render. */
  end: number
}

/**
 * The rows that overlap the window `[top, top + height)`, widened by `overscan` rows on each
 * side so a fast scroll does not show blank space before React renders the next ones.
 */
export function visibleRange(
  starts: Float64Array,
  top: number,
  height: number,
  overscan: number,
): RowRange {
  const count = starts.length - 1
  if (count <= 0) return { start: 0, end: 0 }
  const first = rowAt(starts, Math.max(0, top))
  const last = rowAt(starts, Math.max(0, top + height - 1))
  return { start: Math.max(0, first - overscan), end: Math.min(count, last + 1 + overscan) }
}
