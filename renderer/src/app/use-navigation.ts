// Where the person is in the library: the view, tag and reading-status filter, the list's
// order, the row under the cursor and (in a narrow window) whether the reader is showing.
// Every way of going somewhere else resets the cursor and shows the list.
import { useCallback, useState } from 'react'
import type { LibraryView } from '../../../shared/api.ts'
import type { ArticleSummary, ReadStatus } from '../../../shared/model.ts'
import type { ListSortId } from '../library/index.ts'

export function useNavigation(setSearchText: (text: string, now: boolean) => void) {
  const [view, setView] = useState<LibraryView>('inbox')
  const [tag, setTag] = useState<string>()
  const [status, setStatus] = useState<ReadStatus>()
  const [listSort, setListSort] = useState<ListSortId>('newest')
  const [cursorId, setCursorId] = useState<string>()
  /** Narrow windows show the list or the reader; this says which. */
  const [reading, setReading] = useState(false)

  const go = useCallback((next: LibraryView, nextTag?: string) => {
    setView(next)
    setTag(nextTag)
    setCursorId(undefined)
    setReading(false)
  }, [])

  return {
    view,
    tag,
    status,
    listSort,
    cursorId,
    reading,
    setCursorId,
    setReading,
    chooseView: useCallback((next: LibraryView) => go(next), [go]),
    chooseTag: useCallback((name: string) => go('all', name), [go]),
    /** A query (a saved search, a filter) runs over All articles. */
    runQuery: useCallback(
      (text: string) => {
        go('all')
        setSearchText(text, true)
      },
      [go, setSearchText],
    ),
    chooseStatus: useCallback((next: ReadStatus | undefined) => {
      setStatus(next)
      setCursorId(undefined)
    }, []),
    chooseSort: useCallback((next: ListSortId) => {
      setListSort(next)
      setCursorId(undefined)
    }, []),
  }
}

export type Navigation = ReturnType<typeof useNavigation>

/** The cursor's moves over the loaded rows: by a step (j/k) or to either end. */
export function useCursorMoves(
  items: readonly ArticleSummary[],
  nav: Navigation,
  loadMore: () => void,
) {
  const { cursorId, setCursorId } = nav
  const moveCursor = useCallback(
    (delta: number) => {
      if (items.length === 0) return
      const i = items.findIndex((a) => a.id === cursorId)
      const next = i < 0 ? (delta > 0 ? 0 : items.length - 1) : i + delta
      const clamped = Math.max(0, Math.min(items.length - 1, next))
      setCursorId(items[clamped]?.id)
      if (clamped >= items.length - 5) loadMore()
    },
    [items, cursorId, setCursorId, loadMore],
  )
  const moveCursorTo = useCallback(
    (where: 'first' | 'last') =>
      setCursorId((where === 'first' ? items[0] : items[items.length - 1])?.id),
    [items, setCursorId],
  )
  return { moveCursor, moveCursorTo }
}
