// Everything search in the library header: the box, the chips of the parsed query, and while a
// query runs, the order of the results and the Save search button.
import type { RefObject } from 'react'
import type { IndexStatus } from './use-index-status.ts'
import type { Search } from './use-search.ts'
import type { ParseError } from '../../../shared/search/parser.ts'
import { ExportButton } from '../export/index.ts'
import { Icon } from '../ui/Icon.tsx'
import { QueryChips } from './QueryChips.tsx'
import { SearchField } from './SearchField.tsx'
import { SortMenu } from '../ui/SortMenu.tsx'
import { SEARCH_SORTS } from './search-sort.ts'
import { Button } from '../ui/Button.tsx'
import { SearchScope } from './SearchScope.tsx'
import type { ScopeCounts } from './use-scope-counts.ts'

interface Props {
  search: Search
  /** The archive's refusal of the running query, shown like a parse error. */
  refused: ParseError | undefined
  index: IndexStatus
  /** The saved search the running query already is, if any. */
  savedName: string | undefined
  /** The results came newest first: relevance cannot rank words found in most articles. */
  newestFirst?: boolean
  /** Offered when the search started from a view or tag narrower than everywhere. */
  scope?: { counts: ScopeCounts; hereLabel: string } | undefined
  inputRef: RefObject<HTMLInputElement | null>
  onEscape(): void
  onLeave(): void
  onSave(): void
}

export function SearchPanel(props: Props) {
  const { search, refused, savedName } = props
  // The archive's verdict only counts for the text it was given.
  const error = search.error ?? (refused && search.query === search.text ? refused : undefined)
  const running = search.query.trim() !== ''
  return (
    <div className="search-panel">
      <SearchField
        text={search.text}
        error={error}
        index={props.index}
        inputRef={props.inputRef}
        onText={search.setText}
        onEscape={props.onEscape}
        onLeave={props.onLeave}
      />
      {!error && (
        <QueryChips chips={search.chips} source={search.text} onRemove={search.removeChip} />
      )}
      {running && props.scope && (
        <SearchScope
          scope={search.scope}
          counts={props.scope.counts}
          hereLabel={props.scope.hereLabel}
          onScope={search.setScope}
        />
      )}
      {running && (
        <div className="search-toolbar">
          <SortMenu
            options={SEARCH_SORTS}
            sort={search.sort}
            menuId="search-sort-menu"
            onSort={search.setSort}
          />
          {savedName !== undefined ? (
            <span className="search-saved" title={`Saved as “${savedName}”`}>
              <Icon name="bookmark" size={14} filled />
              Saved
            </span>
          ) : (
            <Button className="search-save" disabled={Boolean(error)} onClick={props.onSave}>
              <Icon name="bookmark" size={14} />
              <span>Save search</span>
            </Button>
          )}
          {!error && (
            <ExportButton
              selection={{ kind: 'search', query: search.query }}
              label={`Search results for “${search.query}”`}
              text="Export"
              name="Export these results"
              noIcon
            />
          )}
        </div>
      )}
      {running && props.newestFirst && (
        <p
          className="search-note"
          data-testid="search-newest-note"
          title="Relevance cannot tell articles apart by words that most of them contain"
        >
          Common words: newest first
        </p>
      )}
    </div>
  )
}
