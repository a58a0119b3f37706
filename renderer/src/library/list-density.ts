// How roomy the library's rows are: comfortable rows show the lead image as a thumbnail and the
// excerpt; compact rows show neither, to see more articles at once. Kept in localStorage, and
// shared through a small store so the list follows a change made in Settings at once.
import { useSyncExternalStore } from 'react'

export type ListDensity = 'comfortable' | 'compact'
export const LIST_DENSITIES: readonly ListDensity[] = ['comfortable', 'compact']

const STORAGE_KEY = 'quire.listDensity'
const listeners = new Set<() => void>()

function isDensity(value: unknown): value is ListDensity {
  return value === 'comfortable' || value === 'compact'
}

function load(): ListDensity {
  try {
    const stored = localStorage.getItem(STORAGE_KEY)
    return isDensity(stored) ? stored : 'comfortable'
  } catch {
    return 'comfortable'
  }
}

let current: ListDensity | undefined

export function setListDensity(density: ListDensity): void {
  current = density
  try {
    localStorage.setItem(STORAGE_KEY, density)
  } catch {
    // Without storage the choice lasts until the window closes.
  }
  for (const l of listeners) l()
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

export function useListDensity(): ListDensity {
  return useSyncExternalStore(subscribe, () => (current ??= load()))
}
