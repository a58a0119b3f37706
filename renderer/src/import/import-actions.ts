// The import actions for components deep in the tree (the Import button's menu, the bulk bar,
// the sidebar's Feeds entry). useWebImport publishes them here, so App need not wrap its
// whole tree in one more provider; there is one app per window, hence one slot.
import { useSyncExternalStore } from 'react'

export interface ImportActions {
  importUrls(urls: readonly string[], tags?: readonly string[]): void
  /** Fetches the text of saved links (or pages again), with progress in the import panel. */
  fetchArticles(ids: readonly string[], names?: readonly string[]): void
  /** Opens "Add from the web", optionally with addresses already filled in. */
  openWebImport(text?: string): void
  openFeeds(): void
  /** Shows the last import's summary again; absent when there is none. */
  reopenLast?: (() => void) | undefined
  busy: boolean
}

let current: ImportActions | null = null
const listeners = new Set<() => void>()

/** Makes these the actions components see; null when the app that offered them goes away. */
export function publishImportActions(actions: ImportActions | null): void {
  current = actions
  for (const l of listeners) l()
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

/** The app's import actions, or null before they are published (then the extras hide). */
export function useImportActions(): ImportActions | null {
  return useSyncExternalStore(subscribe, () => current)
}
