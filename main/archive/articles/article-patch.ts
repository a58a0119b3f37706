// Articles edited through 'articles:update' (one, user state and metadata) and
// 'articles:bulkUpdate' (many, tags and user state), without I/O.
import type { ArticlePatch, BulkChange } from '../../../shared/api.ts'
import type { Article, EditableField } from '../../../shared/model.ts'

export function patchedArticle(current: Article, patch: ArticlePatch, now: string): Article {
  const next: Article = { ...current, updatedAt: now }
  if (patch.title !== undefined && patch.title !== current.title) {
    next.title = patch.title
    // Remembered so re-extraction keeps the title the user chose.
    next.edited = [...new Set([...(current.edited ?? []), 'title' as const])]
  }
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

/**
 * Metadata fields of a patch applied to a copy of the article; empty values clear. Each field
 * changed is remembered as edited by hand, so re-extraction leaves it as the user set it.
 */
export function applyMetadata(next: Article, patch: ArticlePatch): void {
  const edited = new Set<EditableField>(next.edited ?? [])
  if (patch.authors !== undefined) {
    const authors = [...new Set(patch.authors)]
    if (authors.join('\u0000') !== next.authors.join('\u0000')) edited.add('authors')
    next.authors = authors
  }
  for (const key of ['subtitle', 'source', 'publishedAt', 'url'] as const) {
    const value = patch[key]
    if (value === undefined) continue
    if ((value ?? '') !== (next[key] ?? '')) edited.add(key)
    if (value === null || value === '') delete next[key]
    else next[key] = value
  }
  if (edited.size > (next.edited?.length ?? 0)) next.edited = [...edited]
}
