// The "?" sheet: every keyboard shortcut in one list.
import { useRef } from 'react'
import { Button } from '../ui/Button.tsx'
import { Dialog, DialogActions, DialogTitle } from '../ui/Dialog.tsx'

export const SHORTCUTS: readonly (readonly [keys: string, what: string])[] = [
  ['J / ↓', 'Next article'],
  ['K / ↑', 'Previous article'],
  ['Enter', 'Open the article'],
  ['Esc', 'Back to the list; clear the selection'],
  ['/', 'Search'],
  ['T', 'Tags of the open article'],
  ['E', 'Archive (the selection, or the open article)'],
  ['S', 'Favourite (the selection, or the open article)'],
  ['M', 'Mark read or unread'],
  ['# / Delete', 'Move to Trash (the selection, or the open article)'],
  ['Ctrl/⌘ Z', 'Undo the last change (again for the one before)'],
  ['X', 'Select the article under the cursor'],
  ['Shift-click', 'Select a range'],
  ['Ctrl/⌘ A', 'Select all loaded articles (in the list)'],
  ['H / N', 'Highlight the selection / highlight it and write a note'],
  ['A', 'Highlights and notes of the open article'],
  ['Shift N', 'Note on the open article'],
  ['B', 'Notebook: every highlight in the archive'],
  ['W', 'Add from the web (or paste addresses over the library)'],
  ['Shift F', 'Feeds'],
  [', / Ctrl/⌘ ,', 'Settings'],
  ['Shift E', 'Export everything (choose the format)'],
  ['?', 'This list'],
]

export function ShortcutSheet({ onClose }: { onClose(): void }) {
  const close = useRef<HTMLButtonElement>(null)
  return (
    <Dialog className="shortcut-sheet" initialFocus={close} onClose={onClose}>
      <DialogTitle>Keyboard shortcuts</DialogTitle>
      <dl className="shortcut-list">
        {SHORTCUTS.map(([keys, what]) => (
          <div key={keys} className="shortcut-item">
            <dt>
              <kbd>{keys}</kbd>
            </dt>
            <dd>{what}</dd>
          </div>
        ))}
      </dl>
      <DialogActions>
        <Button ref={close} variant="primary" onClick={onClose}>
          Close
        </Button>
      </DialogActions>
    </Dialog>
  )
}
