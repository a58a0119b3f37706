// Prints a Query as its canonical query string: parseQuery(formatQuery(q)) equals q, so a
// query can be saved, shown in the CLI or rebuilt by the UI from its parts.
import type { Filter } from './filters.ts'
import { HAS_FLAGS, STATUS_FLAGS } from './query.ts'
import type { Query, Term } from './query.ts'

/** A bare word is a prefix; a quoted single word is exact; a phrase is always quoted. */
export function formatTerm(term: Term): string {
  if (term.kind === 'word' && term.prefix) return term.text
  return `"${term.text}"`
}

/** Values with whitespace are quoted; values never contain `"` (the schema refuses it). */
function formatValue(value: string): string {
  return /\s/.test(value) || value === '' ? `"${value}"` : value
}

/** One filter as written: `tag:"two words"`, `-is:read`, `words:>=501`, `before:2024-06-01`. */
export function formatFilter(filter: Filter, negated = false): string {
  const sign = negated ? '-' : ''
  if (filter.field !== 'words') return `${sign}${filter.field}:${formatValue(filter.value)}`
  const { min, max } = filter.value
  if (min !== undefined && max !== undefined) {
    return min === max ? `words:${min}` : `words:${min}-${max}`
  }
  if (min !== undefined) return `words:>=${min}`
  return `words:<=${max ?? 0}`
}

/** The query's filters in canonical order, each with whether it is negated. */
export function queryFilters(query: Query): Array<{ filter: Filter; negated: boolean }> {
  const out: Array<{ filter: Filter; negated: boolean }> = []
  const add = (filter: Filter, negated = false) => out.push({ filter, negated })
  for (const value of query.tags) add({ field: 'tag', value })
  for (const value of query.excludeTags) add({ field: 'tag', value }, true)
  for (const flag of STATUS_FLAGS) {
    const wanted = query.is[flag]
    if (wanted !== undefined) add({ field: 'is', value: flag }, !wanted)
  }
  for (const field of ['source', 'author', 'url', 'lang'] as const) {
    for (const value of query[field]) add({ field, value })
  }
  if (query.after !== undefined) add({ field: 'after', value: query.after })
  if (query.before !== undefined) add({ field: 'before', value: query.before })
  if (query.words.min !== undefined || query.words.max !== undefined) {
    add({ field: 'words', value: query.words })
  }
  for (const flag of HAS_FLAGS) {
    const wanted = query.has[flag]
    if (wanted !== undefined) add({ field: 'has', value: flag }, !wanted)
  }
  for (const value of query.colors) add({ field: 'color', value })
  return out
}

/**
 * The canonical string of a query: clauses (terms joined by OR), then exclusions, then
 * filters in FILTER_NAMES order, separated by single spaces. The empty query prints as ''.
 */
export function formatQuery(query: Query): string {
  return [
    ...query.terms.map((clause) => clause.map(formatTerm).join(' OR ')),
    ...query.exclude.map((term) => `-${formatTerm(term)}`),
    ...queryFilters(query).map(({ filter, negated }) => formatFilter(filter, negated)),
  ].join(' ')
}
