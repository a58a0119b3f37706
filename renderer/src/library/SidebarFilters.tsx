// The sidebar's Filters group: reading status narrows the list in place; source, dates and
// highlights build a query in the search language and run it as a saved search would.
import { useId, useState, type FormEvent, type InputHTMLAttributes, type ReactNode } from 'react'
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
        <PanelToggle
          open={open === 'source'}
          controls={`${id}-source`}
          onToggle={() => toggle('source')}
        >
          From a source…
        </PanelToggle>
        <PanelToggle
          open={open === 'dates'}
          controls={`${id}-dates`}
          onToggle={() => toggle('dates')}
        >
          Date range…
        </PanelToggle>
      </div>
      {open === 'source' && (
        <FilterForm id={`${id}-source`} onSubmit={runSource}>
          <FilterField
            label="Source"
            type="text"
            list={`${id}-sources`}
            value={source}
            onChange={(e) => setSource(e.target.value)}
          />
          <datalist id={`${id}-sources`}>
            {sources.map((s) => (
              <option key={s} value={s} />
            ))}
          </datalist>
        </FilterForm>
      )}
      {open === 'dates' && (
        <FilterForm id={`${id}-dates`} onSubmit={runDates}>
          <FilterField
            label="From"
            type="date"
            value={from}
            max={to || undefined}
            onChange={(e) => setFrom(e.target.value)}
          />
          <FilterField
            label="To"
            type="date"
            value={to}
            min={from || undefined}
            onChange={(e) => setTo(e.target.value)}
          />
        </FilterForm>
      )}
    </div>
  )
}

/** A button that shows or hides one of the filter forms below the buttons. */
function PanelToggle(props: {
  open: boolean
  controls: string
  onToggle(): void
  children: ReactNode
}) {
  return (
    <button
      type="button"
      className="filter-toggle"
      aria-expanded={props.open}
      aria-controls={props.controls}
      onClick={props.onToggle}
    >
      {props.children}
    </button>
  )
}

/** A filter form: its fields, then the Show button that runs the query they build. */
function FilterForm(props: { id: string; onSubmit(e: FormEvent): void; children: ReactNode }) {
  return (
    <form id={props.id} className="filter-form" onSubmit={props.onSubmit}>
      {props.children}
      <button type="submit" className="button button-quiet filter-submit">
        Show
      </button>
    </form>
  )
}

/** One labelled input of a filter form. */
function FilterField({
  label,
  ...input
}: { label: string } & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <label className="filter-field">
      <span className="filter-label">{label}</span>
      <input className="text-input filter-input" {...input} />
    </label>
  )
}
