// The sidebar's Filters group: reading status narrows the list in place; source, dates and
// highlights build a query in the search language and run it as a saved search would.
import { useId, useState, type FormEvent } from 'react'
import type { ReadStatus } from '../../../shared/model.ts'
import { formatFilter } from '../../../shared/search/formatter.ts'
import { isSameQuery } from '../search/index.ts'

const STATUSES: ReadonlyArray<{ id: ReadStatus; label: string }> = [
  { id: 'unread', label: 'Unread' },
  { id: 'reading', label: 'Reading' },
  { id: 'read', label: 'Read' },
]

const HAS_HIGHLIGHTS = formatFilter({ field: 'has', value: 'highlights' })

/** The day after a YYYY-MM-DD date: `before:` is exclusive, the "To" field is not. */
function dayAfter(date: string): string {
  const d = new Date(`${date}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() + 1)
  return d.toISOString().slice(0, 10)
}

interface Props {
  status: ReadStatus | undefined
  /** Sources of the articles in the list, offered as suggestions. */
  sources: readonly string[]
  /** The query the list is running, so "Has highlights" shows as on while it runs. */
  query: string
  onStatus(status: ReadStatus | undefined): void
  onQuery(query: string): void
}

export function SidebarFilters({ status, sources, query, onStatus, onQuery }: Props) {
  const id = useId()
  const [open, setOpen] = useState<'source' | 'dates' | null>(null)
  const [source, setSource] = useState('')
  const [from, setFrom] = useState('')
  const [to, setTo] = useState('')
  const toggle = (panel: 'source' | 'dates') => setOpen((o) => (o === panel ? null : panel))
  const highlights = isSameQuery(query, HAS_HIGHLIGHTS)

  const runSource = (e: FormEvent) => {
    e.preventDefault()
    const value = source.trim().replaceAll('"', '')
    if (value) onQuery(formatFilter({ field: 'source', value }))
  }
  const runDates = (e: FormEvent) => {
    e.preventDefault()
    const parts = [
      ...(from ? [formatFilter({ field: 'after', value: from })] : []),
      ...(to ? [formatFilter({ field: 'before', value: dayAfter(to) })] : []),
    ]
    if (parts.length > 0) onQuery(parts.join(' '))
  }

  return (
    <div className="nav-section filters" role="group" aria-labelledby={`${id}-heading`}>
      <h2 className="nav-heading" id={`${id}-heading`}>
        Filters
      </h2>
      <div className="filter-buttons">
        {STATUSES.map((s) => (
          <button
            key={s.id}
            type="button"
            className="filter-toggle"
            aria-pressed={status === s.id}
            onClick={() => onStatus(status === s.id ? undefined : s.id)}
          >
            {s.label}
          </button>
        ))}
        <button
          type="button"
          className="filter-toggle"
          aria-pressed={highlights}
          onClick={() => onQuery(highlights ? '' : HAS_HIGHLIGHTS)}
        >
          Has highlights
        </button>
        <button
          type="button"
          className="filter-toggle"
          aria-expanded={open === 'source'}
          aria-controls={`${id}-source`}
          onClick={() => toggle('source')}
        >
          From a source…
        </button>
        <button
          type="button"
          className="filter-toggle"
          aria-expanded={open === 'dates'}
          aria-controls={`${id}-dates`}
          onClick={() => toggle('dates')}
        >
          Date range…
        </button>
      </div>
      {open === 'source' && (
        <form id={`${id}-source`} className="filter-form" onSubmit={runSource}>
          <label className="filter-field">
            <span className="filter-label">Source</span>
            <input
              className="text-input filter-input"
              type="text"
              list={`${id}-sources`}
              value={source}
              onChange={(e) => setSource(e.target.value)}
            />
          </label>
          <datalist id={`${id}-sources`}>
            {sources.map((s) => (
              <option key={s} value={s} />
            ))}
          </datalist>
          <button type="submit" className="button button-quiet filter-submit">
            Show
          </button>
        </form>
      )}
      {open === 'dates' && (
        <form id={`${id}-dates`} className="filter-form" onSubmit={runDates}>
          <label className="filter-field">
            <span className="filter-label">From</span>
            <input
              className="text-input filter-input"
              type="date"
              value={from}
              max={to || undefined}
              onChange={(e) => setFrom(e.target.value)}
            />
          </label>
          <label className="filter-field">
            <span className="filter-label">To</span>
            <input
              className="text-input filter-input"
              type="date"
              value={to}
              min={from || undefined}
              onChange={(e) => setTo(e.target.value)}
            />
          </label>
          <button type="submit" className="button button-quiet filter-submit">
            Show
          </button>
        </form>
      )}
    </div>
  )
}
