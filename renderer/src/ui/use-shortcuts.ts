// Single-key shortcuts for the whole window (j, k, Enter, Esc, s, e, m, #, /). They stay out of
// the way while a person types in a field, holds a modifier, or has a dialog or popover open.
import { isTyping } from './is-typing.ts'
import { useWindowKeydown } from './use-window-keydown.ts'

export type ShortcutMap = Partial<Record<string, () => void>>

/** Enter on a button or link belongs to that control, not to the shortcut. */
function isControl(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && target.matches('button, a[href], summary, [role="radio"]')
}

export function useShortcuts(map: ShortcutMap): void {
  useWindowKeydown((e) => {
    if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey) return
    // An open dialog or popover (a menu, the search help) owns the keyboard, Esc included.
    if (isTyping(e.target) || document.querySelector('dialog[open], :popover-open')) return
    if ((e.key === 'Enter' || e.key === ' ') && isControl(e.target)) return
    const run = map[e.key]
    if (!run) return
    e.preventDefault()
    run()
  })
}
