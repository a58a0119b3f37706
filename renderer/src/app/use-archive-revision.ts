// A number that goes up whenever the archive changes (an event from main, or one of our own
// writes), so lists, counts and tags know when to fetch again.
import { useCallback, useEffect, useRef, useState } from 'react'
import type { QuireClient } from '../../../shared/api.ts'

/** Our own write and main's event about it arrive close together: one refetch serves both. */
const COALESCE_MS = 40

export interface ArchiveRevision {
  revision: number
  /** Called after our own writes, so the UI does not depend on the event arriving. */
  bump(): void
}

export function useArchiveRevision(client: QuireClient): ArchiveRevision {
  const [revision, setRevision] = useState(0)
  const pending = useRef<number | undefined>(undefined)

  const bump = useCallback(() => {
    if (pending.current !== undefined) return
    pending.current = window.setTimeout(() => {
      pending.current = undefined
      setRevision((r) => r + 1)
    }, COALESCE_MS)
  }, [])

  useEffect(() => client.on('archive:changed', bump), [client, bump])
  useEffect(
    () => () => {
      if (pending.current !== undefined) window.clearTimeout(pending.current)
    },
    [],
  )
  return { revision, bump }
}
