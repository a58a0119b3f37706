// A ref that always holds the newest value of a prop, for listeners registered once (on the
// window, in a timer) that must call the current callback rather than the first one.
// Updated in a layout effect, before paint: a key pressed the moment a new article shows must
// reach the handler that knows that article, not the one from the render before (a plain
// effect runs after paint, and under load a key press can land in between).
import { useLayoutEffect, useRef } from 'react'

export function useLatest<T>(value: T): { readonly current: T } {
  const ref = useRef(value)
  useLayoutEffect(() => {
    ref.current = value
  }, [value])
  return ref
}
