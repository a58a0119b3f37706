// Search: the box with its chips, help and sort, and saved searches.
// Its public API: other features and app/ import from this file only (eslint.config.js).
export { SaveSearchDialog, type NamingTarget } from './SaveSearchDialog.tsx'
export { SavedSearchList } from './SavedSearchList.tsx'
export { SearchPanel } from './SearchPanel.tsx'
export { invalidQuery } from './invalid-query.ts'
export { withStatus, withTag, isSameQuery } from './query-text.ts'
export { searchOrder, type SearchSortId } from './search-sort.ts'
export { snippetParts } from './snippet.ts'
export { useIndexStatus } from './use-index-status.ts'
export { useSavedSearches } from './use-saved-searches.ts'
export { useSearch } from './use-search.ts'
export { hasNarrowerScope, searchPlace, type SearchScope } from './search-scope.ts'
export { useScopeCounts, type ScopeCounts } from './use-scope-counts.ts'
