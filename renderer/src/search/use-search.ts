// The search box's state: the text as typed, the query the list runs once typing pauses, its
// chips, the parse error to show, and the order of the results.
import { useCallback, useEffect, useMemo, useState } from 'react'
import { parseQuery, queryChips } from '../../../shared/search/parser.ts'
import type { ParseError, QueryChip } from '../../../shared/search/parser.ts'
import { removeSpan } from './query-text.ts'
import type { SearchSortId } from './search-sort.ts'
import type { SearchScope } from './search-scope.ts'

/** How long typing must pause before the query runs. */
export const SEARCH_DEBOUNCE_MS = 150

export interface Search {
  /** What the box shows. */
  text: string
  /** Changes the text; `now` runs it at once (a saved search, a removed chip, clearing). */
  setText(text: string, now?: boolean): void
  /**
   * The query the list runs: the last settled text that parses, or '' for the plain list.
   * While the text does not parse, the previous results stay (dimmed) instead of vanishing.
   */
  query: string
  chips: QueryChip[]
  /** The client-side parse error, once typing has paused on it. */
  error: ParseError | undefined
  sort: SearchSortId
  setSort(sort: SearchSortId): void
  /** Everywhere but the Trash (the default), or only the view or tag it started from. */
  scope: SearchScope
  setScope(scope: SearchScope): void
  removeChip(chip: QueryChip): void
}

export function useSearch(): Search {
  const [text, setTextState] = useState('')
  const [settled, setSettled] = useState('')
  const [lastValid, setLastValid] = useState('')
  const [sort, setSort] = useState<SearchSortId>('relevance')
  const [scope, setScope] = useState<SearchScope>('everywhere')

  useEffect(() => {
    if (settled === text) return
    const timer = window.setTimeout(() => setSettled(text), SEARCH_DEBOUNCE_MS)
    return () => window.clearTimeout(timer)
  }, [text, settled])

  const setText = useCallback((next: string, now = false) => {
    setTextState(next)
    // Emptying the box is never worth a wait: the plain list comes back at once.
    if (now || next.trim() === '') setSettled(next)
  }, [])

  const parsed = useMemo(() => queryChips(text), [text])
  const settledOk = useMemo(() => parseQuery(settled).ok, [settled])

  let query = lastValid
  if (settled.trim() === '') query = ''
  else if (settledOk) query = settled
  // Derived state kept across renders (React's "store information from previous renders").
  if (query !== lastValid) setLastValid(query)

  const removeChip = useCallback(
    (chip: QueryChip) => setText(removeSpan(text, chip), true),
    [text, setText],
  )

  return {
    text,
    setText,
    query,
    chips: parsed.ok ? parsed.chips : [],
    error: !parsed.ok && settled === text ? parsed.error : undefined,
    sort,
    setSort,
    scope,
    setScope,
    removeChip,
  }
}
