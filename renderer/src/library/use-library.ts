// The middle column's data: one query paged from 'articles:list', or, with a search query,
// ranked results from 'articles:search'; load-more on scroll, a refetch when the archive
// changes, and local patches after writes.
import { useCallback, useEffect, useRef, useState } from 'react'
import { MAX_PAGE_SIZE } from '../../../shared/api.ts'
import type { LibraryView, QuireClient, SearchResults } from '../../../shared/api.ts'
import type { ArticleSummary, ReadStatus } from '../../../shared/model.ts'
import type { ParseError } from '../../../shared/search/parser.ts'
import { describeError } from '../api/describe-error.ts'
import {
  invalidQuery,
  withStatus,
  withTag,
  searchOrder,
  type SearchSortId,
} from '../search/index.ts'
import { listOrder, type ListSortId } from './list-sort.ts'

export const PAGE_SIZE = 60

/**
 * The next page's size: it grows with what is loaded (up to the API's cap), so scrolling
 * through thousands of rows takes a few requests, not a hundred.
 */
export function nextPageSize(loaded: number): number {
  return Math.min(MAX_PAGE_SIZE, Math.max(PAGE_SIZE, loaded))
}

export interface LibraryQuery {
  view: LibraryView
  tag?: string | undefined
  /** A query in the search language; when set, the list is search results. */
  search?: string | undefined
  sort?: SearchSortId | undefined
  /** The plain list's order (search results use `sort`). */
  listSort?: ListSortId | undefined
  /** Only articles with this reading status, in the list and in search results alike. */
  status?: ReadStatus | undefined
}

/** A row of the list; search results carry the body text around their matches. */
export type LibraryItem = SearchResults['items'][number]

export interface Library {
  items: LibraryItem[]
  total: number
  status: 'loading' | 'ready' | 'error'
  error?: string | undefined
  /** The archive refused the search query: what is wrong and where. */
  invalid?: ParseError | undefined
  hasMore: boolean
  loadingMore: boolean
  /** Search results asked for by relevance came newest first: the words are in most articles. */
  newestFirst: boolean
  loadMore(): void
  patch(id: string, changes: Partial<ArticleSummary>): void
  remove(id: string): void
}

/** What has been loaded, and for which query; a different query means nothing is loaded yet. */
interface Loaded {
  key: string
  searching: boolean
  items: LibraryItem[]
  total: number
  newestFirst?: boolean
  error?: string | undefined
  invalid?: ParseError | undefined
}

const NOTHING: LibraryItem[] = []

function fetchPage(
  client: QuireClient,
  q: LibraryQuery,
  offset: number,
  limit: number,
): Promise<{ items: LibraryItem[]; total: number; orderedBy?: 'relevance' | 'newest' }> {
  if (q.search?.trim()) {
    return client.call('articles:search', {
      query: withStatus(withTag(q.search, q.tag), q.status),
      view: q.view,
      ...searchOrder(q.sort ?? 'relevance'),
      offset,
      limit,
    })
  }
  return client.call('articles:list', {
    view: q.view,
    ...(q.tag ? { tag: q.tag } : {}),
    ...(q.status ? { status: q.status } : {}),
    ...listOrder(q.listSort ?? 'newest'),
    offset,
    limit,
  })
}

/**
 * The first `limit` rows, in pages the API accepts, fetched side by side: a refetch after a
 * write keeps every row the person has scrolled through, not just the first page's worth.
 */
async function fetchHead(
  client: QuireClient,
  q: LibraryQuery,
  limit: number,
): Promise<{ items: LibraryItem[]; total: number; newestFirst: boolean }> {
  const offsets: number[] = []
  for (let offset = 0; offset < limit; offset += MAX_PAGE_SIZE) offsets.push(offset)
  const pages = await Promise.all(
    offsets.map((offset) => fetchPage(client, q, offset, Math.min(MAX_PAGE_SIZE, limit - offset))),
  )
  // A write between two pages can repeat a row at their seam; keep its first appearance.
  const seen = new Set<string>()
  const items = pages.flatMap((p) => p.items).filter((a) => !seen.has(a.id) && seen.add(a.id))
  return {
    items,
    total: pages[pages.length - 1]?.total ?? 0,
    newestFirst: pages[0]?.orderedBy === 'newest',
  }
}

