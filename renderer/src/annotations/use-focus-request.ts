// A request from elsewhere (the notebook) to show one annotation: once its article is open and
// drawn, scroll to the passage and flash it, once per request.
import { useEffect, useRef, type RefObject } from 'react'
import type { AnnotationAnchor } from '../../../shared/api.ts'
import { jumpToAnnotation } from './jump.ts'

export interface FocusRequest {
  articleId: string
  annotationId: string
  /** A new number for each request, so asking twice for one annotation jumps twice. */
  nonce: number
}

export function useFocusRequest(
  request: FocusRequest | undefined,
  articleId: string | undefined,
  bodyRef: RefObject<HTMLElement | null>,
  anchors: readonly AnnotationAnchor[],
  text: string,
): void {
  const done = useRef(0)
  useEffect(() => {
    if (!request || request.articleId !== articleId || done.current === request.nonce) return
    // After the reading position is restored (a layout effect) and the highlights drawn.
    const frame = requestAnimationFrame(() => {
      const root = bodyRef.current
      if (root && jumpToAnnotation(root, anchors, text, request.annotationId)) {
        done.current = request.nonce
      }
    })
    return () => cancelAnimationFrame(frame)
  }, [request, articleId, bodyRef, anchors, text])
}
