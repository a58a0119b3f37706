// The notebook's data: a page of annotations for the current filters, more on demand, fetched
// again when the filters or the archive change. The text filter waits for typing to pause.
import { useCallback, useEffect, useRef, useState } from 'react'
import type { NotebookItem, NotebookPage, NotebookQuery, QuireClient } from '../../../shared/api.ts'
import { describeError } from '../api/describe-error.ts'

export type NotebookFilters = NonNullable<NotebookQuery['filters']>

export const PAGE_SIZE = 100
const TYPING_MS = 250

export interface Notebook {
  items: NotebookItem[]
  total: number
  /** Article notes listed (each one item, besides the `total` highlights). */
  notes: number
  articles: number
  facets: NotebookPage['facets']
  status: 'loading' | 'ready' | 'error'
  error: string | undefined
  loadMore(): void
}

/** Drops empty filters, so the contract never sees `text: ''` or a blank date. */
export function cleanFilters(f: NotebookFilters): NotebookFilters {
  const out: NotebookFilters = {}
  if (f.tag) out.tag = f.tag
  if (f.color) out.color = f.color
  if (f.source) out.source = f.source
  if (f.from) out.from = f.from
  if (f.to) out.to = f.to
  if (f.text?.trim()) out.text = f.text.trim()
  return out
}

export function useNotebook(
  client: QuireClient,
  filters: NotebookFilters,
  revision: number,
): Notebook {
  const [page, setPage] = useState<Omit<Notebook, 'loadMore'>>({
    items: [],
    total: 0,
    notes: 0,
    articles: 0,
    facets: { tags: [], sources: [] },
    status: 'loading',
    error: undefined,
  })
  const [debounced, setDebounced] = useState(filters)
  useEffect(() => {
    const wait = filters.text !== debounced.text ? TYPING_MS : 0
    const timer = window.setTimeout(() => setDebounced(filters), wait)
    return () => window.clearTimeout(timer)
  }, [filters, debounced.text])

  const key = JSON.stringify(cleanFilters(debounced))
  const request = useRef(0)
  const fetchPage = useCallback(
    (offset: number) => {
      const id = ++request.current
      const query = { filters: JSON.parse(key) as NotebookFilters, offset, limit: PAGE_SIZE }
      client.call('annotations:list', query).then(
        (p) => {
          if (id !== request.current) return
          setPage((prev) => ({
            items: offset === 0 ? p.items : [...prev.items, ...p.items],
            total: p.total,
            notes: p.notes,
            articles: p.articles,
            facets: p.facets,
            status: 'ready',
            error: undefined,
          }))
        },
        (err: unknown) => {
          if (id !== request.current) return
          setPage((prev) => ({
            ...prev,
            status: 'error',
            error: describeError('read the notebook', err),
          }))
        },
      )
    },
    [client, key],
  )

  useEffect(() => fetchPage(0), [fetchPage, revision])

  const loaded = page.items.length
  const loadMore = useCallback(() => {
    if (loaded < page.total + page.notes) fetchPage(loaded)
  }, [fetchPage, loaded, page.total, page.notes])

  return { ...page, loadMore }
}

/** Consecutive items of one article, as the notebook shows them. */
export function groupByArticle(
  items: readonly NotebookItem[],
): { articleId: string; title: string; source: string | undefined; items: NotebookItem[] }[] {
  const groups: ReturnType<typeof groupByArticle> = []
  for (const item of items) {
    const last = groups[groups.length - 1]
    if (last && last.articleId === item.articleId) last.items.push(item)
    else {
      groups.push({
        articleId: item.articleId,
        title: item.title,
        source: item.source,
        items: [item],
      })
    }
  }
  return groups
}
