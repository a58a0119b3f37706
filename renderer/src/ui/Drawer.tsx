// A panel that slides in from the window's edge over the app (the sidebar in a narrow window).
// It is a modal <Dialog>: the page behind is inert, Tab stays inside, Escape and a click on the
// backdrop close it, and focus goes back to the button that opened it.
import { useEffect, useRef, type ReactNode } from 'react'
import { Dialog } from './Dialog.tsx'

interface DrawerProps {
  open: boolean
  /** The drawer's accessible name. */
  label: string
  /** A selector for what takes focus when it opens (the current item); else the first control. */
  initialFocus?: string
  onClose(): void
  children: ReactNode
}

export function Drawer({ open, label, initialFocus, onClose, children }: DrawerProps) {
  const box = useRef<HTMLDivElement>(null)
  // Runs after the <Dialog>'s own effect (children's effects come first), so after showModal.
  useEffect(() => {
    if (open && initialFocus) box.current?.querySelector<HTMLElement>(initialFocus)?.focus()
  }, [open, initialFocus])
  return (
    <Dialog open={open} className="drawer" label={label} lightDismiss onClose={onClose}>
      <div ref={box} className="drawer-box">
        {children}
      </div>
    </Dialog>
  )
}
