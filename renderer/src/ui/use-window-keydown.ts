// Listens to key presses on the whole window while the component is mounted, registering
// once and always calling the newest handler (so a handler may close over fresh state).
import { useEffect } from 'react'
import { useLatest } from './use-latest.ts'

export function useWindowKeydown(onKeyDown: (e: KeyboardEvent) => void): void {
  const latest = useLatest(onKeyDown)
  useEffect(() => {
    const listener = (e: KeyboardEvent) => latest.current(e)
    window.addEventListener('keydown', listener)
    return () => window.removeEventListener('keydown', listener)
  }, [latest])
}
