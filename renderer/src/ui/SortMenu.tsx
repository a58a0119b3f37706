// An order picked from a menu button, so the choice reads as a sentence: "Sort by Relevance".
// Search results and the plain list each have one, with their own options and menu id.
import { Icon } from './Icon.tsx'
import { Menu, MenuItemRadio } from './Menu.tsx'

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
  const label = options.find((s) => s.id === sort)?.label ?? options[0]?.label ?? ''
  const anchor = `--${menuId}`
  return (
    <div className="search-sort" style={{ anchorName: anchor, '--menu-anchor': anchor }}>
      <Menu
        id={menuId}
        label="Sort by"
        className="menu-start"
        trigger={{
          className: 'search-sort-button',
          'aria-label': `Sort by ${label}`,
          children: (
            <>
              <span className="search-sort-prefix">Sort by</span>
              <span className="search-sort-value">{label}</span>
              <Icon name="chevron" size={13} />
            </>
          ),
        }}
      >
        {options.map((s) => (
          <MenuItemRadio key={s.id} checked={s.id === sort} onSelect={() => onSort(s.id)}>
            {s.label}
          </MenuItemRadio>
        ))}
      </Menu>
    </div>
  )
}
