// The window widths at which the app's layout changes, for the code that must know which
// layout it is in (the sidebar is a drawer below `drawer`). styles/layout.css holds the same
// numbers in its media queries; test/unit/renderer/ui/breakpoints.test.ts keeps the two equal.

export const BREAKPOINTS = {
  /** At and above: the roomy column widths. */
  wide: 1280,
  /** Below: the sidebar leaves the grid and opens as a drawer from a button. */
  drawer: 1000,
  /** Below: the list and the reader take turns (one pane at a time). */
  single: 860,
  /** Below: opening the highlights panel gives the reader the list's column. */
  notesYield: 1440,
} as const

/** The media query that is true below a breakpoint (CSS range syntax, as layout.css writes it). */
export function below(width: number): string {
  return `(width < ${width}px)`
}
