// The app's one menu: a button that opens a list of actions or choices. Built on the Popover
// API (popover="auto"), so Escape and a click outside close it and focus goes back to the
// button; this adds the menu's keyboard: focus on the checked item (or the first) when it
// opens, ↑/↓ around, Home/End to the ends, and choosing an item closes the menu.
import {
  createContext,
  use,
  useCallback,
  useRef,
  type ButtonHTMLAttributes,
  type ReactNode,
} from 'react'
import { Icon, type IconName } from './Icon.tsx'
import { moveMenuFocus } from './menu-keys.ts'

type TriggerProps = Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'type'>

interface MenuProps {
  /** The popover's id (unique on the page). */
  id: string
  /** The menu's accessible name ("Sort by"). */
  label: string
  /** Classes beside `menu` (placement: `menu-start`). */
  className?: string
  /** The button that opens it: its name, classes and content. */
  trigger: TriggerProps
  children: ReactNode
}

const CloseMenu = createContext<() => void>(() => {})

export function Menu({ id, label, className, trigger, children }: MenuProps) {
  const menu = useRef<HTMLDivElement>(null)
  const close = useCallback(() => menu.current?.hidePopover(), [])
  return (
    <>
      <button type="button" {...trigger} popoverTarget={id} aria-haspopup="menu" />
      <div
        ref={menu}
        id={id}
        className={className ? `menu ${className}` : 'menu'}
        popover="auto"
        role="menu"
        aria-label={label}
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
        <CloseMenu value={close}>{children}</CloseMenu>
      </div>
    </>
  )
}

/** Opens a menu from elsewhere (a right-click on its row). */
export function openMenu(id: string): void {
  document.getElementById(id)?.showPopover()
}

interface ItemProps {
  icon?: IconName
  danger?: boolean
  disabled?: boolean
  title?: string | undefined
  onSelect(): void
  children: ReactNode
}

/** An action: closes the menu, then runs. */
export function MenuItem({ icon, danger, disabled, title, onSelect, children }: ItemProps) {
  const close = use(CloseMenu)
  return (
    <button
      type="button"
      role="menuitem"
      className={danger ? 'menu-item menu-item-danger' : 'menu-item'}
      disabled={disabled}
      title={title}
      onClick={() => {
        close()
        onSelect()
      }}
    >
      {icon && <Icon name={icon} size={15} />}
      {children}
    </button>
  )
}

interface RadioProps {
  checked: boolean
  className?: string
  onSelect(): void
  children: ReactNode
}

/** One of a set of choices, ticked when it is the current one. */
export function MenuItemRadio({ checked, className, onSelect, children }: RadioProps) {
  const close = use(CloseMenu)
  return (
    <button
      type="button"
      role="menuitemradio"
      aria-checked={checked}
      className={className ? `menu-item ${className}` : 'menu-item'}
      onClick={() => {
        close()
        onSelect()
      }}
    >
      <Icon name="tick" size={15} className="menu-item-check" />
      {children}
    </button>
  )
}
