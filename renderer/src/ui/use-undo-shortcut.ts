// Ctrl/⌘+Z undoes the newest action on the window's undo stack; in a text field it stays the
// field's own undo. Shift+Ctrl/⌘+Z (redo) is left to the browser.
import { isTyping } from './is-typing.ts'
import { useWindowKeydown } from './use-window-keydown.ts'

/** True for the undo chord outside a text field. */
export function isUndoKey(e: KeyboardEvent): boolean {
  if (e.altKey || e.shiftKey || !(e.ctrlKey || e.metaKey)) return false
  return e.key.toLowerCase() === 'z' && !isTyping(e.target)
}

export function useUndoShortcut(undoLatest: () => void): void {
  useWindowKeydown((e) => {
    if (e.defaultPrevented || !isUndoKey(e)) return
    e.preventDefault()
    undoLatest()
  })
}