export function useLibrary(client: QuireClient, query: LibraryQuery, revision: number): Library {
  const { view, tag, search, sort, listSort, status: readStatus } = query
  const searching = Boolean(search?.trim())
  const key = JSON.stringify([
    view,
    tag ?? '',
    readStatus ?? '',
    searching ? search : '',
    searching ? sort : (listSort ?? 'newest'),
  ])
  const [loaded, setLoaded] = useState<Loaded>({
    key: '',
    searching: false,
    items: [],
    total: 0,
  })
  const [loadingMore, setLoadingMore] = useState(false)
  // Every fresh fetch takes a new sequence number; answers to older ones are dropped.
  const seq = useRef(0)
  const latest = useRef(loaded)
  useEffect(() => {
    latest.current = loaded
  }, [loaded])

  const fetchFirst = useCallback(() => {
    const mine = ++seq.current
    const q = { view, tag, search, sort, listSort, status: readStatus }
    const have = latest.current.key === key ? latest.current.items.length : 0
    fetchHead(client, q, Math.max(PAGE_SIZE, have)).then(
      (page) => {
        if (mine !== seq.current) return
        setLoaded({
          key,
          searching,
          items: page.items,
          total: page.total,
          newestFirst: page.newestFirst,
        })
        setLoadingMore(false)
      },
      (err: unknown) => {
        if (mine !== seq.current) return
        const action = searching ? 'search the archive' : 'load the library'
        setLoaded({
          key,
          searching,
          items: [],
          total: 0,
          error: describeError(action, err),
          invalid: searching ? invalidQuery(err) : undefined,
        })
        setLoadingMore(false)
      },
    )
  }, [client, key, view, tag, search, sort, listSort, readStatus, searching])

  // A new query fetches its first page; a new revision refetches what is loaded, in place.
  useEffect(() => fetchFirst(), [fetchFirst, revision])

  const current = loaded.key === key
  // While the next search runs, the previous results stay, so typing does not flash the list.
  const carried = !current && searching && loaded.searching && !loaded.error
  const items = current || carried ? loaded.items : NOTHING
  const total = current || carried ? loaded.total : 0
  const status: Library['status'] = !current ? 'loading' : loaded.error ? 'error' : 'ready'
  const hasMore = status === 'ready' && items.length < total

  const loadMore = useCallback(() => {
    if (!hasMore || loadingMore) return
    const mine = seq.current
    setLoadingMore(true)
    const limit = nextPageSize(items.length)
    fetchPage(
      client,
      { view, tag, search, sort, listSort, status: readStatus },
      items.length,
      limit,
    ).then(
      (page) => {
        if (mine !== seq.current) return
        setLoaded((prev) => {
          if (prev.key !== key) return prev
          const seen = new Set(prev.items.map((a) => a.id))
          const more = page.items.filter((a) => !seen.has(a.id))
          return { ...prev, items: [...prev.items, ...more], total: page.total }
        })
        setLoadingMore(false)
      },
      () => {
        // The list asks again when it next scrolls near the end.
        if (mine === seq.current) setLoadingMore(false)
      },
    )
  }, [
    client,
    key,
    view,
    tag,
    search,
    sort,
    listSort,
    readStatus,
    items.length,
    hasMore,
    loadingMore,
  ])

  const patch = useCallback((id: string, changes: Partial<ArticleSummary>) => {
    setLoaded((prev) => ({
      ...prev,
      items: prev.items.map((a) => (a.id === id ? { ...a, ...changes } : a)),
    }))
  }, [])

  const remove = useCallback((id: string) => {
    setLoaded((prev) => {
      const items = prev.items.filter((a) => a.id !== id)
      if (items.length === prev.items.length) return prev
      return { ...prev, items, total: Math.max(0, prev.total - 1) }
    })
  }, [])

  return {
    items,
    total,
    status,
    error: current ? loaded.error : undefined,
    invalid: current ? loaded.invalid : undefined,
    hasMore,
    loadingMore,
    newestFirst: (current || carried) && loaded.newestFirst === true,
    loadMore,
    patch,
    remove,
  }
}
