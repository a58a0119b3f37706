// The archive's name and state ('archive:info'); its first failure means this window cannot
// reach the archive at all.
import { useEffect, useState } from 'react'
import type { ArchiveInfo, QuireClient } from '../../../shared/api.ts'
import { describeError } from '../api/describe-error.ts'

export interface ArchiveInfoState {
  info?: ArchiveInfo | undefined
  error?: string | undefined
}

export function useArchiveInfo(client: QuireClient, revision: number): ArchiveInfoState {
  const [state, setState] = useState<ArchiveInfoState>({})
  useEffect(() => {
    let live = true
    client.call('archive:info', {}).then(
      (info) => live && setState({ info }),
      (err: unknown) => {
        if (live) setState((s) => ({ ...s, error: describeError('open the archive', err) }))
      },
    )
    return () => {
      live = false
    }
  }, [client, revision])
  return state
}
