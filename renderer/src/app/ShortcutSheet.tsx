// The "?" sheet: every keyboard shortcut in one list.
import { useEffect, useRef } from 'react'

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
  const dialog = useRef<HTMLDialogElement>(null)
  useEffect(() => {
    const el = dialog.current
    if (el && !el.open) el.showModal()
    return () => {
      if (el?.open) el.close()
    }
  }, [])
  return (
    <dialog
      ref={dialog}
      className="dialog shortcut-sheet"
      aria-labelledby="shortcuts-title"
      onCancel={(e) => {
        e.preventDefault()
        onClose()
      }}
    >
      <h2 id="shortcuts-title" className="dialog-title">
        Keyboard shortcuts
      </h2>
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
      <div className="dialog-actions">
        <button type="button" className="button button-primary" autoFocus onClick={onClose}>
          Close
        </button>
      </div>
    </dialog>
  )
}
