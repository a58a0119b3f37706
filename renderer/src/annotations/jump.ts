// Going to a highlight: scroll its passage into the middle of the view and flash it briefly
// (a CSS Custom Highlight of its own, so the page's DOM is untouched).
import type { AnnotationAnchor } from '../../../shared/api.ts'
import { anchorRanges, canHighlight } from './use-highlights.ts'

export const FLASH_NAME = 'q-flash'
const FLASH_MS = 1600
let flashTimer: number | undefined

/** Scrolls to annotation `id` under `root` and flashes it; false when it is not drawn. */
export function jumpToAnnotation(
  root: HTMLElement,
  anchors: readonly AnnotationAnchor[],
  text: string,
  id: string,
): boolean {
  const range = anchorRanges(root, anchors, text).get(id)
  if (!range) return false
  range.startContainer.parentElement?.scrollIntoView({ block: 'center', behavior: 'smooth' })
  if (canHighlight()) {
    CSS.highlights.set(FLASH_NAME, new Highlight(range))
    window.clearTimeout(flashTimer)
    flashTimer = window.setTimeout(() => CSS.highlights.delete(FLASH_NAME), FLASH_MS)
  }
  return true
}
