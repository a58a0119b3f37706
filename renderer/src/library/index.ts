// The library: the article list with its views, selection, bulk actions and filters.
// Its public API: other features and app/ import from this file only (eslint.config.js).
export { BulkBar } from './BulkBar.tsx'
export { LibraryEmpty } from './LibraryEmpty.tsx'
export { LibraryPane } from './LibraryPane.tsx'
export { SidebarFilters } from './SidebarFilters.tsx'
export { toSummary } from './in-view.ts'
export { LIST_SORTS, SHARED_SORTS, type ListSortId } from './list-sort.ts'
export { useArticleActions, type ArticleActions } from './use-article-actions.ts'
export { useBulkActions } from './use-bulk-actions.ts'
export { useLibrary } from './use-library.ts'
export { useSelection } from './use-selection.ts'
export { useViewCounts, type ViewCounts } from './use-view-counts.ts'
export { viewInfo, VIEWS } from './views.ts'
