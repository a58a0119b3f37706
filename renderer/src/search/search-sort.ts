// The orders a person can pick for search results, and what each asks of 'articles:search'.
import type { SearchInput } from '../../../shared/api.ts'
import { SHARED_SORTS } from '../library/index.ts'

export const SEARCH_SORTS = [
  { id: 'relevance', label: 'Relevance', sort: 'relevance', order: 'desc' },
  { id: 'newest', label: 'Newest', sort: 'imported', order: 'desc' },
  ...SHARED_SORTS,
] as const satisfies ReadonlyArray<{
  id: string
  label: string
  sort: NonNullable<SearchInput['sort']>
  order: NonNullable<SearchInput['order']>
}>

export type SearchSortId = (typeof SEARCH_SORTS)[number]['id']

/** The sort and order fields for 'articles:search'; unknown ids fall back to relevance. */
export function searchOrder(id: SearchSortId): Pick<SearchInput, 'sort' | 'order'> {
  const picked = SEARCH_SORTS.find((s) => s.id === id) ?? SEARCH_SORTS[0]
  return { sort: picked.sort, order: picked.order }
}
