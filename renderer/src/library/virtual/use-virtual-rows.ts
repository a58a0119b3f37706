// Windowing for a long list of variable-height rows: only the rows in view (plus an overscan)
// are rendered, absolutely placed inside a spacer as tall as all of them. Heights are measured
// with one ResizeObserver and cached by key; rows never rendered count as an estimate, and when
// a row above the viewport turns out taller or shorter than guessed, the scroll position moves
// by the difference so what the person is looking at stays put. Scrolling renders at once
// (flushSync) with extra rows in the direction of travel, so fast scrolls rarely show a gap.
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react'
import { flushSync } from 'react-dom'
import { rowStarts, visibleRange, type RowRange } from './row-offsets.ts'

export interface VirtualRow {
  index: number
  key: string
  /** Offset from the top of the scroll content, padding included. */
  top: number
}

export interface VirtualRows {
  /** The rows to render, in list order. */
  rows: VirtualRow[]
  /** The height of every row together: the spacer's height. */
  height: number
  range: RowRange
  /** Callback ref for each rendered row; the row carries `data-row-key` and `data-row-index`. */
  measure(el: HTMLElement | null): (() => void) | undefined
  /** Scrolls the least distance that shows row `index` whole (as `block: 'nearest'`). */
  scrollToRow(index: number): void
}

interface Options {
  scrollEl: HTMLElement | null
  keys: readonly string[]
  /** Rendered even when out of view, so `aria-activedescendant` always names a real element. */
  pinned?: number | undefined
  /** Rows rendered beyond each edge of the viewport. */
  overscan?: number
  /** The guess for rows not measured yet, until the first ones are. */
  estimate?: number
  /**
   * Lists this short are rendered whole (still placed and measured the same way): cheap, and
   * the browser's find-in-page and tests that walk rows in DOM order see every row.
   */
  renderAllUpTo?: number
}

interface Viewport {
  top: number
  height: number
  /** The scroll element's top padding: row 0 starts below it. */
  pad: number
  /**
   * Extra pixels rendered in the direction of scrolling (negative: upwards), twice the last
   * scroll step, so a fast scroll finds the next rows already there when it paints.
   */
  lead: number
}

/** The rows a viewport renders: what is in view, the overscan, and the lead. */
function rowsFor(starts: Float64Array, v: Viewport, overscan: number): RowRange {
  return visibleRange(
    starts,
    v.top - v.pad + Math.min(0, v.lead),
    v.height + Math.abs(v.lead),
    overscan,
  )
}

