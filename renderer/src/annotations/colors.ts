// The five highlight colours, in swatch order, with their names for people and for CSS.
import type { Annotation } from '../../../shared/model.ts'

export type HighlightColor = Annotation['color']

export const HIGHLIGHT_COLORS: readonly HighlightColor[] = [
  'yellow',
  'green',
  'blue',
  'pink',
  'purple',
]

/** The name a colour's Highlight is registered under (`::highlight(q-yellow)` in CSS). */
export function highlightName(color: HighlightColor): string {
  return `q-${color}`
}

export function colorLabel(color: HighlightColor): string {
  return color[0]?.toUpperCase() + color.slice(1)
}
