// Opens Settings with Cmd/Ctrl+, (the platform habit) or a bare `,`, unless the person is
// typing or another dialog has the keyboard.
import { isTyping } from '../ui/is-typing.ts'
import { useWindowKeydown } from '../ui/use-window-keydown.ts'

/** Whether a key press asks for Settings: `,` with Cmd/Ctrl or alone, never with Alt. */
export function isSettingsKey(e: Pick<KeyboardEvent, 'key' | 'altKey' | 'shiftKey'>): boolean {
  return e.key === ',' && !e.altKey && !e.shiftKey
}

export function useSettingsShortcut(open: () => void): void {
  useWindowKeydown((e) => {
    if (e.defaultPrevented || !isSettingsKey(e)) return
    const modified = e.ctrlKey || e.metaKey
    if (!modified && isTyping(e.target)) return
    if (document.querySelector('dialog[open]')) return
    e.preventDefault()
    open()
  })
}
