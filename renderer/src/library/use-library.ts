// The middle column's data: one query (view, tag, text) paged from 'articles:list', with
// load-more on scroll, a refetch when the archive changes, and local patches after writes.
import { useCallback, useEffect, useRef, useState } from 'react'
import { MAX_PAGE_SIZE, type LibraryView, type QuireClient } from '../../../shared/api.ts'
import type { ArticleSummary } from '../../../shared/model.ts'
import { describeError } from '../api/describe-error.ts'

export const PAGE_SIZE = 60

export interface LibraryQuery {
  view: LibraryView
  tag?: string | undefined
  text?: string | undefined
}

export interface Library {
  items: ArticleSummary[]
  total: number
  status: 'loading' | 'ready' | 'error'
  error?: string | undefined
  hasMore: boolean
  loadingMore: boolean
  loadMore(): void
  patch(id: string, changes: Partial<ArticleSummary>): void
  remove(id: string): void
}

/** What has been loaded, and for which query; a different query means nothing is loaded yet. */
interface Loaded {
  key: string
  items: ArticleSummary[]
  total: number
  error?: string | undefined
}

const NOTHING: ArticleSummary[] = []

function toListInput(q: LibraryQuery, offset: number, limit: number) {
  return {
    view: q.view,
    ...(q.tag ? { tag: q.tag } : {}),
    ...(q.text?.trim() ? { text: q.text.trim() } : {}),
    offset,
    limit,
  }
}

export function useLibrary(client: QuireClient, query: LibraryQuery, revision: number): Library {
  const { view, tag, text } = query
  const key = JSON.stringify([view, tag ?? '', text?.trim() ?? ''])
  const [loaded, setLoaded] = useState<Loaded>({ key: '', items: [], total: 0 })
  const [loadingMore, setLoadingMore] = useState(false)
  // Every fresh fetch takes a new sequence number; answers to older ones are dropped.
  const seq = useRef(0)
  const latest = useRef(loaded)
  useEffect(() => {
    latest.current = loaded
  }, [loaded])

  const fetchFirst = useCallback(() => {
    const mine = ++seq.current
    const q = { view, tag, text }
    const have = latest.current.key === key ? latest.current.items.length : 0
    const limit = Math.min(MAX_PAGE_SIZE, Math.max(PAGE_SIZE, have))
    client.call('articles:list', toListInput(q, 0, limit)).then(
      (page) => {
        if (mine !== seq.current) return
        setLoaded({ key, items: page.items, total: page.total })
        setLoadingMore(false)
      },
      (err: unknown) => {
        if (mine !== seq.current) return
        setLoaded({ key, items: [], total: 0, error: describeError('load the library', err) })
        setLoadingMore(false)
      },
    )
  }, [client, key, view, tag, text])

  // A new query fetches its first page; a new revision refetches what is loaded, in place.
  useEffect(() => fetchFirst(), [fetchFirst, revision])

  const current = loaded.key === key
  const items = current ? loaded.items : NOTHING
  const total = current ? loaded.total : 0
  const status: Library['status'] = !current ? 'loading' : loaded.error ? 'error' : 'ready'
  const hasMore = status === 'ready' && items.length < total

  const loadMore = useCallback(() => {
    if (!hasMore || loadingMore) return
    const mine = seq.current
    setLoadingMore(true)
    client.call('articles:list', toListInput({ view, tag, text }, items.length, PAGE_SIZE)).then(
      (page) => {
        if (mine !== seq.current) return
        setLoaded((prev) => {
          if (prev.key !== key) return prev
          const seen = new Set(prev.items.map((a) => a.id))
          const more = page.items.filter((a) => !seen.has(a.id))
          return { key, items: [...prev.items, ...more], total: page.total }
        })
        setLoadingMore(false)
      },
      () => {
        // The sentinel asks again when it next scrolls into view.
        if (mine === seq.current) setLoadingMore(false)
      },
    )
  }, [client, key, view, tag, text, items.length, hasMore, loadingMore])

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
    hasMore,
    loadingMore,
    loadMore,
    patch,
    remove,
  }
}
