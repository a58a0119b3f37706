// Which library view an article belongs in, and its list-row form: one rule for the
// archive's own listing and for the UI, which moves rows the moment a write lands.
import type { LibraryView } from './api.ts'
import type { Article, ArticleSummary } from './model.ts'

type ViewFields = Pick<ArticleSummary, 'archivedAt' | 'deletedAt' | 'favorite' | 'kind'>

export function isInView(a: ViewFields, view: LibraryView): boolean {
  if (view === 'trash') return a.deletedAt !== null
  if (a.deletedAt !== null) return false
  if (view === 'archived') return a.archivedAt !== null
  if (view === 'inbox') return a.archivedAt === null
  if (view === 'favorites') return a.favorite
  if (view === 'books') return a.kind === 'book'
  return true
}

/** The list row's fields from a full record: no annotation bodies or note, just a count. */
export function toSummary(article: Article): ArticleSummary {
  const { annotations, note: _note, ...rest } = article
  return { ...rest, annotationCount: annotations.length }
}
