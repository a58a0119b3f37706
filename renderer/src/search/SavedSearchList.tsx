// The sidebar's saved searches: click one to run it; its ⋯ button (or a right-click) opens a
// small menu to rename or delete it.
import type { SavedSearch } from '../../../shared/model.ts'
import { Menu, MenuItem, openMenu } from '../ui/Menu.tsx'
import { Icon } from '../ui/Icon.tsx'

interface Props {
  searches: SavedSearch[]
  currentId: string | undefined
  onRun(saved: SavedSearch): void
  onRename(saved: SavedSearch): void
  onDelete(saved: SavedSearch): void
}

export function SavedSearchList({ searches, currentId, onRun, onRename, onDelete }: Props) {
  return (
    <div className="nav-section">
      <h2 className="nav-heading" id="saved-searches-heading">
        Saved searches
      </h2>
      {searches.length === 0 ? (
        <p className="nav-empty">Searches you save appear here.</p>
      ) : (
        <ul className="nav-list" aria-labelledby="saved-searches-heading">
          {searches.map((s) => (
            <SavedSearchItem
              key={s.id}
              saved={s}
              current={s.id === currentId}
              onRun={onRun}
              onRename={onRename}
              onDelete={onDelete}
            />
          ))}
        </ul>
      )}
    </div>
  )
}

interface ItemProps extends Omit<Props, 'searches' | 'currentId'> {
  saved: SavedSearch
  current: boolean
}

function SavedSearchItem({ saved, current, onRun, onRename, onDelete }: ItemProps) {
  const menuId = `saved-search-menu-${saved.id}`
  return (
    <li
      className="saved-search"
      style={{ '--menu-anchor': `--saved-search-${saved.id}` }}
      onContextMenu={(e) => {
        e.preventDefault()
        openMenu(menuId)
      }}
    >
      <button
        type="button"
        className="nav-item"
        aria-current={current ? 'page' : undefined}
        title={saved.query}
        onClick={() => onRun(saved)}
      >
        <Icon name="search" size={16} />
        <span className="nav-label">{saved.name}</span>
      </button>
      <Menu
        id={menuId}
        label={saved.name}
        trigger={{
          className: 'saved-search-more',
          'aria-label': `More for ${saved.name}`,
          title: 'Rename or delete',
          children: <Icon name="more" size={16} />,
        }}
      >
        <MenuItem icon="edit" onSelect={() => onRename(saved)}>
          Rename…
        </MenuItem>
        <MenuItem icon="trash" danger onSelect={() => onDelete(saved)}>
          Delete
        </MenuItem>
      </Menu>
    </li>
  )
}
