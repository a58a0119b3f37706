// Opening the notebook from deep in the tree (the library sidebar's entry): App publishes how,
// as import/import-actions does, so no provider wraps the tree; one app per window, one slot.
import { useEffect, useSyncExternalStore } from 'react'

export interface NotebookNav {
  open(): void
  isOpen: boolean
}

let current: NotebookNav | null = null
const listeners = new Set<() => void>()

/** Makes `nav` what the entries see; null when the app that offered it goes away. */
export function publishNotebookNav(nav: NotebookNav | null): void {
  current = nav
  for (const l of listeners) l()
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

export function useNotebookNav(): NotebookNav | null {
  return useSyncExternalStore(subscribe, () => current)
}

/** App's side: publishes how to open the notebook (closing the sidebar's drawer first). */
export function usePublishNotebookNav(isOpen: boolean, open: () => void): void {
  useEffect(() => {
    publishNotebookNav({ open, isOpen })
    return () => publishNotebookNav(null)
  }, [isOpen, open])
}
