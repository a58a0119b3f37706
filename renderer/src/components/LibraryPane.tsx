// The middle column: the view's title and count, search, and the article list (a listbox the
// keyboard can walk) or the search results, paged on scroll, with empty states that say what
// to do.
import { useEffect, type KeyboardEvent, type ReactNode, type RefObject } from 'react'
import type { Library } from '../library/use-library.ts'
import type { Selection } from '../library/use-selection.ts'
import { plural } from '../format/article-meta.ts'
import { ArticleRow, rowId } from './ArticleRow.tsx'
import { LoadMoreSentinel } from './LoadMoreSentinel.tsx'

interface Props {
  title: string
  library: Library
  cursorId: string | undefined
  openId: string | undefined
  tagColors: ReadonlyMap<string, string>
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
  library,
  cursorId,
  openId,
  tagColors,
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
  useEffect(() => {
    if (cursorId) document.getElementById(rowId(cursorId))?.scrollIntoView({ block: 'nearest' })
  }, [cursorId])

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
      ? plural(library.total, searching ? 'result' : 'article')
      : library.status === 'loading'
        ? searching
          ? 'Searching…'
          : 'Loading…'
        : ''

  return (
    <section className="library" aria-label="Articles">
      <header className="library-header">
        <div className="library-heading">
          <h2 className="library-title">{title}</h2>
          <span className="library-count" data-testid="library-count">
            {countLabel}
          </span>
          {headerAction}
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
          ref={listRef}
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
          {library.items.map((a) => (
            <ArticleRow
              key={a.id}
              article={a}
              selected={a.id === cursorId}
              open={a.id === openId}
              tagColors={tagColors}
              checked={selection.has(a.id)}
              onOpen={onOpen}
              onCheck={selection.toggle}
            />
          ))}
          {library.hasMore && <LoadMoreSentinel onVisible={library.loadMore} />}
        </ul>
      )}
    </section>
  )
}
