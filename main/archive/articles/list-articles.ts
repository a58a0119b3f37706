// Filtering, sorting and paging of the library list. Pure: takes records, returns a page.
import type { ArticlePage, ListQuerySchema } from '../../../shared/api.ts'
import type { Article } from '../../../shared/model.ts'
import { isInView, toSummary } from '../../../shared/library-view.ts'
import { hostOf } from '../../../shared/search/matcher.ts'
import { foldText } from '../../../shared/search/normalize.ts'
import type { z } from 'zod'

type ParsedListQuery = z.output<typeof ListQuerySchema>

export function listArticles(records: Iterable<Article>, q: ParsedListQuery): ArticlePage {
  const text = q.text?.trim().toLocaleLowerCase()
  const matches: Article[] = []
  for (const a of records) {
    if (!isInView(a, q.view)) continue
    if (q.status && a.status !== q.status) continue
    if (q.tag && !hasTag(a, q.tag)) continue
    if (text && !matchesText(a, text)) continue
    matches.push(a)
  }
  const page = firstK(matches, q.offset + q.limit, comparator(q.sort, q.order)).slice(q.offset)
  return {
    items: page.map(toSummary),
    total: matches.length,
    offset: q.offset,
  }
}

/**
 * The first `k` items in `compare` order: items.sort(compare).slice(0, k) without sorting all
 * of them. A library page needs 100 of up to 100k records; sorting them all was most of the
 * time to the first page of a large archive. `compare` must be a total order (ties by id).
 */
export function firstK<T>(items: T[], k: number, compare: (a: T, b: T) => number): T[] {
  if (k * 8 >= items.length) return items.sort(compare).slice(0, k)
  const top: T[] = []
  for (const x of items) {
    if (top.length === k && compare(x, top[k - 1]!) >= 0) continue
    let lo = 0
    let hi = top.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (compare(top[mid]!, x) <= 0) lo = mid + 1
      else hi = mid
    }
    top.splice(lo, 0, x)
    if (top.length > k) top.pop()
  }
  return top
}

/** A tag filter also matches nested tags: `region` matches `region/gaza`. */
function hasTag(a: Article, tag: string): boolean {
  return a.tags.some((t) => t === tag || t.startsWith(`${tag}/`))
}

function matchesText(a: Article, needle: string): boolean {
  const hay = [a.title, a.subtitle ?? '', a.source ?? '', ...a.authors].join('\n')
  return hay.toLocaleLowerCase().includes(needle)
}

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true })

/**
 * The source as the search index's `source` column holds it (main/archive/search/index-doc.ts),
 * so a list served by the scan and one served by the index come in the same order.
 */
export function sourceSortKey(a: Article): string {
  return `${foldText(a.source ?? '')}\n${a.url ? hostOf(a.url) : ''}`
}

function comparator(sort: ParsedListQuery['sort'], order: ParsedListQuery['order']) {
  const sign = order === 'asc' ? 1 : -1
  // Folding is not free: work each article's key out once, not once per comparison.
  const sourceKeys = new Map<string, string>()
  const sourceOf = (a: Article): string => {
    let key = sourceKeys.get(a.id)
    if (key === undefined) sourceKeys.set(a.id, (key = sourceSortKey(a)))
    return key
  }
  return (a: Article, b: Article): number => {
    // Undated articles last in either direction: their import day is no publication day.
    if (sort === 'published' && !a.publishedAt !== !b.publishedAt) return a.publishedAt ? -1 : 1
    let c: number
    if (sort === 'title') c = collator.compare(a.title, b.title)
    else if (sort === 'source') c = cmp(sourceOf(a), sourceOf(b))
    else if (sort === 'readingTime') c = a.wordCount - b.wordCount
    else if (sort === 'published') c = cmp(a.publishedAt ?? '', b.publishedAt ?? '')
    else c = cmp(a.importedAt, b.importedAt)
    return c !== 0 ? sign * c : cmp(a.id, b.id)
  }
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
