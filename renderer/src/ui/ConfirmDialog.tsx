// A modal question with Cancel and one (possibly destructive) confirming button.
import { useEffect, useId, useRef } from 'react'

interface Props {
  open: boolean
  title: string
  message: string
  confirmLabel: string
  destructive?: boolean
  onConfirm(): void
  onCancel(): void
}

export function ConfirmDialog(props: Props) {
  const dialog = useRef<HTMLDialogElement>(null)
  const { open } = props
  const id = useId()

  useEffect(() => {
    const el = dialog.current
    if (!el) return
    if (open && !el.open) el.showModal()
    if (!open && el.open) el.close()
  }, [open])

  return (
    <dialog
      ref={dialog}
      className="dialog"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-message`}
      onCancel={(e) => {
        e.preventDefault()
        props.onCancel()
      }}
    >
      <h2 id={`${id}-title`} className="dialog-title">
        {props.title}
      </h2>
      <p id={`${id}-message`} className="dialog-message">
        {props.message}
      </p>
      <div className="dialog-actions">
        <button type="button" className="button button-quiet" autoFocus onClick={props.onCancel}>
          Cancel
        </button>
        <button
          type="button"
          className={`button ${props.destructive ? 'button-danger' : 'button-primary'}`}
          onClick={props.onConfirm}
        >
          {props.confirmLabel}
        </button>
      </div>
    </dialog>
  )
}
