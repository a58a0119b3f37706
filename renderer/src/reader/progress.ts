// Reading progress as a number: how far the reader has scrolled through the article body
// (0 at the top, 1 once its last line is on screen), the inverse for restoring a position,
// and the read status a given progress implies.
import type { ReadStatus } from '../../../shared/model.ts'

/** Progress past which an unread article counts as being read. */
export const STARTED_AT = 0.05
/** Progress at which the end counts as reached (the last lines may sit under a margin). */
export const FINISHED_AT = 0.97

/** Scroll offsets (px) within the scrolling container; `bodyEnd` is where the body ends. */
export interface ScrollBox {
  scrollTop: number
  viewport: number
  bodyEnd: number
}

/** The scroll distance after which the end of the body is in view. */
function travel(box: Pick<ScrollBox, 'viewport' | 'bodyEnd'>): number {
  return box.bodyEnd - box.viewport
}

/** 0..1; a body that fits on screen is wholly read (1). */
export function progressOf(box: ScrollBox): number {
  const t = travel(box)
  if (t <= 0) return 1
  return Math.min(1, Math.max(0, box.scrollTop / t))
}

/** The scrollTop that shows `progress` again; a finished article reopens at its top. */
export function scrollTopFor(progress: number, box: Pick<ScrollBox, 'viewport' | 'bodyEnd'>) {
  if (progress >= FINISHED_AT) return 0
  return Math.max(0, Math.round(progress * travel(box)))
}

/**
 * The status to write with a new progress, or undefined to leave it: 'reading' once an
 * unread article is started, 'read' at the end when the person asked for that.
 */
export function statusFor(
  progress: number,
  current: ReadStatus,
  markReadAtEnd: boolean,
): ReadStatus | undefined {
  if (markReadAtEnd && progress >= FINISHED_AT && current !== 'read') return 'read'
  if (progress > STARTED_AT && current === 'unread') return 'reading'
  return undefined
}
