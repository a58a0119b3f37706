// Clicking highlighted text in the article points at its annotation in the sidebar: the
// sidebar opens, scrolls to it and marks it for a moment (the other way round from "jump").
import { useEffect, type RefObject } from 'react'
import type { AnnotationAnchor } from '../../../shared/api.ts'
import { rangeToOffsets } from './text-offsets.ts'

const POINTED_CLASS = 'is-pointed'
const POINTED_MS = 1600

/** The smallest placed annotation that covers `offset`, or undefined. */
export function annotationAt(anchors: AnnotationAnchor[], offset: number): string | undefined {
  let best: AnnotationAnchor | undefined
  for (const a of anchors) {
    if (a.start === undefined || a.end === undefined) continue
    if (a.start > offset || offset >= a.end) continue
    if (!best || a.end - a.start < best.end! - best.start!) best = a
  }
  return best?.id
}

export function usePassageFocus(
  bodyRef: RefObject<HTMLElement | null>,
  anchors: AnnotationAnchor[],
  text: string,
  onPointed: (id: string) => void,
): void {
  useEffect(() => {
    const root = bodyRef.current
    if (!root) return
    const onClick = (e: MouseEvent) => {
      if (e.button !== 0) return
      // A click that ends a selection is for the selection toolbar, not for this.
      if (document.getSelection()?.isCollapsed === false) return
      const offset = offsetAtPoint(root, e.clientX, e.clientY, text)
      const id = offset === null ? undefined : annotationAt(anchors, offset)
      if (id) onPointed(id)
    }
    root.addEventListener('click', onClick)
    return () => root.removeEventListener('click', onClick)
  }, [bodyRef, anchors, text, onPointed])
}

/** The text offset of the character under the pointer, or null off the text. */
function offsetAtPoint(root: HTMLElement, x: number, y: number, text: string): number | null {
  const caret = document.caretRangeFromPoint?.(x, y)
  const node = caret?.startContainer
  if (!caret || !node || node.nodeType !== Node.TEXT_NODE || !root.contains(node)) return null
  const length = node.textContent?.length ?? 0
  if (length === 0) return null
  const at = Math.min(caret.startOffset, length - 1)
  const range = document.createRange()
  range.setStart(node, at)
  range.setEnd(node, at + 1)
  return rangeToOffsets(root, range, text)?.[0] ?? null
}

/** Scrolls the sidebar's item for `id` into view and marks it for a moment. */
export function pointAtAnnotation(id: string): void {
  const item = document.querySelector<HTMLElement>(
    `[data-testid="annotation"][data-id="${CSS.escape(id)}"]`,
  )
  if (!item) return
  item.scrollIntoView({ block: 'nearest', behavior: 'smooth' })
  item.classList.add(POINTED_CLASS)
  setTimeout(() => item.classList.remove(POINTED_CLASS), POINTED_MS)
}
