// Saved searches, as kept in quire.json: the list edits and the query check, without I/O.
import { QuireError } from '../../../shared/errors.ts'
import type { SavedSearch } from '../../../shared/model.ts'
import { parseQuery } from '../../../shared/search/parser.ts'
import type { Query } from '../../../shared/search/query.ts'

// node:crypto loads when first used, not with the module: it costs a `quire list` ~10 ms.
const randomBytes = (size: number) => process.getBuiltinModule('node:crypto').randomBytes(size)

/** The parsed query, or INVALID_INPUT with the span of the bad part (for the UI's underline). */
export function parseQueryOrThrow(text: string): Query {
  const parsed = parseQuery(text)
  if (parsed.ok) return parsed.query
  throw new QuireError('INVALID_INPUT', parsed.error.message, {
    start: parsed.error.start,
    end: parsed.error.end,
  })
}

export interface SavedSearchInput {
  id?: string | undefined
  name: string
  query: string
}

/** The list with the search added, or changed in place when `input.id` names one. */
export function upsertSavedSearch(
  list: readonly SavedSearch[],
  input: SavedSearchInput,
  now: string,
): { list: SavedSearch[]; saved: SavedSearch } {
  parseQueryOrThrow(input.query)
  const existing = input.id ? list.find((s) => s.id === input.id) : undefined
  if (input.id && !existing)
    throw new QuireError('NOT_FOUND', 'That saved search no longer exists.')
  const saved: SavedSearch = existing
    ? { ...existing, name: input.name, query: input.query }
    : { id: randomBytes(8).toString('hex'), name: input.name, query: input.query, createdAt: now }
  return {
    list: existing ? list.map((s) => (s.id === saved.id ? saved : s)) : [...list, saved],
    saved,
  }
}
