// Whether an article belongs in a library view, mirroring the archive's own rule, so the UI
// can take an article out of the list the moment a write moves it elsewhere.
import type { LibraryView } from '../../../shared/api.ts'
import type { Article, ArticleSummary } from '../../../shared/model.ts'

type ViewFields = Pick<ArticleSummary, 'archivedAt' | 'deletedAt' | 'favorite'>

export function isInView(a: ViewFields, view: LibraryView): boolean {
  if (view === 'trash') return a.deletedAt !== null
  if (a.deletedAt !== null) return false
  if (view === 'archived') return a.archivedAt !== null
  if (view === 'inbox') return a.archivedAt === null
  if (view === 'favorites') return a.favorite
  return true
}

/** The list row's fields from a full record (what 'articles:update' answers with). */
export function toSummary(article: Article): ArticleSummary {
  const { annotations, note: _note, ...rest } = article
  return { ...rest, annotationCount: annotations.length }
}
