// The left column: the wordmark, Import, the library views with counts, saved searches, tags,
// the theme and the gear that opens Settings. The middle scrolls; the top and the bottom (theme,
// Settings) stay in view at any window height. In a narrow window it sits in a drawer.
import type { LibraryView } from '../../../shared/api.ts'
import type { ReadStatus, SavedSearch, TagWithCount } from '../../../shared/model.ts'
import { type ViewCounts, VIEWS, SidebarFilters } from '../library/index.ts'
import { type ThemeChoice, ThemeSwitch } from '../settings/index.ts'
import { Icon, type IconName } from '../ui/Icon.tsx'
import { IconButton } from '../ui/Button.tsx'
import { ImportButton } from '../import/index.ts'
import { SavedSearchList } from '../search/index.ts'
import { TagTree, tagTree } from '../tags/index.ts'
import { Wordmark } from './Wordmark.tsx'
import { FeedsNavItem } from '../feeds/index.ts'
import { NotebookNavItem } from '../notebook/index.ts'

const VIEW_ICONS: Record<LibraryView, IconName> = {
  inbox: 'inbox',
  all: 'layers',
  favorites: 'star',
  books: 'book',
  archived: 'archive',
  trash: 'trash',
}

interface Props {
  view: LibraryView
  tag: string | undefined
  counts: ViewCounts
  tags: TagWithCount[]
  savedSearches: SavedSearch[]
  /** The saved search the list is showing, which then stands in for the view. */
  savedSearchId: string | undefined
  /** The Filters group's reading status, the list's sources and the running query. */
  status: ReadStatus | undefined
  sources: readonly string[]
  query: string
  archiveName: string | undefined
  /** Where the archive folder is, for the tooltip beside its name. */
  archiveLocation: string | undefined
  importing: boolean
  theme: ThemeChoice
  onView(view: LibraryView): void
  onTag(tag: string): void
  onStatus(status: ReadStatus | undefined): void
  /** Runs a query built by the Filters group, as a saved search runs. */
  onFilterQuery(query: string): void
  onManageTags(): void
  onSavedSearch(saved: SavedSearch): void
  onRenameSavedSearch(saved: SavedSearch): void
  onDeleteSavedSearch(saved: SavedSearch): void
  onImport(files: File[]): void
  onTheme(choice: ThemeChoice): void
  onSettings(): void
  /** Given in the drawer: the ✕ that closes it. */
  onClose?: (() => void) | undefined
}

export function Sidebar(props: Props) {
  const { view, tag, counts, tags, savedSearchId } = props
  return (
    <nav className="sidebar" aria-label="Library">
      <div className="sidebar-top">
        <div className="sidebar-title">
          <Wordmark />
          {props.onClose && (
            <IconButton
              icon="close"
              size={16}
              label="Close the sidebar"
              title="Close (Esc)"
              onClick={props.onClose}
            />
          )}
        </div>
        <ImportButton onFiles={props.onImport} busy={props.importing} />
      </div>
      <div className="sidebar-scroll">
        <ul className="nav-list">
          {VIEWS.map((v) => {
            const current = !tag && !savedSearchId && view === v.id
            const count = counts[v.id]
            return (
              <li key={v.id}>
                <button
                  type="button"
                  className="nav-item"
                  aria-current={current ? 'page' : undefined}
                  aria-label={count ? `${v.label}, ${count} articles` : v.label}
                  title={v.label}
                  onClick={() => props.onView(v.id)}
                >
                  <Icon name={VIEW_ICONS[v.id]} size={17} />
                  <span className="nav-label">{v.label}</span>
                  {count !== undefined && count > 0 && (
                    <span className="nav-count">{count.toLocaleString()}</span>
                  )}
                </button>
              </li>
            )
          })}
        </ul>
        <FeedsNavItem />
        <NotebookNavItem />
        <SidebarFilters
          status={props.status}
          sources={props.sources}
          query={props.query}
          onStatus={props.onStatus}
          onQuery={props.onFilterQuery}
        />
        <SavedSearchList
          searches={props.savedSearches}
          currentId={savedSearchId}
          onRun={props.onSavedSearch}
          onRename={props.onRenameSavedSearch}
          onDelete={props.onDeleteSavedSearch}
        />
        <div className="nav-section">
          <div className="nav-heading-row">
            <h2 className="nav-heading">Tags</h2>
            <button
              type="button"
              className="icon-button nav-heading-action"
              aria-label="Manage tags"
              title="Manage tags"
              onClick={props.onManageTags}
            >
              <Icon name="sliders" size={14} />
            </button>
          </div>
          {tags.length === 0 ? (
            <p className="nav-empty">Tags you add to articles appear here.</p>
          ) : (
            <TagTree nodes={tagTree(tags)} current={tag} onTag={props.onTag} />
          )}
        </div>
      </div>
      <div className="sidebar-bottom">
        {props.archiveName && (
          <p
            className="archive-name"
            title={`Archive folder: ${props.archiveLocation ?? props.archiveName}`}
            data-testid="sidebar-archive"
          >
            <Icon name="folder" size={14} />
            {/* Cut at its start when long, so the folder's own name stays in view (sidebar.css);
                the marks keep the path's slashes in order inside that right-to-left box. */}
            <span className="archive-name-text">
              {`\u200e${props.archiveLocation ?? props.archiveName}\u200e`}
            </span>
          </p>
        )}
        <div className="sidebar-bottom-controls">
          <ThemeSwitch choice={props.theme} onChange={props.onTheme} />
          <button
            type="button"
            className="icon-button sidebar-settings"
            aria-label="Settings"
            aria-haspopup="dialog"
            aria-keyshortcuts="Control+Comma Meta+Comma"
            title="Settings (⌘/Ctrl ,)"
            onClick={props.onSettings}
          >
            <Icon name="gear" size={16} />
          </button>
        </div>
      </div>
    </nav>
  )
}
