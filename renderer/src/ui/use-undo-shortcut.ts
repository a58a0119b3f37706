// Ctrl/⌘+Z undoes the newest action on the window's undo stack; in a text field it stays the
// field's own undo. Shift+Ctrl/⌘+Z (redo) is left to the browser.
import { useEffect, useRef } from 'react'

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  return target.isContentEditable || target.matches('input, textarea, select')
}

/** True for the undo chord outside a text field. */
export function isUndoKey(e: KeyboardEvent): boolean {
  if (e.altKey || e.shiftKey || !(e.ctrlKey || e.metaKey)) return false
  return e.key.toLowerCase() === 'z' && !isTyping(e.target)
}

export function useUndoShortcut(undoLatest: () => void): void {
  const latest = useRef(undoLatest)
  useEffect(() => {
    latest.current = undoLatest
  }, [undoLatest])
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.defaultPrevented || !isUndoKey(e)) return
      e.preventDefault()
      latest.current()
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [])
}