export function useVirtualRows({
  scrollEl,
  keys,
  pinned,
  overscan = 6,
  estimate: initialEstimate = 112,
  renderAllUpTo = 0,
}: Options): VirtualRows {
  const [heights, setHeights] = useState<ReadonlyMap<string, number>>(() => new Map())
  // Locked to the first rows' average, so unmeasured rows do not move as more are measured.
  const [estimate, setEstimate] = useState<number | undefined>(undefined)
  const [viewport, setViewport] = useState<Viewport>({ top: 0, height: 0, pad: 0, lead: 0 })
  const { pad } = viewport

  const guess = estimate ?? initialEstimate
  const starts = useMemo(() => rowStarts(keys, heights, guess), [keys, heights, guess])
  const range =
    keys.length <= renderAllUpTo
      ? { start: 0, end: keys.length }
      : rowsFor(starts, viewport, overscan)

  // The latest geometry, for event handlers and the observer (they run outside render).
  const latest = useRef({ keys, starts, heights, guess, pad, viewport, overscan, scrollEl })
  useLayoutEffect(() => {
    latest.current = { keys, starts, heights, guess, pad, viewport, overscan, scrollEl }
  })

  // The row last scrolled to is placed again whenever heights change (rows mounted by the
  // scroll are measured after it, and can move it), until the person scrolls elsewhere.
  const pending = useRef<{ index: number; key: string; scrollTop: number } | undefined>(undefined)

  // Follow the scroll position, but re-render only when the rendered rows would change.
  useLayoutEffect(() => {
    if (!scrollEl) return
    const padding = parseFloat(getComputedStyle(scrollEl).paddingTop) || 0
    let lastTop = scrollEl.scrollTop
    const update = (sync: boolean) => {
      const p = pending.current
      if (p && Math.abs(scrollEl.scrollTop - p.scrollTop) > 1) pending.current = undefined
      const top = scrollEl.scrollTop
      const height = scrollEl.clientHeight
      const lead = Math.max(-2 * height, Math.min(2 * height, 2 * (top - lastTop)))
      lastTop = top
      const next = { top, height, pad: padding, lead }
      const { starts: s, viewport: v, overscan: o } = latest.current
      const a = rowsFor(s, v, o)
      const b = rowsFor(s, next, o)
      if (
        a.start !== b.start ||
        a.end !== b.end ||
        v.height !== next.height ||
        v.pad !== next.pad
      ) {
        latest.current.viewport = next
        // On scroll, render at once: the frame about to paint shows the new rows, not a gap.
        if (sync) flushSync(() => setViewport(next))
        else setViewport(next)
      }
    }
    update(false)
    const resize = new ResizeObserver(() => update(false))
    resize.observe(scrollEl)
    const onScroll = () => update(true)
    scrollEl.addEventListener('scroll', onScroll, { passive: true })
    return () => {
      resize.disconnect()
      scrollEl.removeEventListener('scroll', onScroll)
    }
  }, [scrollEl])

  // Rows report their own size; one observer serves them all.
  const observer = useRef<ResizeObserver | null>(null)
  useEffect(() => () => observer.current?.disconnect(), [])
  const onRowsResized = useCallback((entries: ResizeObserverEntry[]) => {
    const { heights: known, starts: s, guess: g, pad: p, scrollEl: el } = latest.current
    const changed: [string, number][] = []
    let above = 0
    const viewTop = (el?.scrollTop ?? 0) - p
    for (const entry of entries) {
      const target = entry.target as HTMLElement
      const key = target.dataset.rowKey
      const index = Number(target.dataset.rowIndex)
      if (key === undefined || !target.isConnected) continue
      const h = entry.borderBoxSize[0]?.blockSize ?? target.offsetHeight
      const before = known.get(key) ?? g
      if (known.get(key) === h) continue
      changed.push([key, h])
      // A row wholly above the viewport pushes everything in view down (or up) by the change.
      if (Number.isInteger(index) && (s[index + 1] ?? Infinity) <= viewTop) above += h - before
    }
    if (changed.length === 0) return
    const next = new Map(known)
    for (const [key, h] of changed) next.set(key, h)
    // A row being scrolled to is placed by the layout effect below, which runs in flushSync.
    const revealing = pending.current !== undefined
    // Synchronously, so positions and the scroll correction land in the same frame.
    flushSync(() => {
      setHeights(next)
      setEstimate((e) => e ?? changed.reduce((sum, [, h]) => sum + h, 0) / changed.length)
    })
    if (above !== 0 && el && !revealing) el.scrollTop += above
  }, [])

  const measure = useCallback(
    (el: HTMLElement | null) => {
      if (!el) return undefined
      observer.current ??= new ResizeObserver(onRowsResized)
      const ro = observer.current
      ro.observe(el)
      return () => ro.unobserve(el)
    },
    [onRowsResized],
  )

  const reveal = useCallback((index: number) => {
    const { keys: k, starts: s, pad: p, scrollEl: el } = latest.current
    const key = k[index]
    if (!el || key === undefined) return
    // The first row scrolls to the very top, its padding included.
    const top = index === 0 ? 0 : p + s[index]!
    const bottom = p + s[index + 1]!
    if (top < el.scrollTop) el.scrollTop = top
    else if (bottom > el.scrollTop + el.clientHeight) el.scrollTop = bottom - el.clientHeight
    pending.current = { index, key, scrollTop: el.scrollTop }
  }, [])

  useLayoutEffect(() => {
    const p = pending.current
    // A different list (another view or query) drops it.
    if (p && keys[p.index] !== p.key) pending.current = undefined
    else if (p) reveal(p.index)
  }, [keys, starts, reveal])

  const rows = useMemo(() => {
    const out: VirtualRow[] = []
    const add = (index: number) => out.push({ index, key: keys[index]!, top: pad + starts[index]! })
    const pin = pinned !== undefined && pinned >= 0 && pinned < keys.length ? pinned : undefined
    if (pin !== undefined && pin < range.start) add(pin)
    for (let i = range.start; i < range.end; i++) add(i)
    if (pin !== undefined && pin >= range.end) add(pin)
    return out
  }, [keys, starts, pad, pinned, range.start, range.end])

  return { rows, height: starts[keys.length] ?? 0, range, measure, scrollToRow: reveal }
}
