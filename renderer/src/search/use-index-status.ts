// The search index's state for the indicator by the search box: asked once with
// 'index:status', then followed through 'index:progress' events while it (re)builds.
import { useEffect, useState } from 'react'
import type { OpOutput, QuireClient } from '../../../shared/api.ts'

export type IndexStatus = OpOutput<'index:status'>

const UNKNOWN: IndexStatus = { state: 'stopped', done: 0, total: 0 }

export function useIndexStatus(client: QuireClient): IndexStatus {
  const [status, setStatus] = useState<IndexStatus>(UNKNOWN)

  useEffect(() => {
    let live = true
    const ask = () =>
      client.call('index:status', {}).then(
        (s) => {
          if (live) setStatus(s)
        },
        // The indicator is a nicety; a failed search says what went wrong itself.
        () => undefined,
      )
    void ask()
    const off = client.on('index:progress', (p) => {
      if (!live) return
      setStatus({ state: p.state, done: p.done, total: p.total })
      // Events carry no message; the status has the reason a build failed.
      if (p.state === 'failed') void ask()
    })
    return () => {
      live = false
      off()
    }
  }, [client])

  return status
}

/** The build's progress as a whole percentage, 0 while the total is not yet known. */
export function indexPercent(status: Pick<IndexStatus, 'done' | 'total'>): number {
  if (status.total <= 0) return 0
  return Math.max(0, Math.min(100, Math.floor((status.done / status.total) * 100)))
}
