// The notebook's filters: text, colour, tag, source and a date range, each applied as it
// changes; Clear puts them all back.
import type { NotebookPage } from '../../../shared/api.ts'
import { HIGHLIGHT_COLORS, colorLabel, type HighlightColor } from '../annotations/index.ts'
import type { NotebookFilters as Filters } from './use-notebook.ts'
import { Button } from '../ui/Button.tsx'

interface Props {
  filters: Filters
  facets: NotebookPage['facets']
  onChange(filters: Filters): void
}

export function NotebookFilters({ filters, facets, onChange }: Props) {
  const set = <K extends keyof Filters>(key: K, value: Filters[K] | '') => {
    const next = { ...filters }
    if (value === '' || value === undefined) delete next[key]
    else next[key] = value
    onChange(next)
  }
  const any = Object.values(filters).some((v) => v)
  return (
    <form
      className="notebook-filters"
      role="search"
      aria-label="Filter the notebook"
      onSubmit={(e) => e.preventDefault()}
    >
      <input
        className="text-input notebook-text"
        type="search"
        aria-label="Find in quotes, notes and titles"
        placeholder="Find in quotes, notes and titles…"
        value={filters.text ?? ''}
        maxLength={500}
        onChange={(e) => set('text', e.target.value)}
      />
      <div className="notebook-colors" role="radiogroup" aria-label="Colour">
        <button
          type="button"
          role="radio"
          aria-checked={!filters.color}
          className="notebook-color-any"
          onClick={() => set('color', '')}
        >
          Any
        </button>
        {HIGHLIGHT_COLORS.map((c: HighlightColor) => (
          <button
            key={c}
            type="button"
            role="radio"
            aria-checked={filters.color === c}
            aria-label={colorLabel(c)}
            title={colorLabel(c)}
            className={`swatch swatch-${c}`}
            onClick={() => set('color', filters.color === c ? '' : c)}
          />
        ))}
      </div>
      <label className="notebook-field">
        <span>Tag</span>
        <select value={filters.tag ?? ''} onChange={(e) => set('tag', e.target.value)}>
          <option value="">Any tag</option>
          {facets.tags.map((t) => (
            <option key={t} value={t}>
              {t}
            </option>
          ))}
        </select>
      </label>
      <label className="notebook-field">
        <span>Source</span>
        <select value={filters.source ?? ''} onChange={(e) => set('source', e.target.value)}>
          <option value="">Any source</option>
          {facets.sources.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
      </label>
      <span className="notebook-dates">
        <label className="notebook-field">
          <span>From</span>
          <input
            type="date"
            value={filters.from ?? ''}
            max={filters.to}
            onChange={(e) => set('from', e.target.value)}
          />
        </label>
        <label className="notebook-field">
          <span>To</span>
          <input
            type="date"
            value={filters.to ?? ''}
            min={filters.from}
            onChange={(e) => set('to', e.target.value)}
          />
        </label>
      </span>
      {any && <Button onClick={() => onChange({})}>Clear filters</Button>}
    </form>
  )
}
