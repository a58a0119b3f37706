// An order picked from a menu button, so the choice reads as a sentence: "Sort by Relevance".
// Search results and the plain list each have one, with their own options and menu id.
import { useRef } from 'react'
import { moveMenuFocus } from './menu-keys.ts'
import { Icon } from './Icon.tsx'

export interface SortOption<Id extends string> {
  id: Id
  label: string
}

interface Props<Id extends string> {
  options: ReadonlyArray<SortOption<Id>>
  sort: Id
  /** The popover's id; also names the CSS anchor the menu hangs from. */
  menuId: string
  onSort(sort: Id): void
}

export function SortMenu<Id extends string>({ options, sort, menuId, onSort }: Props<Id>) {
  const menu = useRef<HTMLDivElement>(null)
  const label = options.find((s) => s.id === sort)?.label ?? options[0]?.label ?? ''
  const anchor = `--${menuId}`
  return (
    <div className="search-sort" style={{ anchorName: anchor, '--menu-anchor': anchor }}>
      <button
        type="button"
        className="search-sort-button"
        popoverTarget={menuId}
        aria-haspopup="menu"
        aria-label={`Sort by ${label}`}
      >
        <span className="search-sort-prefix">Sort by</span>
        <span className="search-sort-value">{label}</span>
        <Icon name="chevron" size={13} />
      </button>
      <div
        ref={menu}
        id={menuId}
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
        {options.map((s) => (
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
