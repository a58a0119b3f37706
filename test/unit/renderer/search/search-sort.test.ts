import { describe, expect, it } from 'vitest'
import { SEARCH_SORTS, searchOrder } from '../../../../renderer/src/search/search-sort.ts'

describe('searchOrder', () => {
  it('maps each menu choice to the archive’s sort and order', () => {
    expect(SEARCH_SORTS.map((s) => s.label)).toEqual([
      'Relevance',
      'Newest',
      'Published',
      'Title',
      'Source',
      'Reading time',
    ])
    expect(searchOrder('relevance')).toEqual({ sort: 'relevance', order: 'desc' })
    expect(searchOrder('newest')).toEqual({ sort: 'imported', order: 'desc' })
    expect(searchOrder('published')).toEqual({ sort: 'published', order: 'desc' })
    expect(searchOrder('title')).toEqual({ sort: 'title', order: 'asc' })
  })
})
