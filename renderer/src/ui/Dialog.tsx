// The app's one modal dialog. A native <dialog> shown with showModal: the page behind it is
// inert, so Tab stays inside; Escape and the header's ✕ call onClose; focus starts where the
// dialog asks and goes back to what opened it when it closes. Every dialog of the app is a
// <Dialog> with content, never a copy of this handling.
import { createContext, use, useEffect, useId, useRef, type ReactNode, type RefObject } from 'react'
import { IconButton } from './Button.tsx'

interface DialogProps {
  /** Shown while true (the default); a dialog kept mounted closes when this turns false. */
  open?: boolean
  className?: string
  /** The id of the element that describes the dialog (a question's sentence). */
  describedBy?: string
  /** Where focus starts; otherwise the browser's choice (the first control). */
  initialFocus?: RefObject<HTMLElement | null>
  /** False while the dialog must stay (an export running): Escape does nothing then. */
  dismissable?: boolean
  /** The accessible name, for a dialog without a <DialogTitle> (the sidebar's drawer). */
  label?: string
  /** A click on the backdrop (outside the box) closes it too, as Escape does (a drawer). */
  lightDismiss?: boolean
  /** Escape, the ✕ and the browser closing the dialog all end here. */
  onClose(): void
  children: ReactNode
}

interface DialogContextValue {
  titleId: string
  close(): void
}

const TEXT_TYPES = new Set(['text', 'search', 'url', 'email'])

const DialogContext = createContext<DialogContextValue>({ titleId: '', close: () => {} })

export function Dialog({
  open = true,
  className,
  describedBy,
  initialFocus,
  dismissable = true,
  label,
  lightDismiss = false,
  onClose,
  children,
}: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null)
  const titleId = useId()
  /** True while React holds the dialog open: a close the browser makes then is news to React. */
  const held = useRef(false)

  useEffect(() => {
    const el = ref.current
    if (!el || !open) return
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null
    if (!el.open) el.showModal()
    held.current = true
    // showModal moves focus itself, so the dialog's own choice comes after it. A text field
    // starts selected, so typing replaces it.
    const first = initialFocus?.current
    first?.focus()
    if (first instanceof HTMLInputElement && TEXT_TYPES.has(first.type)) first.select()
    return () => {
      held.current = false
      if (el.open) el.close()
      if (opener?.isConnected && !el.contains(opener)) opener.focus()
    }
    // initialFocus is a ref: read once, when the dialog opens.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open])

  return (
    <dialog
      ref={ref}
      className={className ? `dialog ${className}` : 'dialog'}
      aria-labelledby={label === undefined ? titleId : undefined}
      aria-label={label}
      aria-describedby={describedBy}
      onClick={(e) => {
        // The backdrop belongs to the <dialog> itself: a click there lands on it, outside its box
        // (a click from the keyboard has no place, and its target is a control inside).
        if (!lightDismiss || !dismissable || e.target !== e.currentTarget) return
        const box = e.currentTarget.getBoundingClientRect()
        const { clientX: x, clientY: y } = e
        if (x < box.left || x > box.right || y < box.top || y > box.bottom) onClose()
      }}
      onCancel={(e) => {
        // Escape: the dialog closes through React. A nested dialog's cancel bubbles through
        // React's tree; it belongs to that dialog alone.
        if (e.target !== e.currentTarget) return
        e.preventDefault()
        if (dismissable) onClose()
      }}
      onClose={(e) => {
        // The browser may close a dialog without asking (a second Escape in a row): tell React.
        if (e.target === e.currentTarget && held.current) {
          held.current = false
          onClose()
        }
      }}
    >
      <DialogContext value={{ titleId, close: onClose }}>{children}</DialogContext>
    </dialog>
  )
}

/** The dialog's title: its accessible name. */
export function DialogTitle({ children }: { children: ReactNode }) {
  const { titleId } = use(DialogContext)
  return (
    <h2 id={titleId} className="dialog-title">
      {children}
    </h2>
  )
}

interface HeaderProps {
  className: string
  /** The ✕ button's name ("Close feeds"). */
  closeLabel: string
  children: ReactNode
}

/** A title row with a ✕ that closes the dialog (the larger dialogs). */
export function DialogHeader({ className, closeLabel, children }: HeaderProps) {
  const { close } = use(DialogContext)
  return (
    <header className={className}>
      {children}
      <IconButton icon="close" size={16} label={closeLabel} title="Close (Esc)" onClick={close} />
    </header>
  )
}

/** The row of buttons at the bottom: Cancel and the dialog's action. */
export function DialogActions({
  className,
  children,
}: {
  className?: string
  children: ReactNode
}) {
  return (
    <div className={className ? `dialog-actions ${className}` : 'dialog-actions'}>{children}</div>
  )
}
