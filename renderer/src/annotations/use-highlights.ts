// Draws the article's anchored annotations with the CSS Custom Highlight API: one Highlight per
// colour, registered in CSS.highlights, so React's DOM is never rewritten. Where the API is
// missing nothing is drawn (the sidebar still lists every annotation).
import { useEffect, type RefObject } from 'react'
import type { AnnotationAnchor } from '../../../shared/api.ts'
import type { Annotation } from '../../../shared/model.ts'
import { HIGHLIGHT_COLORS, highlightName, type HighlightColor } from './colors.ts'
import { domTextMap, rangeFromMap } from './text-offsets.ts'

/** True where CSS Custom Highlights can be drawn (Chromium, so Electron, has them). */
export function canHighlight(): boolean {
  return typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function'
}

/**
 * The DOM range of each anchored annotation under `root`, by annotation id; `text` is the
 * body's htmlToText, the text the anchors' offsets count in.
 */
export function anchorRanges(
  root: Node,
  anchors: readonly AnnotationAnchor[],
  text: string,
): Map<string, Range> {
  const map = domTextMap(root, text)
  const ranges = new Map<string, Range>()
  for (const a of anchors) {
    if (a.status === 'orphaned' || a.start === undefined || a.end === undefined) continue
    const range = rangeFromMap(root, map, a.start, a.end)
    if (range) ranges.set(a.id, range)
  }
  return ranges
}

export function useHighlights(
  rootRef: RefObject<HTMLElement | null>,
  annotations: readonly Annotation[],
  anchors: readonly AnnotationAnchor[],
  text: string,
): void {
  useEffect(() => {
    const root = rootRef.current
    if (!root || !canHighlight()) return
    const ranges = anchorRanges(root, anchors, text)
    const byColor = new Map<HighlightColor, Range[]>()
    for (const a of annotations) {
      const range = ranges.get(a.id)
      if (range) byColor.set(a.color, [...(byColor.get(a.color) ?? []), range])
    }
    for (const color of HIGHLIGHT_COLORS) {
      const list = byColor.get(color)
      if (list) CSS.highlights.set(highlightName(color), new Highlight(...list))
      else CSS.highlights.delete(highlightName(color))
    }
    return () => {
      for (const color of HIGHLIGHT_COLORS) CSS.highlights.delete(highlightName(color))
    }
  }, [rootRef, annotations, anchors, text])
}
