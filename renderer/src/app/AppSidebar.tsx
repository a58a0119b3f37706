// The sidebar where the layout puts it: a column of the app's grid in a wide window, a drawer
// opened from the list's header below the drawer breakpoint (styles/layout.css). Going somewhere
// from the drawer (a view, a tag, a saved search, a filter, the notebook, an import) closes it;
// a dialog opened from it (Settings, Feeds, Add from the web, Manage tags) opens over it, and
// closing that dialog comes back to the drawer.
import { useCallback, useState, type ComponentProps } from 'react'
import { BREAKPOINTS, below } from '../ui/layout/breakpoints.ts'
import { useMediaQuery } from '../ui/layout/use-media-query.ts'
import { Drawer } from '../ui/Drawer.tsx'
import { IconButton } from '../ui/Button.tsx'
import { Sidebar } from './Sidebar.tsx'

type SidebarProps = Omit<ComponentProps<typeof Sidebar>, 'onClose'>

export interface SidebarPlace {
  /** True while the sidebar is a drawer (a narrow window). */
  inDrawer: boolean
  isOpen: boolean
  open(): void
  close(): void
}

export function useSidebarPlace(): SidebarPlace {
  const inDrawer = useMediaQuery(below(BREAKPOINTS.drawer))
  const [isOpen, setOpen] = useState(false)
  // A window widened past the breakpoint shows the column; the drawer starts closed next time.
  const [wasInDrawer, setWasInDrawer] = useState(inDrawer)
  if (wasInDrawer !== inDrawer) {
    setWasInDrawer(inDrawer)
    if (!inDrawer) setOpen(false)
  }
  return {
    inDrawer,
    isOpen: inDrawer && isOpen,
    open: useCallback(() => setOpen(true), []),
    close: useCallback(() => setOpen(false), []),
  }
}

export function AppSidebar({ place, ...props }: SidebarProps & { place: SidebarPlace }) {
  if (!place.inDrawer) return <Sidebar {...props} />
  const thenClose =
    <A extends unknown[]>(run: (...args: A) => void) =>
    (...args: A) => {
      place.close()
      run(...args)
    }
  return (
    <Drawer
      open={place.isOpen}
      label="Sidebar"
      initialFocus='[aria-current="page"]'
      onClose={place.close}
    >
      <Sidebar
        {...props}
        onView={thenClose(props.onView)}
        onTag={thenClose(props.onTag)}
        onStatus={thenClose(props.onStatus)}
        onFilterQuery={thenClose(props.onFilterQuery)}
        onSavedSearch={thenClose(props.onSavedSearch)}
        onImport={thenClose(props.onImport)}
        onClose={place.close}
      />
    </Drawer>
  )
}

/** The button that opens the drawer; the layout shows it only while there is one. */
export function DrawerButton({ place }: { place: SidebarPlace }) {
  return (
    <IconButton
      icon="sidebar"
      className="drawer-button"
      label="Show the sidebar"
      title="Views, tags and settings"
      aria-haspopup="dialog"
      aria-expanded={place.isOpen}
      onClick={place.open}
    />
  )
}
