// The library's multi-select: which rows are checked, with shift-click ranges from the last
// row clicked and select-all of what is loaded. Derived, not synced: a different list (another
// view, tag or query) starts empty, and rows that left the list leave the selection.
import { useCallback, useMemo, useRef, useState } from 'react'

export interface Selection {
  ids: ReadonlySet<string>
  size: number
  has(id: string): boolean
  /** Check or uncheck one row; with `range`, everything between it and the last one clicked. */
  toggle(id: string, range?: boolean): void
  selectAll(): void
  clear(): void
}

const NONE: ReadonlySet<string> = new Set()

export function useSelection(order: readonly { id: string }[], resetKey: string): Selection {
  const [state, setState] = useState({ key: resetKey, ids: NONE })
  const anchor = useRef<string | undefined>(undefined)
  const raw = state.key === resetKey ? state.ids : NONE

  const ids = useMemo(() => {
    if (raw.size === 0) return NONE
    const kept = order.filter((a) => raw.has(a.id)).map((a) => a.id)
    return kept.length === raw.size ? raw : new Set(kept)
  }, [raw, order])

  const set = useCallback(
    (change: (current: ReadonlySet<string>) => ReadonlySet<string>) =>
      setState((s) => ({ key: resetKey, ids: change(s.key === resetKey ? s.ids : NONE) })),
    [resetKey],
  )

  const toggle = useCallback(
    (id: string, range = false) => {
      // Read before the state update: React runs the updater later, after the anchor moved.
      const from = anchor.current ? order.findIndex((a) => a.id === anchor.current) : -1
      const to = order.findIndex((a) => a.id === id)
      set((current) => {
        const next = new Set(current)
        if (range && from >= 0 && to >= 0) {
          const [lo, hi] = from < to ? [from, to] : [to, from]
          for (const a of order.slice(lo, hi + 1)) next.add(a.id)
        } else if (next.has(id)) next.delete(id)
        else next.add(id)
        return next
      })
      anchor.current = id
    },
    [order, set],
  )

  const selectAll = useCallback(() => set(() => new Set(order.map((a) => a.id))), [order, set])
  const clear = useCallback(() => set(() => NONE), [set])

  return useMemo(
    () => ({ ids, size: ids.size, has: (id) => ids.has(id), toggle, selectAll, clear }),
    [ids, toggle, selectAll, clear],
  )
}
