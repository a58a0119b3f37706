// The sidebar's saved searches: click one to run it; its ⋯ button (or a right-click) opens a
// small menu to rename or delete it.
import { useRef } from 'react'
import type { SavedSearch } from '../../../shared/model.ts'
import { moveMenuFocus } from '../ui/menu-keys.ts'
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
  const menu = useRef<HTMLDivElement>(null)
  const menuId = `saved-search-menu-${saved.id}`
  const choose = (run: (s: SavedSearch) => void) => () => {
    menu.current?.hidePopover()
    run(saved)
  }
  return (
    <li
      className="saved-search"
      style={{ '--menu-anchor': `--saved-search-${saved.id}` }}
      onContextMenu={(e) => {
        e.preventDefault()
        menu.current?.showPopover()
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
      <button
        type="button"
        className="saved-search-more"
        popoverTarget={menuId}
        aria-haspopup="menu"
        aria-label={`More for ${saved.name}`}
        title="Rename or delete"
      >
        <Icon name="more" size={16} />
      </button>
      <div
        ref={menu}
        id={menuId}
        className="menu"
        popover="auto"
        role="menu"
        aria-label={saved.name}
        onToggle={(e) => {
          // Opening puts the keyboard on the first item, as a menu button's menu does.
          if (e.newState === 'open') moveMenuFocus(e.currentTarget, 'Home')
        }}
        onKeyDown={(e) => {
          if (moveMenuFocus(e.currentTarget, e.key)) e.preventDefault()
        }}
      >
        <button type="button" role="menuitem" className="menu-item" onClick={choose(onRename)}>
          <Icon name="edit" size={15} />
          Rename…
        </button>
        <button
          type="button"
          role="menuitem"
          className="menu-item menu-item-danger"
          onClick={choose(onDelete)}
        >
          <Icon name="trash" size={15} />
          Delete
        </button>
      </div>
    </li>
  )
}
