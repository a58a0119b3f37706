// Articles edited through 'articles:update' (one, user state and metadata) and
// 'articles:bulkUpdate' (many, tags and user state), without I/O.
import type { ArticlePatch, BulkChange } from '../../../shared/api.ts'
import type { Article } from '../../../shared/model.ts'

export function patchedArticle(current: Article, patch: ArticlePatch, now: string): Article {
  const next: Article = { ...current, updatedAt: now }
  if (patch.title !== undefined) next.title = patch.title
  if (patch.tags !== undefined) next.tags = [...new Set(patch.tags)]
  if (patch.status !== undefined) next.status = patch.status
  if (patch.progress !== undefined) next.progress = patch.progress
  if (patch.favorite !== undefined) next.favorite = patch.favorite
  if (patch.archived !== undefined) {
    // Archiving twice keeps the first date; un-archiving clears it.
    next.archivedAt = patch.archived ? (current.archivedAt ?? now) : null
  }
  applyMetadata(next, patch)
  return next
}

/** One bulk change applied to one article, or null when it already matched. */
export function applyBulk(a: Article, change: BulkChange, now: string): Article | null {
  const remove = new Set(change.removeTags ?? [])
  const tags = [...new Set([...a.tags.filter((t) => !remove.has(t)), ...(change.addTags ?? [])])]
  const next: Article = { ...a, tags }
  if (change.status !== undefined) next.status = change.status
  if (change.favorite !== undefined) next.favorite = change.favorite
  if (change.archived !== undefined) {
    next.archivedAt = change.archived ? (a.archivedAt ?? now) : null
  }
  const same =
    tags.length === a.tags.length &&
    tags.every((t, i) => t === a.tags[i]) &&
    next.status === a.status &&
    next.favorite === a.favorite &&
    next.archivedAt === a.archivedAt
  return same ? null : { ...next, updatedAt: now }
}

/** Metadata fields of a patch applied to a copy of the article; empty values clear. */
export function applyMetadata(next: Article, patch: ArticlePatch): void {
  if (patch.authors !== undefined) next.authors = [...new Set(patch.authors)]
  for (const key of ['subtitle', 'source', 'publishedAt', 'url'] as const) {
    const value = patch[key]
    if (value === undefined) continue
    if (value === null || value === '') delete next[key]
    else next[key] = value
  }
}
