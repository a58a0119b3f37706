// Arrow-key movement between the items of a small menu (role="menu"), as menus in desktop
// apps do: ↑/↓ wrap around, Home and End jump to the ends.

/** Moves focus among the menu's items for a navigation key; true when the key was used. */
export function moveMenuFocus(menu: HTMLElement, key: string): boolean {
  const items = [...menu.querySelectorAll<HTMLElement>('[role^="menuitem"]:not([disabled])')]
  if (items.length === 0) return false
  const at = items.findIndex((item) => item === document.activeElement)
  const last = items.length - 1
  const next =
    key === 'ArrowDown'
      ? at < 0 || at === last
        ? 0
        : at + 1
      : key === 'ArrowUp'
        ? at <= 0
          ? last
          : at - 1
        : key === 'Home'
          ? 0
          : key === 'End'
            ? last
            : undefined
  if (next === undefined) return false
  items[next]?.focus()
  return true
}
