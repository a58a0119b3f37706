// The notebook: every annotation and article note in the archive, filtered and grouped by
// article, a page at a time, from one scan of the in-memory catalog (no body is read, so no
// re-anchoring here). The same groups are what a notebook export writes.
import type { z } from 'zod'
import type { NotebookItem, NotebookPage, NotebookQuerySchema } from '../../../shared/api.ts'
import { compareLocations } from '../../../shared/book.ts'
import type { Annotation, Article } from '../../../shared/model.ts'

type Query = z.output<typeof NotebookQuerySchema>
type Filters = Query['filters']

/**
 * The page of `query` over `articles`. Articles come newest annotation first; within one, its
 * own note first (when it has one and the filters allow it), then its annotations in text
 * order (by their stored position). Trashed articles are left out.
 */
export function listAnnotations(articles: Iterable<Article>, query: Query): NotebookPage {
  const tags = new Set<string>()
  const sources = new Set<string>()
  const groups = notebookGroups(articles, query.filters, (article) => {
    for (const a of article.annotations) for (const t of a.tags) tags.add(t)
    if (article.source) sources.add(article.source)
  })
  let total = 0
  let notes = 0
  for (const g of groups) {
    total += g.annotations.length
    if (g.note) notes++
  }
  const end = query.offset + query.limit
  const items: NotebookItem[] = []
  let seen = 0
  // Every group holds at least one item, so the first `end` groups cover the page.
  for (const g of firstGroups(groups, end)) {
    const size = g.annotations.length + (g.note ? 1 : 0)
    if (seen + size <= query.offset) {
      seen += size
      continue
    }
    if (g.note) {
      if (seen >= query.offset && seen < end) items.push(noteItemOf(g.article))
      seen++
    }
    const ordered = [...g.annotations].sort(
      (x, y) =>
        x.target.position.start - y.target.position.start ||
        compareLocations(x.target.location, y.target.location) ||
        cmp(x.id, y.id),
    )
    for (const annotation of ordered) {
      if (seen >= query.offset && seen < end) items.push(itemOf(g.article, annotation))
      seen++
    }
    if (seen >= end) break
  }
  return {
    items,
    total,
    notes,
    articles: groups.length,
    offset: query.offset,
    facets: { tags: sorted(tags), sources: sorted(sources) },
  }
}

/**
 * What the notebook shows for `filters`: per article, its matching annotations and whether
 * its note shows (a note has no colour or tag, so a colour or tag filter leaves notes out).
 * `visit` sees every article with annotations or a note (for the filters' choices).
 */
export function notebookGroups(
  articles: Iterable<Article>,
  filters: Filters,
  visit?: (article: Article) => void,
): Group[] {
  const match = matcher(filters)
  const matchNote = noteMatcher(filters)
  const unfiltered = Object.values(filters).every((v) => v === undefined || v === '')
  const groups: Group[] = []
  for (const article of articles) {
    const hasNote = article.note.trim() !== ''
    if (article.deletedAt !== null || (article.annotations.length === 0 && !hasNote)) continue
    visit?.(article)
    const hits = unfiltered
      ? article.annotations
      : article.annotations.filter((a) => match(article, a))
    const note = hasNote && matchNote(article)
    if (hits.length === 0 && !note) continue
    let latest = note ? article.updatedAt : ''
    for (const a of hits) if (a.createdAt > latest) latest = a.createdAt
    groups.push({ article, annotations: hits, note, latest })
  }
  return groups
}

export type Group = { article: Article; annotations: Annotation[]; note: boolean; latest: string }

const byLatest = (x: Group, y: Group) => cmp(y.latest, x.latest) || cmp(x.article.id, y.article.id)

/**
 * The first `k` groups in notebook order. An early page (the usual case) keeps a small sorted
 * buffer instead of sorting every group: at 100k articles, the sort was most of the scan.
 */
function firstGroups(groups: Group[], k: number): Group[] {
  if (k * 8 >= groups.length) return groups.sort(byLatest)
  const top: Group[] = []
  for (const g of groups) {
    if (top.length === k && byLatest(g, top[k - 1]!) >= 0) continue
    let lo = 0
    let hi = top.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (byLatest(top[mid]!, g) <= 0) lo = mid + 1
      else hi = mid
    }
    top.splice(lo, 0, g)
    if (top.length > k) top.pop()
  }
  return top
}

function noteItemOf(article: Article): NotebookItem {
  return {
    articleId: article.id,
    title: article.title,
    ...(article.source ? { source: article.source } : {}),
    note: article.note,
  }
}

function itemOf(article: Article, annotation: Annotation): NotebookItem {
  return {
    articleId: article.id,
    title: article.title,
    ...(article.source ? { source: article.source } : {}),
    annotation,
  }
}

/** Whether an article's own note shows under `f`: no colour or tag filter, the rest apply. */
function noteMatcher(f: Filters): (article: Article) => boolean {
  const text = f.text?.trim().toLowerCase() ?? ''
  const source = f.source?.trim().toLowerCase() ?? ''
  const from = f.from ?? ''
  const to = f.to ? `${f.to}T23:59:59.999Z` : ''
  return (article) => {
    if (f.color || f.tag) return false
    if (source && (article.source ?? '').toLowerCase() !== source) return false
    if (from && article.updatedAt < from) return false
    if (to && article.updatedAt > to) return false
    if (text) {
      return article.note.toLowerCase().includes(text) || article.title.toLowerCase().includes(text)
    }
    return true
  }
}

/** One predicate for all filters; the text filter is folded to lower case once. */
function matcher(f: Filters): (article: Article, a: Annotation) => boolean {
  const text = f.text?.trim().toLowerCase() ?? ''
  const source = f.source?.trim().toLowerCase() ?? ''
  // Dates compare as ISO strings: the `to` day runs to its last millisecond.
  const from = f.from ?? ''
  const to = f.to ? `${f.to}T23:59:59.999Z` : ''
  const tag = f.tag
  return (article, a) => {
    if (f.color && a.color !== f.color) return false
    if (tag && !a.tags.some((t) => t === tag || t.startsWith(`${tag}/`))) return false
    if (source && (article.source ?? '').toLowerCase() !== source) return false
    if (from && a.createdAt < from) return false
    if (to && a.createdAt > to) return false
    if (text) {
      return (
        a.target.quote.exact.toLowerCase().includes(text) ||
        a.note.toLowerCase().includes(text) ||
        article.title.toLowerCase().includes(text)
      )
    }
    return true
  }
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

function sorted(set: Set<string>): string[] {
  return [...set].sort((a, b) => a.localeCompare(b))
}
