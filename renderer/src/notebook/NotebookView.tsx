// The notebook: every highlight and note in the archive, grouped by article, filtered by text,
// colour, tag, source and date, a page at a time; a quote opens its article at the passage.
import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react'
import type { NotebookItem } from '../../../shared/api.ts'
import { colorLabel, Markdown } from '../annotations/index.ts'
import { useClient } from '../api/client-context.ts'
import { plural } from '../ui/format/article-meta.ts'
import { formatListDate } from '../ui/format/dates.ts'
import '../annotations/annotations.css'
import '../annotations/notes.css'
import { NotebookFilters } from './NotebookFilters.tsx'
import { requestExport, type ExportTarget } from '../export/index.ts'
import {
  cleanFilters,
  groupByArticle,
  useNotebook,
  type NotebookFilters as Filters,
} from './use-notebook.ts'
import './notebook.css'
import { Button } from '../ui/Button.tsx'

interface Props {
  revision: number
  /** Before the title: the button that opens the sidebar's drawer in a narrow window. */
  navButton?: ReactNode
  onJump(articleId: string, annotationId: string): void
  onClose(): void
}

export function NotebookView({ revision, navButton, onJump, onClose }: Props) {
  const client = useClient()
  const [filters, setFilters] = useState<Filters>({})
  const book = useNotebook(client, filters, revision)
  const groups = groupByArticle(book.items)
  const heading = useRef<HTMLHeadingElement>(null)
  useEffect(() => heading.current?.focus(), [])

  return (
    <main className="notebook" aria-labelledby="notebook-title">
      <header className="notebook-header">
        <div className="notebook-heading">
          {navButton}
          <h1 id="notebook-title" className="library-title" ref={heading} tabIndex={-1}>
            Notebook
          </h1>
          <p className="notebook-count" role="status" data-testid="notebook-count">
            {book.status === 'ready'
              ? `${plural(book.total, 'highlight')}${book.notes ? ` and ${plural(book.notes, 'article note')}` : ''} in ${plural(book.articles, 'article')}`
              : book.status === 'loading'
                ? 'Loading…'
                : ''}
          </p>
          <Button
            disabled={book.status !== 'ready' || book.total + book.notes === 0}
            onClick={() => requestExport(notebookExport(filters, book.total, book.notes))}
          >
            Export…
          </Button>
          <Button onClick={onClose}>Back to the library</Button>
        </div>
        <NotebookFilters filters={filters} facets={book.facets} onChange={setFilters} />
      </header>
      <div className="notebook-scroll" tabIndex={-1} onKeyDown={moveBetweenQuotes}>
        {book.status === 'error' && (
          <p className="note-error" role="alert">
            {book.error}
          </p>
        )}
        {book.status === 'ready' && book.total + book.notes === 0 && (
          <p className="notebook-empty">
            {Object.keys(cleanFilters(filters)).length > 0
              ? 'No highlights match these filters.'
              : 'No highlights yet. Select text in an article to highlight it.'}
          </p>
        )}
        {groups.map((g, i) => (
          <section
            key={`${g.articleId}-${i}`}
            className="notebook-group"
            aria-labelledby={`nb-${g.articleId}-${i}`}
            data-testid="notebook-group"
          >
            <h2 id={`nb-${g.articleId}-${i}`} className="notebook-article">
              {g.title}
              {g.source && <span className="notebook-source">{g.source}</span>}
            </h2>
            <ul className="notebook-items">
              {g.items.map((item) =>
                item.annotation ? (
                  <Item key={item.annotation.id} item={item} onJump={onJump} />
                ) : (
                  <ArticleNoteItem key={`note-${item.articleId}`} note={item.note ?? ''} />
                ),
              )}
            </ul>
          </section>
        ))}
        {book.items.length < book.total + book.notes && (
          <button type="button" className="button notebook-more" onClick={book.loadMore}>
            Show more ({book.total + book.notes - book.items.length} left)
          </button>
        )}
      </div>
    </main>
  )
}

/** ↑/↓ move between quotes, Home/End to the first and last loaded. */
function moveBetweenQuotes(e: KeyboardEvent<HTMLDivElement>): void {
  const target = e.target
  if (!(target instanceof HTMLElement) || !target.matches('.notebook-quote')) return
  const quotes = [...e.currentTarget.querySelectorAll<HTMLElement>('.notebook-quote')]
  const i = quotes.indexOf(target)
  const next = { ArrowDown: i + 1, ArrowUp: i - 1, Home: 0, End: quotes.length - 1 }[e.key]
  if (next === undefined) return
  e.preventDefault()
  quotes[Math.max(0, Math.min(quotes.length - 1, next))]?.focus()
}

/** The article's own note, first in its group. */
function ArticleNoteItem({ note }: { note: string }) {
  return (
    <li className="notebook-item notebook-article-note" data-testid="notebook-article-note">
      <p className="notebook-note-label">Article note</p>
      <Markdown source={note} className="notebook-note" />
    </li>
  )
}

function Item({ item, onJump }: { item: NotebookItem; onJump: Props['onJump'] }) {
  const a = item.annotation!
  return (
    <li className={`notebook-item notebook-item-${a.color}`} data-testid="notebook-item">
      <button
        type="button"
        className="notebook-quote"
        aria-label={`Go to “${a.target.quote.exact.slice(0, 80)}” in ${item.title}`}
        onClick={() => onJump(item.articleId, a.id)}
      >
        {a.target.quote.exact}
      </button>
      {a.note && <Markdown source={a.note} className="notebook-note" />}
      <p className="notebook-meta">
        <span className={`swatch swatch-${a.color} notebook-swatch`} aria-hidden="true" />
        <span className="visually-hidden">{colorLabel(a.color)}</span>
        <time dateTime={a.createdAt}>{formatListDate(a.createdAt)}</time>
        {a.tags.map((t) => (
          <span key={t} className="tag-chip">
            {t}
          </span>
        ))}
      </p>
    </li>
  )
}

/** Exactly what the notebook shows: its filters travel with the export. */
function notebookExport(filters: Filters, highlights: number, notes: number): ExportTarget {
  const clean = cleanFilters(filters)
  const what = [plural(highlights, 'highlight'), notes ? plural(notes, 'article note') : '']
  return {
    selection: { kind: 'notebook', filters: clean },
    label: `Notebook${Object.keys(clean).length ? ' (filtered)' : ''}: ${what.filter(Boolean).join(' and ')}`,
  }
}
