// The scope switch under a running search: everywhere (but the Trash), or only the view or tag
// the search started from, each with its number of matches.
import type { ScopeCounts } from './use-scope-counts.ts'
import type { SearchScope as Scope } from './search-scope.ts'
import './search-scope.css'

interface Props {
  scope: Scope
  counts: ScopeCounts
  /** The view or tag the search started from: "Inbox", "gaza". */
  hereLabel: string
  onScope(scope: Scope): void
}

const count = (n: number | undefined) => (n === undefined ? '' : n.toLocaleString())

export function SearchScope({ scope, counts, hereLabel, onScope }: Props) {
  const options: { id: Scope; label: string; n: number | undefined }[] = [
    { id: 'everywhere', label: 'All views', n: counts.everywhere },
    { id: 'here', label: `In ${hereLabel}`, n: counts.here },
  ]
  return (
    <div className="search-scope" role="group" aria-label="Search in">
      {options.map((o) => (
        <button
          key={o.id}
          type="button"
          aria-pressed={scope === o.id}
          className="search-scope-option"
          data-testid={`search-scope-${o.id}`}
          onClick={() => onScope(o.id)}
        >
          <span className="search-scope-label">{o.label}</span>
          {o.n !== undefined && <span className="search-scope-count">{count(o.n)}</span>}
        </button>
      ))}
    </div>
  )
}
