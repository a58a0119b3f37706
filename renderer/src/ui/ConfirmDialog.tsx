// A modal question with Cancel and one (possibly destructive) confirming button. Kept mounted
// by its owner and shown while `open`; Cancel has the focus, so Enter never destroys by chance.
import { useId } from 'react'
import { Button } from './Button.tsx'
import { Dialog, DialogActions, DialogTitle } from './Dialog.tsx'

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
  const messageId = useId()
  return (
    <Dialog open={props.open} describedBy={messageId} onClose={props.onCancel}>
      <DialogTitle>{props.title}</DialogTitle>
      <p id={messageId} className="dialog-message">
        {props.message}
      </p>
      <DialogActions>
        <Button autoFocus onClick={props.onCancel}>
          Cancel
        </Button>
        <Button variant={props.destructive ? 'danger' : 'primary'} onClick={props.onConfirm}>
          {props.confirmLabel}
        </Button>
      </DialogActions>
    </Dialog>
  )
}
