// The suggestions for the term being typed, asked of the archive once typing pauses briefly.
// An answer that comes back after the term changed is dropped, so the list never shows the
// suggestions of an earlier keystroke.
import { useEffect, useState } from 'react'
import type { QuireClient, Suggestion } from '../../../shared/api.ts'
import { suggestionFilter, type SuggestTerm } from './suggest-term.ts'

/** Shorter than the search's own pause: suggestions should be there before results are. */
const SUGGEST_DEBOUNCE_MS = 80
export const SUGGESTION_LIMIT = 8

export function useSuggestions(client: QuireClient, term: SuggestTerm | null): Suggestion[] {
  const [state, setState] = useState<{ key: string; items: Suggestion[] }>({ key: '', items: [] })
  const key = term ? JSON.stringify([term.prefix, term.kinds]) : ''

  useEffect(() => {
    if (!term) return
    let live = true
    const timer = window.setTimeout(() => {
      client
        .call('search:suggest', { prefix: term.prefix, kinds: term.kinds, limit: SUGGESTION_LIMIT })
        .then(
          (items) => {
            // A name the query language cannot write is no use as a suggestion.
            if (live) setState({ key, items: items.filter((s) => suggestionFilter(s) !== null) })
          },
          // Without suggestions the box still searches; nothing to tell the person.
          () => undefined,
        )
    }, SUGGEST_DEBOUNCE_MS)
    return () => {
      live = false
      window.clearTimeout(timer)
    }
    // `term` is read through `key`, its identity for this request.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [client, key])

  return term && state.key === key ? state.items : []
}
