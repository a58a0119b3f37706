// The orders a person can pick for the plain (non-search) list, and what each asks of
// 'articles:list'.
import type { ListQuery } from '../../../shared/api.ts'
import { orderOf, type SortChoice } from '../ui/sort-choice.ts'

/** The orders the plain list and search results offer alike (search adds relevance). */
export const SHARED_SORTS = [
  { id: 'published', label: 'Published', sort: 'published', order: 'desc' },
  { id: 'title', label: 'Title', sort: 'title', order: 'asc' },
  { id: 'source', label: 'Source', sort: 'source', order: 'asc' },
  { id: 'reading-time', label: 'Reading time', sort: 'readingTime', order: 'asc' },
] as const

export const LIST_SORTS = [
  { id: 'newest', label: 'Newest imported', sort: 'imported', order: 'desc' },
  { id: 'oldest', label: 'Oldest imported', sort: 'imported', order: 'asc' },
  ...SHARED_SORTS,
] as const satisfies ReadonlyArray<SortChoice<ListQuery>>

export type ListSortId = (typeof LIST_SORTS)[number]['id']

/** The sort and order fields for 'articles:list'; unknown ids fall back to newest imported. */
export function listOrder(id: ListSortId): Pick<ListQuery, 'sort' | 'order'> {
  return orderOf(LIST_SORTS, id)
}
