// The search box: the query as typed, with the part an error points at underlined on a
// mirrored copy of the text behind the input; suggestions for the term being typed (tags,
// sources, authors); clear, syntax help and the index's progress.
import { useLayoutEffect, useRef, type RefObject } from 'react'
import type { ParseError } from '../../../shared/search/parser.ts'
import { clampSpan } from './query-text.ts'
import { indexPercent, type IndexStatus } from './use-index-status.ts'
import { Icon } from '../ui/Icon.tsx'
import { SearchHelp } from './SearchHelp.tsx'
import { SuggestionList } from './SuggestionList.tsx'
import { useSuggestBox } from './use-suggest-box.ts'

export const SEARCH_ERROR_ID = 'search-error'

interface Props {
  text: string
  error: ParseError | undefined
  index: IndexStatus
  inputRef: RefObject<HTMLInputElement | null>
  onText(text: string, now?: boolean): void
  /** Esc: the box empties and the list takes the keyboard. */
  onEscape(): void
  /** Enter or ↓: the list takes the keyboard. */
  onLeave(): void
}

export function SearchField({ text, error, index, inputRef, onText, onEscape, onLeave }: Props) {
  const mirror = useRef<HTMLDivElement>(null)
  // The mirror scrolls with the input, so the underline stays under the right characters.
  const syncScroll = () => {
    if (mirror.current && inputRef.current) mirror.current.scrollLeft = inputRef.current.scrollLeft
  }
  useLayoutEffect(syncScroll)
  const box = useSuggestBox(text, inputRef, onText)

  const span = error ? clampSpan(error, text.length) : undefined
  const bad = span ? text.slice(span.start, span.end) : ''

  return (
    <div className="search">
      <div className={error ? 'search-field is-invalid' : 'search-field'}>
        <Icon name="search" size={15} className="search-field-icon" />
        <div className="search-input">
          {span && (
            <div ref={mirror} className="search-mirror" aria-hidden="true">
              {text.slice(0, span.start)}
              <span
                className={bad ? 'search-mirror-bad' : 'search-mirror-bad is-point'}
                data-testid="search-error-span"
              >
                {bad}
              </span>
              {text.slice(span.end)}
            </div>
          )}
          <input
            ref={inputRef}
            type="search"
            {...box.aria}
            placeholder="Search words, “phrases”, tag:…"
            aria-label="Search the library"
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? SEARCH_ERROR_ID : undefined}
            aria-errormessage={error ? SEARCH_ERROR_ID : undefined}
            spellCheck={false}
            autoComplete="off"
            value={text}
            onChange={(e) => {
              onText(e.currentTarget.value)
              box.onTyped(e.currentTarget.value)
            }}
            onScroll={syncScroll}
            onSelect={() => {
              syncScroll()
              box.onCaret()
            }}
            onFocus={box.onFocus}
            onBlur={box.onBlur}
            onKeyDown={(e) => {
              if (box.onKeyDown(e)) return
              if (e.key === 'Escape') {
                e.preventDefault()
                e.stopPropagation()
                onEscape()
              } else if (e.key === 'ArrowDown' || e.key === 'Enter') {
                e.preventDefault()
                if (e.key === 'Enter') onText(text, true)
                onLeave()
              }
            }}
          />
        </div>
        {index.state === 'syncing' && (
          <span className="search-indexing" role="status" title="Building the search index">
            <span className="spinner" aria-hidden="true" />
            {index.total > 0 ? `Indexing… ${indexPercent(index)}%` : 'Indexing…'}
          </span>
        )}
        {text && (
          <button
            type="button"
            className="search-field-button"
            aria-label="Clear the search"
            title="Clear (Esc)"
            onClick={() => {
              onText('', true)
              inputRef.current?.focus()
            }}
          >
            <Icon name="close" size={14} />
          </button>
        )}
        <SearchHelp
          onExample={(example) => {
            const joined = text.trim() ? `${text.trimEnd()} ${example}` : example
            onText(joined, true)
            inputRef.current?.focus()
          }}
        />
      </div>
      <SuggestionList items={box.items} open={box.open} active={box.active} onPick={box.pick} />
      <div className="search-messages" aria-live="polite">
        {error && (
          <p id={SEARCH_ERROR_ID} className="search-error">
            <Icon name="alert" size={14} />
            <span>{error.message}</span>
          </p>
        )}
      </div>
      {index.state === 'failed' && (
        <p className="search-index-failed" role="alert">
          <Icon name="alert" size={14} />
          <span>
            Search is unavailable: {index.message ?? 'the search index could not be built'}
          </span>
        </p>
      )}
    </div>
  )
}
