// The order of search results (Relevance, Newest, Published, Title) as a menu button, so the
// choice reads as a sentence: "Sort by Relevance".
import { useRef } from 'react'
import { SEARCH_SORTS, type SearchSortId } from '../search/search-sort.ts'
import { moveMenuFocus } from '../ui/menu-keys.ts'
import { Icon } from './Icon.tsx'

const MENU_ID = 'search-sort-menu'

interface Props {
  sort: SearchSortId
  onSort(sort: SearchSortId): void
}

export function SortMenu({ sort, onSort }: Props) {
  const menu = useRef<HTMLDivElement>(null)
  const label = SEARCH_SORTS.find((s) => s.id === sort)?.label ?? SEARCH_SORTS[0].label
  return (
    <div className="search-sort" style={{ '--menu-anchor': '--search-sort' }}>
      <button
        type="button"
        className="search-sort-button"
        popoverTarget={MENU_ID}
        aria-haspopup="menu"
        aria-label={`Sort by ${label}`}
      >
        <span className="search-sort-prefix">Sort by</span>
        <span className="search-sort-value">{label}</span>
        <Icon name="chevron" size={13} />
      </button>
      <div
        ref={menu}
        id={MENU_ID}
        className="menu menu-start"
        popover="auto"
        role="menu"
        aria-label="Sort by"
        onToggle={(e) => {
          if (e.newState !== 'open') return
          const checked = e.currentTarget.querySelector<HTMLElement>('[aria-checked="true"]')
          if (checked) checked.focus()
          else moveMenuFocus(e.currentTarget, 'Home')
        }}
        onKeyDown={(e) => {
          if (moveMenuFocus(e.currentTarget, e.key)) e.preventDefault()
        }}
      >
        {SEARCH_SORTS.map((s) => (
          <button
            key={s.id}
            type="button"
            role="menuitemradio"
            aria-checked={s.id === sort}
            className="menu-item"
            onClick={() => {
              menu.current?.hidePopover()
              onSort(s.id)
            }}
          >
            <Icon name="tick" size={15} className="menu-item-check" />
            {s.label}
          </button>
        ))}
      </div>
    </div>
  )
}
