// The parsed parts of the query as chips (`tag:travel`, `is:unread`, `"a phrase"`, `-word`),
// each removable: its x cuts the part's span out of the query text. A chip shows the part as
// the person typed it (`words:>1000`), not the parser's canonical form (`words:>=1001`).
import type { QueryChip } from '../../../shared/search/parser.ts'
import { Icon } from '../ui/Icon.tsx'

interface Props {
  chips: QueryChip[]
  /** The query text the chips were parsed from. */
  source: string
  onRemove(chip: QueryChip): void
}

/** The chip's part as typed; its canonical text if the span does not fit the source. */
function typed(chip: QueryChip, source: string): string {
  return source.slice(chip.start, chip.end).trim() || chip.text
}

/** `-tag:"two words"` as its field (`-tag:`) and its value (`"two words"`). */
function splitFilter(text: string): [string, string] {
  const colon = text.indexOf(':')
  return colon < 0 ? ['', text] : [text.slice(0, colon + 1), text.slice(colon + 1)]
}

export function QueryChips({ chips, source, onRemove }: Props) {
  if (chips.length === 0) return null
  return (
    <ul className="query-chips" aria-label="Search parts">
      {chips.map((chip) => {
        const text = typed(chip, source)
        const [field, value] = chip.kind === 'filter' ? splitFilter(text) : ['', text]
        return (
          <li
            key={`${chip.start}:${chip.end}`}
            className={`query-chip query-chip-${chip.kind}${chip.negated ? ' is-negated' : ''}`}
            data-testid="query-chip"
          >
            <span className="query-chip-text">
              {field && <span className="query-chip-field">{field}</span>}
              {value}
            </span>
            <button
              type="button"
              className="query-chip-remove"
              aria-label={`Remove ${text}`}
              title="Remove"
              onClick={() => onRemove(chip)}
            >
              <Icon name="close" size={11} />
            </button>
          </li>
        )
      })}
    </ul>
  )
}
