// A ref that always holds the newest value of a prop, for listeners registered once (on the
// window, in a timer) that must call the current callback rather than the first one.
import { useEffect, useRef } from 'react'

export function useLatest<T>(value: T): { readonly current: T } {
  const ref = useRef(value)
  useEffect(() => {
    ref.current = value
  }, [value])
  return ref
}
