// The orders a person can pick for search results, and what each asks of 'articles:search'.
import type { SearchInput } from '../../../shared/api.ts'
import { SHARED_SORTS } from '../library/index.ts'
import { orderOf, type SortChoice } from '../ui/sort-choice.ts'

export const SEARCH_SORTS = [
  { id: 'relevance', label: 'Relevance', sort: 'relevance', order: 'desc' },
  { id: 'newest', label: 'Newest', sort: 'imported', order: 'desc' },
  ...SHARED_SORTS,
] as const satisfies ReadonlyArray<SortChoice<SearchInput>>

export type SearchSortId = (typeof SEARCH_SORTS)[number]['id']

/** The sort and order fields for 'articles:search'; unknown ids fall back to relevance. */
export function searchOrder(id: SearchSortId): Pick<SearchInput, 'sort' | 'order'> {
  return orderOf(SEARCH_SORTS, id)
}
