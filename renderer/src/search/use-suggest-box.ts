// The search box as a combobox: which term the caret is at, the suggestions for it, which one
// ↑↓ moved to, and taking one (the term becomes its filter and the query runs at once).
import {
  useCallback,
  useLayoutEffect,
  useRef,
  useState,
  type KeyboardEvent,
  type RefObject,
} from 'react'
import type { Suggestion } from '../../../shared/api.ts'
import { useClient } from '../api/client-context.ts'
import { SUGGESTIONS_ID, suggestionId } from './SuggestionList.tsx'
import { applySuggestion, termAtCaret } from './suggest-term.ts'
import { useSuggestions } from './use-suggestions.ts'

export interface SuggestBox {
  items: Suggestion[]
  open: boolean
  active: number
  pick(s: Suggestion): void
  /** True when the key was the suggestions' (the box must not act on it too). */
  onKeyDown(e: KeyboardEvent<HTMLInputElement>): boolean
  /** The person typed (not a pick, a help example or a saved search setting the text). */
  onTyped(value: string): void
  /** The input's caret moved. */
  onCaret(): void
  onFocus(): void
  onBlur(): void
  /** The combobox's ARIA attributes for the input. */
  aria: {
    role: 'combobox'
    'aria-expanded': boolean
    'aria-controls': string
    'aria-autocomplete': 'list'
    'aria-activedescendant': string | undefined
  }
}

export function useSuggestBox(
  text: string,
  inputRef: RefObject<HTMLInputElement | null>,
  onText: (text: string, now?: boolean) => void,
): SuggestBox {
  const client = useClient()
  const [caret, setCaret] = useState(text.length)
  const [focused, setFocused] = useState(false)
  // Suggestions follow typing: text set otherwise (a pick, an example, a saved search) or a
  // box merely focused opens nothing.
  const [typed, setTyped] = useState<string | null>(null)
  // Esc closed the list for this text; typing opens it again.
  const [dismissedFor, setDismissedFor] = useState<string | null>(null)
  const [moved, setMoved] = useState<{ key: string; index: number }>({ key: '', index: -1 })
  const pendingCaret = useRef<number | null>(null)

  const term = focused && typed === text ? termAtCaret(text, Math.min(caret, text.length)) : null
  const items = useSuggestions(client, term)
  const open = term !== null && items.length > 0 && dismissedFor !== text
  // The moved-to suggestion only counts for the list it was moved in.
  const listKey = `${text}\n${items.map((s) => `${s.kind}:${s.value}`).join('\n')}`
  const active = open && moved.key === listKey && moved.index < items.length ? moved.index : -1

  const onCaret = useCallback(() => {
    const el = inputRef.current
    if (el) setCaret(el.selectionEnd ?? el.value.length)
  }, [inputRef])

  // After a pick, the caret goes after the inserted filter (the value changed under it).
  useLayoutEffect(() => {
    const at = pendingCaret.current
    const el = inputRef.current
    if (at === null || !el || el.value !== text) return
    pendingCaret.current = null
    el.setSelectionRange(at, at)
    setCaret(at)
  }, [text, inputRef])

  const pick = useCallback(
    (s: Suggestion) => {
      if (!term) return
      const next = applySuggestion(text, term, s)
      if (!next) return
      pendingCaret.current = next.caret
      onText(next.text, true)
    },
    [term, text, onText],
  )

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>): boolean => {
    if (!open) return false
    const n = items.length
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      const step = e.key === 'ArrowDown' ? 1 : -1
      setMoved({ key: listKey, index: active < 0 && step < 0 ? n - 1 : (active + step + n) % n })
    } else if ((e.key === 'Enter' || e.key === 'Tab') && active >= 0) {
      pick(items[active]!)
    } else if (e.key === 'Escape') {
      setDismissedFor(text)
    } else {
      return false
    }
    e.preventDefault()
    e.stopPropagation()
    return true
  }

  return {
    items,
    open,
    active,
    pick,
    onKeyDown,
    onTyped: (value) => {
      setTyped(value)
      onCaret()
    },
    onCaret,
    onFocus: () => setFocused(true),
    onBlur: () => setFocused(false),
    aria: {
      role: 'combobox',
      'aria-expanded': open,
      'aria-controls': SUGGESTIONS_ID,
      'aria-autocomplete': 'list',
      'aria-activedescendant': active >= 0 ? suggestionId(active) : undefined,
    },
  }
}
