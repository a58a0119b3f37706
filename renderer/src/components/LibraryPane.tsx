// The middle column: the view's title and count, search, and the article list (a listbox the
// keyboard can walk), paged on scroll, with empty states that say what to do.
import { useEffect, type KeyboardEvent, type ReactNode, type RefObject } from 'react'
import type { Library } from '../library/use-library.ts'
import { plural } from '../format/article-meta.ts'
import { ArticleRow, rowId } from './ArticleRow.tsx'
import { Icon } from './Icon.tsx'
import { LoadMoreSentinel } from './LoadMoreSentinel.tsx'

interface Props {
  title: string
  library: Library
  cursorId: string | undefined
  openId: string | undefined
  tagColors: ReadonlyMap<string, string>
  search: string
  listRef: RefObject<HTMLUListElement | null>
  searchRef: RefObject<HTMLInputElement | null>
  headerAction?: ReactNode
  empty: ReactNode
  onSearch(text: string): void
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
  search,
  listRef,
  searchRef,
  headerAction,
  empty,
  onSearch,
  onMove,
  onMoveTo,
  onOpen,
}: Props) {
  useEffect(() => {
    if (cursorId) document.getElementById(rowId(cursorId))?.scrollIntoView({ block: 'nearest' })
  }, [cursorId])

  const onKeyDown = (e: KeyboardEvent<HTMLUListElement>) => {
    if (e.altKey || e.ctrlKey || e.metaKey) return
    const keys: Record<string, () => void> = {
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

  const countLabel =
    library.status === 'ready'
      ? plural(library.total, 'article')
      : library.status === 'loading'
        ? 'Loading…'
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
        <label className="search-field">
          <Icon name="search" size={15} />
          <input
            ref={searchRef}
            type="search"
            placeholder="Search titles, authors, sources"
            aria-label="Search the library"
            value={search}
            onChange={(e) => onSearch(e.currentTarget.value)}
            onKeyDown={(e) => {
              if (e.key === 'Escape') {
                // Esc clears the search first, then hands the keyboard back to the list.
                e.stopPropagation()
                if (search) onSearch('')
                else listRef.current?.focus()
              } else if (e.key === 'ArrowDown' || e.key === 'Enter') {
                e.preventDefault()
                listRef.current?.focus()
              }
            }}
          />
        </label>
      </header>
      {library.status === 'error' ? (
        <div className="library-body">{empty}</div>
      ) : library.status === 'ready' && library.items.length === 0 ? (
        <div className="library-body">{empty}</div>
      ) : (
        <ul
          ref={listRef}
          className="article-list"
          role="listbox"
          aria-label={`${title} articles`}
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
              onOpen={onOpen}
            />
          ))}
          {library.hasMore && <LoadMoreSentinel onVisible={library.loadMore} />}
        </ul>
      )}
    </section>
  )
}
