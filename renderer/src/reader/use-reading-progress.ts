// Follows the reader's scrolling: shows progress, saves it (debounced, and on leaving the
// article), moves the read status along, and puts a reopened article back where it was left.
import { useCallback, useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react'
import type { QuireClient } from '../../../shared/api.ts'
import type { Article, ReadStatus } from '../../../shared/model.ts'
import { onFlushBeforeClose } from '../api/flush-before-close.ts'
import { progressOf, scrollTopFor, statusFor, type ScrollBox } from './progress.ts'

/** How long scrolling must pause before the position is written. */
export const SAVE_DELAY_MS = 800
/** Changes smaller than this are not worth a write. */
const MIN_CHANGE = 0.005

interface Options {
  client: QuireClient
  article: Article | undefined
  scrollRef: RefObject<HTMLDivElement | null>
  markReadAtEnd: boolean
  /** Puts the record main answered with into the reader (so the toolbar shows the status). */
  onSaved(article: Article): void
}

/** Where the scroller stands relative to the article body, or undefined without a body. */
function measure(scroller: HTMLElement): ScrollBox | undefined {
  const body = scroller.querySelector<HTMLElement>('.reader-body')
  if (!body) return undefined
  const top = scroller.getBoundingClientRect().top - scroller.scrollTop
  return {
    scrollTop: scroller.scrollTop,
    viewport: scroller.clientHeight,
    bodyEnd: body.getBoundingClientRect().bottom - top,
  }
}

/** Returns the progress (0..1) of the open article, for the progress bar. */
export function useReadingProgress(opts: Options): number {
  const { article, scrollRef } = opts
  const id = article?.id
  const [progress, setProgress] = useState(0)

  // The latest values, read by timers and cleanups that outlive a render.
  const latest = useRef(opts)
  useLayoutEffect(() => {
    latest.current = opts
  })
  /** What main has for the open article, and what is waiting to be written. */
  const saved = useRef<{ id: string; progress: number; status: ReadStatus } | undefined>(undefined)
  const pending = useRef<{ id: string; progress: number } | undefined>(undefined)
  const timer = useRef<number | undefined>(undefined)

  /** Writes what is pending; resolves when the write is done (the app waits on it to close). */
  const flush = useCallback(async (): Promise<void> => {
    window.clearTimeout(timer.current)
    timer.current = undefined
    const next = pending.current
    const base = saved.current
    pending.current = undefined
    if (!next || !base || base.id !== next.id) return
    const status = statusFor(next.progress, base.status, latest.current.markReadAtEnd)
    if (!status && Math.abs(next.progress - base.progress) < MIN_CHANGE) return
    saved.current = { ...base, progress: next.progress, status: status ?? base.status }
    const patch = status ? { progress: next.progress, status } : { progress: next.progress }
    await latest.current.client.call('articles:update', { id: next.id, patch }).then(
      (updated) => {
        if (status) latest.current.onSaved(updated)
      },
      () => {
        // A lost position is not worth an error toast; the next scroll tries again.
        if (saved.current?.id === next.id) saved.current = base
      },
    )
  }, [])

  // A status changed elsewhere (the toolbar, the M key) becomes the base for the next write.
  const status = article?.status
  useEffect(() => {
    if (saved.current && id === saved.current.id && status) saved.current.status = status
  }, [id, status])

  // Opening an article: restore its position, and write what is pending when it is left.
  useLayoutEffect(() => {
    const scroller = scrollRef.current
    const a = latest.current.article
    if (!id || !scroller || !a) return
    saved.current = { id, progress: a.progress, status: a.status }
    const box = measure(scroller)
    scroller.scrollTop = box ? scrollTopFor(a.progress, box) : 0
    const opened = box ? progressOf({ ...box, scrollTop: scroller.scrollTop }) : 0
    setProgress(opened)
    // An article that fits on the screen is read without a scroll: record it as finished.
    if (box && progressOf({ ...box, scrollTop: 0 }) >= 1) {
      pending.current = { id, progress: 1 }
      window.setTimeout(() => void flush(), 0)
    }

    const onScroll = () => {
      const now = measure(scroller)
      if (!now) return
      const p = progressOf(now)
      setProgress(p)
      // Three decimals: sub-pixel scroll offsets are noise, not position.
      pending.current = { id, progress: Math.round(p * 1000) / 1000 }
      window.clearTimeout(timer.current)
      timer.current = window.setTimeout(() => void flush(), SAVE_DELAY_MS)
    }
    const onPageHide = () => void flush()
    scroller.addEventListener('scroll', onScroll, { passive: true })
    window.addEventListener('pagehide', onPageHide)
    const offClose = onFlushBeforeClose(flush)
    return () => {
      scroller.removeEventListener('scroll', onScroll)
      window.removeEventListener('pagehide', onPageHide)
      offClose()
      void flush()
    }
  }, [id, scrollRef, flush])

  return id ? progress : 0
}
