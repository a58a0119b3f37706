// Asking for the export dialog from anywhere in the tree (the reader toolbar, the bulk bar, a
// tag's header, the search results): one slot, read by ExportHost, so no provider wraps the app.
import { useSyncExternalStore } from 'react'
import type { ExportSelection } from '../../../shared/api.ts'

export interface ExportTarget {
  selection: ExportSelection
  /** What is being exported, in words: "“Bridges of Gaza”", "3 selected articles". */
  label: string
}

/** Every article not in the Trash (the Shift-E shortcut, All articles' header). */
export const EVERYTHING: ExportTarget = {
  selection: { kind: 'all' },
  label: 'Every article (not the Trash)',
}

let current: ExportTarget | null = null
const listeners = new Set<() => void>()

function set(next: ExportTarget | null): void {
  current = next
  for (const l of listeners) l()
}

/** Opens the export dialog on `target` (replacing one already open). */
export function requestExport(target: ExportTarget): void {
  set(target)
}

export function closeExport(): void {
  set(null)
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

/** The export the dialog should show, or null when it is closed. */
export function useExportTarget(): ExportTarget | null {
  return useSyncExternalStore(subscribe, () => current)
}
