// A button and the small non-modal panel it opens (the reader's "Aa", the search syntax help).
// The Popover API's light dismiss closes it on Escape or a click outside and puts focus back
// on the button; this names the panel as a dialog and moves focus into it when asked.
import type { ButtonHTMLAttributes, ReactNode } from 'react'

interface PopoverProps {
  /** The popover's id (unique on the page). */
  id: string
  /** The panel's accessible name. */
  label: string
  className: string
  trigger: Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'type'>
  /** A selector for what takes focus when the panel opens; nothing moves without it. */
  initialFocus?: string
  children: ReactNode
}

export function Popover({ id, label, className, trigger, initialFocus, children }: PopoverProps) {
  return (
    <>
      <button type="button" {...trigger} popoverTarget={id} aria-haspopup="dialog" />
      <div
        id={id}
        className={className}
        popover="auto"
        role="dialog"
        aria-label={label}
        onToggle={(e) => {
          if (e.newState === 'open' && initialFocus)
            e.currentTarget.querySelector<HTMLElement>(initialFocus)?.focus()
        }}
      >
        {children}
      </div>
    </>
  )
}

/** A button inside a popover that closes it (an example picked from the help). */
export function popoverCloser(id: string) {
  return { popoverTarget: id, popoverTargetAction: 'hide' as const }
}
