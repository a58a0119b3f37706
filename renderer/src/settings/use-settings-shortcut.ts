// Opens Settings with Cmd/Ctrl+, (the platform habit) or a bare `,`, unless the person is
// typing or another dialog has the keyboard.
import { useEffect, useRef } from 'react'

/** Whether a key press asks for Settings: `,` with Cmd/Ctrl or alone, never with Alt. */
export function isSettingsKey(e: Pick<KeyboardEvent, 'key' | 'altKey' | 'shiftKey'>): boolean {
  return e.key === ',' && !e.altKey && !e.shiftKey
}

function isTyping(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || target.matches('input, textarea, select'))
  )
}

export function useSettingsShortcut(open: () => void): void {
  const current = useRef(open)
  useEffect(() => {
    current.current = open
  }, [open])
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.defaultPrevented || !isSettingsKey(e)) return
      const modified = e.ctrlKey || e.metaKey
      if (!modified && isTyping(e.target)) return
      if (document.querySelector('dialog[open]')) return
      e.preventDefault()
      current.current()
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [])
}
