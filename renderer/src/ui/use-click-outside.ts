// Click-outside for an inline panel that is not a popover (the tag editor sits in the page's
// flow, beside its button). Menus and popovers get this from the Popover API's light dismiss.
import { useEffect, type RefObject } from 'react'

/** Calls `onOutside` when a pointer goes down anywhere outside the element. */
export function useClickOutside(ref: RefObject<HTMLElement | null>, onOutside: () => void): void {
  useEffect(() => {
    const onDown = (e: PointerEvent) => {
      if (e.target instanceof Node && !ref.current?.contains(e.target)) onOutside()
    }
    document.addEventListener('pointerdown', onDown)
    return () => document.removeEventListener('pointerdown', onDown)
  }, [ref, onOutside])
}
