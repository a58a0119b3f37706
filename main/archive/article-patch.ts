// One article edited through 'articles:update': user state and metadata, without I/O.
import type { ArticlePatch } from '../../shared/api.ts'
import type { Article } from '../../shared/model.ts'
import { applyMetadata } from './tag-edits.ts'

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
