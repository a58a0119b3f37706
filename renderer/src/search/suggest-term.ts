// What the search box's suggestions complete: the word under the caret, or the value of a
// `tag:`, `source:` or `author:` filter being typed, and how a picked suggestion is written back
// into the query (as the filter it is, quoted when its name has spaces).
import type { SuggestKind, Suggestion } from '../../../shared/api.ts'

/** A bare word shorter than this asks for nothing: one letter matches half the archive. */
export const MIN_WORD_PREFIX = 2

export interface SuggestTerm {
  /** The typed run the suggestion replaces: [start, end) of the text, any `-` included. */
  start: number
  end: number
  negated: boolean
  /** What the archive is asked to complete. */
  prefix: string
  /** The kinds to ask for: one after `tag:` and the like, all three for a bare word. */
  kinds: SuggestKind[]
}

const FIELDS: Record<string, SuggestKind> = { tag: 'tag', source: 'source', author: 'author' }

/**
 * The term the caret is at the end of, or null when there is nothing to complete: inside
 * quotes, in another filter (`is:`, `after:`), in an operator (OR), or a word too short.
 */
export function termAtCaret(text: string, caret: number): SuggestTerm | null {
  const before = text.slice(0, caret)
  // An odd number of quotes before the caret: inside a phrase or a quoted value.
  if ((before.match(/"/g) ?? []).length % 2 === 1) return null
  // The caret must end the run: completing the middle of a word would cut it in two.
  if (caret < text.length && !/\s/.test(text[caret]!)) return null
  const run = /(\S*)$/.exec(before)![1]!
  if (run === '') return null
  const start = caret - run.length
  const negated = run.startsWith('-')
  const body = negated ? run.slice(1) : run
  const colon = body.indexOf(':')
  if (colon >= 0) {
    const kind = FIELDS[body.slice(0, colon).toLowerCase()]
    if (!kind) return null
    return { start, end: caret, negated, prefix: body.slice(colon + 1), kinds: [kind] }
  }
  if (body.length < MIN_WORD_PREFIX || body === 'OR') return null
  return { start, end: caret, negated, prefix: body, kinds: ['tag', 'source', 'author'] }
}

/** The filter a suggestion stands for, as the query language writes it (null if it cannot). */
export function suggestionFilter(s: Suggestion): string | null {
  // The query language has no escape for a quote inside a quoted value.
  if (s.value.includes('"')) return null
  const value = /[\s:()]/.test(s.value) || s.value.startsWith('-') ? `"${s.value}"` : s.value
  return `${s.kind}:${value}`
}

/** The text with the term replaced by the suggestion's filter, and where the caret goes. */
export function applySuggestion(
  text: string,
  term: SuggestTerm,
  s: Suggestion,
): { text: string; caret: number } | null {
  const filter = suggestionFilter(s)
  if (filter === null) return null
  const head = text.slice(0, term.start) + (term.negated ? '-' : '') + filter
  const tail = text.slice(term.end)
  // A space after the filter, so the next word can be typed straight away.
  const joined = tail.startsWith(' ') ? head + tail : `${head} ${tail}`
  return { text: joined, caret: head.length + 1 }
}
