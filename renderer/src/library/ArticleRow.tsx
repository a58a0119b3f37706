// One article in the library list: title, excerpt (or, in search results, the highlighted
// text around the matches), who and when, reading time, tags. The list is virtualised, so a row
// knows its place in the whole list (for screen readers) and where it sits (for layout).
import { memo } from 'react'
import type { ArticleSummary } from '../../../shared/model.ts'
import { attribution, readingLabel } from '../ui/format/article-meta.ts'
import { formatListDate, formatListDay } from '../ui/format/dates.ts'
import { snippetParts } from '../search/index.ts'
import { Icon } from '../ui/Icon.tsx'
import { TagChip } from '../tags/index.ts'
import { storedImage } from '../ui/stored-image.ts'
import type { ListDensity } from './list-density.ts'
import './row-extras.css'

interface Props {
  article: ArticleSummary & { snippet?: string | undefined }
  selected: boolean
  open: boolean
  tagColors: ReadonlyMap<string, string>
  /** Say where the article lives (Archived), when the list mixes views. */
  showPlace: boolean
  /** Comfortable rows show the lead image and the excerpt; compact rows neither. */
  density: ListDensity
  /** Ticked in the multi-select. */
  checked: boolean
  onOpen(id: string): void
  /** Tick or untick; `range` (shift) ticks everything from the last row ticked. */
  onCheck(id: string, range: boolean): void
  /** Zero-based place in the list, and how many the list holds in all (loaded or not). */
  index: number
  setSize: number
  /** Offset from the top of the list's content. */
  top: number
  /** Identifies the row's cached height; changes when the row's layout does (search snippets). */
  measureKey: string
  /** Reports the row's size to the list. */
  measure(el: HTMLElement | null): (() => void) | undefined
}

export function rowId(id: string): string {
  return `article-row-${id}`
}

/** Memoised: scrolling re-renders the list, but a row only when its own props change. */
export const ArticleRow = memo(function ArticleRow(props: Props) {
  const {
    article: a,
    selected,
    open,
    tagColors,
    showPlace,
    density,
    checked,
    onOpen,
    onCheck,
  } = props
  const compact = density === 'compact'
  const thumb = compact ? undefined : storedImage(a.leadImage)
  const { index, setSize, top, measureKey, measure } = props
  const unread = a.status === 'unread'
  /** Started and not finished: how far, for the bar and the "40%" (the reader reopens there). */
  const percent = a.status === 'reading' && a.progress < 1 ? Math.round(a.progress * 100) : null
  const className = [
    'article-row',
    unread ? 'is-unread' : '',
    open ? 'is-open' : '',
    checked ? 'is-checked' : '',
    compact ? 'is-compact' : '',
    thumb ? 'has-thumb' : '',
  ]
    .filter(Boolean)
    .join(' ')
  return (
    <li
      ref={measure}
      id={rowId(a.id)}
      role="option"
      aria-selected={selected}
      aria-checked={checked}
      aria-setsize={setSize}
      aria-posinset={index + 1}
      className={className}
      style={{ transform: `translateY(${top}px)` }}
      data-article-id={a.id}
      data-row-key={measureKey}
      data-row-index={index}
      onMouseDown={(e) => {
        // A shift-click (a range of rows) would also select the page's text from the last click
        // to this one: stop the text selection, and keep the keyboard on the list.
        if (!(e.shiftKey || e.metaKey || e.ctrlKey)) return
        e.preventDefault()
        e.currentTarget.closest<HTMLElement>('[role="listbox"]')?.focus()
      }}
      onClick={(e) => {
        if (e.shiftKey || e.metaKey || e.ctrlKey) onCheck(a.id, e.shiftKey)
        else onOpen(a.id)
      }}
    >
      {/* Drawn, not an <input>: a focusable control inside an option confuses screen
          readers; the option itself carries the checked state. */}
      <span
        className="row-check"
        aria-hidden="true"
        data-checked={checked ? 'true' : 'false'}
        title={`Select “${a.title}”`}
        onClick={(e) => {
          e.stopPropagation()
          onCheck(a.id, e.shiftKey)
        }}
      />
      {thumb && (
        <img
          className="article-row-thumb"
          src={thumb}
          alt=""
          loading="lazy"
          decoding="async"
          data-testid="row-thumb"
        />
      )}
      <div className="article-row-title-line">
        {unread && <span className="unread-dot" aria-label="Unread" />}
        <span className="article-row-title">{a.title}</span>
        {a.favorite && (
          <span className="article-row-star" aria-label="Favourite">
            <Icon name="star" size={13} filled />
          </span>
        )}
      </div>
      {a.snippet ? (
        <p className="article-row-excerpt article-row-snippet" data-testid="snippet">
          {snippetParts(a.snippet).map((part, i) =>
            part.match ? <mark key={i}>{part.text}</mark> : part.text,
          )}
        </p>
      ) : !compact && (a.subtitle || a.excerpt) ? (
        <p className="article-row-excerpt">{a.subtitle || a.excerpt}</p>
      ) : null}
      {/* The facts wrap onto a second line rather than cut the source short; each has its
          "·" before it, and the line's first one is hidden (library.css). */}
      <div className="article-row-meta">
        <div className="article-row-facts">
          {showPlace && a.archivedAt !== null && (
            <span className="article-row-place" data-testid="row-place">
              Archived
            </span>
          )}
          {/* Nothing to attribute (no site, agency or author): no empty slot before the date. */}
          {attribution(a) && <span className="article-row-source">{attribution(a)}</span>}
          {a.publishedAt ? (
            <time dateTime={a.publishedAt}>{formatListDay(a.publishedAt)}</time>
          ) : (
            // No publication date: say so, and show the import day labelled as such.
            <span className="article-row-undated" data-testid="row-undated">
              Undated · imported <time dateTime={a.importedAt}>{formatListDate(a.importedAt)}</time>
            </span>
          )}
          <span>{readingLabel(a)}</span>
          {percent !== null && (
            <span className="article-row-percent" data-testid="row-progress">
              {percent}% read
            </span>
          )}
          {a.annotationCount > 0 && (
            <span className="article-row-annotations">
              {a.annotationCount} {a.annotationCount === 1 ? 'highlight' : 'highlights'}
            </span>
          )}
        </div>
      </div>
      {a.tags.length > 0 && (
        <div className="article-row-tags">
          {a.tags.slice(0, 4).map((t) => (
            <TagChip key={t} name={t} color={tagColors.get(t)} />
          ))}
          {a.tags.length > 4 && <span className="tag-more">+{a.tags.length - 4}</span>}
        </div>
      )}
      {percent !== null && (
        <span className="article-row-progress" aria-hidden="true">
          <span style={{ '--progress': a.progress }} />
        </span>
      )}
    </li>
  )
})
