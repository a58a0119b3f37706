// The search box's suggestions: a listbox hanging under the box (a manual popover, so no
// header or pane clips it). The box keeps the keyboard (↑↓ move, Enter or Tab take, Esc
// closes); a click takes a suggestion without taking the focus from the box.
import { useLayoutEffect, useRef } from 'react'
import type { SuggestKind, Suggestion } from '../../../shared/api.ts'

export const SUGGESTIONS_ID = 'search-suggestions'

export function suggestionId(i: number): string {
  return `${SUGGESTIONS_ID}-${i}`
}

const KIND_LABEL: Record<SuggestKind, string> = {
  tag: 'Tag',
  source: 'Source',
  author: 'Author',
}

interface Props {
  items: Suggestion[]
  open: boolean
  /** The suggestion ↑↓ moved to, or -1. */
  active: number
  onPick(s: Suggestion): void
}

export function SuggestionList({ items, open, active, onPick }: Props) {
  const ref = useRef<HTMLUListElement>(null)
  useLayoutEffect(() => {
    const el = ref.current
    if (!el) return
    const shown = el.matches(':popover-open')
    if (open && !shown) el.showPopover()
    else if (!open && shown) el.hidePopover()
  }, [open])
  useLayoutEffect(() => {
    if (active >= 0)
      document.getElementById(suggestionId(active))?.scrollIntoView({ block: 'nearest' })
  }, [active])

  return (
    <ul
      ref={ref}
      id={SUGGESTIONS_ID}
      className="search-suggestions"
      popover="manual"
      role="listbox"
      aria-label="Suggestions"
    >
      {items.map((s, i) => (
        <li
          key={`${s.kind}:${s.value}`}
          id={suggestionId(i)}
          role="option"
          aria-selected={i === active}
          className={i === active ? 'search-suggestion is-active' : 'search-suggestion'}
          data-kind={s.kind}
          // Keeps the focus (and the caret) in the search box.
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => onPick(s)}
        >
          <span className="search-suggestion-kind">{KIND_LABEL[s.kind]}</span>
          <span className="search-suggestion-value">{s.value}</span>
          <span className="search-suggestion-count">
            {s.count} {s.count === 1 ? 'article' : 'articles'}
          </span>
        </li>
      ))}
    </ul>
  )
}
