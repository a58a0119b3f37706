// The middle column: the view's title and count, search, and the article list (a listbox the
// keyboard can walk) or the search results, paged on scroll, with empty states that say what
// to do. The list is virtualised (see library/virtual/): at 100,000 articles it renders the
// few rows in view, and asks for the next page as the person scrolls near the end.
import {
  useCallback,
  useEffect,
  useMemo,
  useState,
  type KeyboardEvent,
  type ReactNode,
  type RefObject,
} from 'react'
import type { Library } from './use-library.ts'
import type { Selection } from './use-selection.ts'
import { useVirtualRows } from './virtual/use-virtual-rows.ts'
import { plural } from '../ui/format/article-meta.ts'
import { ArticleRow, rowId } from './ArticleRow.tsx'
import { useListDensity } from './list-density.ts'

/** Ask for the next page when the rendered rows come this close to the last one loaded. */
const PREFETCH_ROWS = 40
/** A list this short (a first page, a tag, most searches) is cheap to render whole. */
const RENDER_ALL_UP_TO = 100

interface Props {
  title: string
  /** Before the title: the button that opens the sidebar's drawer in a narrow window. */
  navButton?: ReactNode
  library: Library
  cursorId: string | undefined
  openId: string | undefined
  tagColors: ReadonlyMap<string, string>
  /** Rows say where they live (Archived): the list holds more than one view (a search). */
  showPlace?: boolean
  /** What the list holds, for its count ("5 books" in the Books view). */
  noun?: 'article' | 'book'
  /** The search box and what goes with it. */
  searchPanel: ReactNode
  /** True while the list shows search results. */
  searching: boolean
  /** True while the results belong to an earlier query than the box shows (it has an error). */
  stale: boolean
  /** Goes up when the list should take the keyboard (Esc in the search box). */
  focusRequest: number
  listRef: RefObject<HTMLUListElement | null>
  headerAction?: ReactNode
  selection: Selection
  /** Shown over the list while rows are selected. */
  bulkBar: ReactNode
  empty: ReactNode
  onMove(delta: number): void
  onMoveTo(where: 'first' | 'last'): void
  onOpen(id: string): void
}

export function LibraryPane({
  title,
  navButton,
  library,
  cursorId,
  openId,
  tagColors,
  showPlace = false,
  noun = 'article',
  searchPanel,
  searching,
  stale,
  focusRequest,
  listRef,
  headerAction,
  selection,
  bulkBar,
  empty,
  onMove,
  onMoveTo,
  onOpen,
}: Props) {
  // The list element arrives and leaves with the list; the window follows it.
  const [scrollEl, setScrollEl] = useState<HTMLUListElement | null>(null)
  const setListEl = useCallback(
    (el: HTMLUListElement | null) => {
      listRef.current = el
      setScrollEl(el)
    },
    [listRef],
  )
  const { items } = library
  const density = useListDensity()
  // Search rows show a snippet where list rows show an excerpt, and compact rows neither: their
  // heights are cached apart.
  const keys = useMemo(
    () => items.map((a) => `${density === 'compact' ? 'c' : ''}${searching ? 's' : ''}:${a.id}`),
    [items, searching, density],
  )
  const cursorIndex = useMemo(
    () => (cursorId ? items.findIndex((a) => a.id === cursorId) : -1),
    [items, cursorId],
  )
  const virtual = useVirtualRows({
    scrollEl,
    keys,
    pinned: cursorIndex,
    renderAllUpTo: RENDER_ALL_UP_TO,
  })
  const { scrollToRow } = virtual

  useEffect(() => {
    if (cursorIndex >= 0) scrollToRow(cursorIndex)
  }, [cursorId, cursorIndex, scrollToRow])

  const { hasMore, loadMore } = library
  const nearEnd = virtual.range.end >= items.length - PREFETCH_ROWS
  useEffect(() => {
    if (hasMore && nearEnd) loadMore()
  }, [hasMore, nearEnd, loadMore])

  useEffect(() => {
    if (focusRequest > 0) listRef.current?.focus()
  }, [focusRequest, listRef])

  const onKeyDown = (e: KeyboardEvent<HTMLUListElement>) => {
    if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 'a') {
      e.preventDefault()
      selection.selectAll()
      return
    }
    if (e.altKey || e.ctrlKey || e.metaKey) return
    const keys: Record<string, () => void> = {
      x: () => cursorId && selection.toggle(cursorId),
      ...(selection.size > 0 ? { Escape: selection.clear } : {}),
      ArrowDown: () => onMove(1),
      ArrowUp: () => onMove(-1),
      Home: () => onMoveTo('first'),
      End: () => onMoveTo('last'),
      Enter: () => cursorId && onOpen(cursorId),
    }
    const run = keys[e.key]
    if (run) {
      e.preventDefault()
      e.stopPropagation()
      run()
    }
  }

  // Results of the previous query stay while the next one runs; so does their count.
  const countLabel =
    library.status === 'ready' || (searching && library.items.length > 0)
      ? plural(library.total, searching ? 'result' : noun)
      : library.status === 'loading'
        ? searching
          ? 'Searching…'
          : 'Loading…'
        : ''

  return (
    <section className="library" aria-label="Articles">
      <header className="library-header">
        {/* The actions wrap under the title when the column is too narrow for one line. */}
        <div className="library-heading">
          {navButton}
          <div className="library-heading-title">
            <h2 className="library-title">{title}</h2>
            <span className="library-count" data-testid="library-count">
              {countLabel}
            </span>
          </div>
          {headerAction && <div className="library-heading-actions">{headerAction}</div>}
        </div>
        {searchPanel}
        {selection.size > 0 && bulkBar}
      </header>
      {library.status === 'error' ? (
        <div className="library-body">{empty}</div>
      ) : library.status === 'ready' && library.items.length === 0 ? (
        <div className="library-body">{empty}</div>
      ) : (
        <ul
          ref={setListEl}
          className={[
            'article-list',
            stale ? 'is-stale' : '',
            selection.size ? 'has-selection' : '',
          ]
            .filter(Boolean)
            .join(' ')}
          role="listbox"
          aria-label={searching ? `Search results in ${title}` : `${title} articles`}
          aria-activedescendant={cursorId ? rowId(cursorId) : undefined}
          aria-busy={library.status === 'loading'}
          tabIndex={0}
          onKeyDown={onKeyDown}
        >
          <li
            className="article-list-spacer"
            role="presentation"
            aria-hidden="true"
            style={{ height: virtual.height }}
          />
          {virtual.rows.map(({ index, key, top }) => {
            const a = items[index]!
            return (
              <ArticleRow
                key={a.id}
                article={a}
                selected={a.id === cursorId}
                open={a.id === openId}
                tagColors={tagColors}
                showPlace={showPlace}
                density={density}
                checked={selection.has(a.id)}
                onOpen={onOpen}
                onCheck={selection.toggle}
                index={index}
                setSize={Math.max(library.total, items.length)}
                top={top}
                measureKey={key}
                measure={virtual.measure}
              />
            )
          })}
        </ul>
      )}
    </section>
  )
}
