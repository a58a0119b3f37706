// The archive's sync state for Settings > Sync: fetched when the section opens and again
// each time main says a merge happened (the `sync:merged` event), so it stays live.
import { useCallback, useEffect, useState } from 'react'
import type { SyncStatusView } from '../../../shared/api.ts'
import type { EventPayload } from '../../../shared/events.ts'
import { useClient } from '../api/client-context.ts'
import { errorReason } from '../api/describe-error.ts'
import { plural } from '../ui/format/article-meta.ts'

export interface SyncState {
  status: SyncStatusView | null
  error: string | null
  /** Set by a merge heard while the section is open, for the live announcement. */
  heard: string | null
}

export function useSyncStatus(): SyncState {
  const client = useClient()
  const [state, setState] = useState<SyncState>({ status: null, error: null, heard: null })

  const load = useCallback(
    async (heard: string | null) => {
      try {
        const status = await client.call('sync:status', {})
        setState((s) => ({ status, error: null, heard: heard ?? s.heard }))
      } catch (err) {
        setState((s) => ({ ...s, error: errorReason(err) }))
      }
    },
    [client],
  )

  useEffect(() => {
    void load(null)
    return client.on('sync:merged', (e) => {
      void load(heardText(e))
    })
  }, [client, load])

  return state
}

/** The live line for one merge heard from main. */
export function heardText(e: EventPayload<'sync:merged'>): string {
  if (e.unmerged)
    return `Another device's changes arrived: ${plural(e.unmerged, 'copy', 'copies')} could not be merged.`
  if (!e.records) return "Another device's copy was merged: nothing here needed to change."
  return `Another device's changes arrived: ${plural(e.records, 'article')} changed.`
}
