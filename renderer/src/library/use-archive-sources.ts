// The sources in the whole archive (not only the rows loaded), fetched again when it changes:
// the suggestions of the library's "From a source…" filter.
import { useEffect, useState } from 'react'
import type { QuireClient } from '../../../shared/api.ts'

export function useArchiveSources(client: QuireClient, revision: number): readonly string[] {
  const [sources, setSources] = useState<readonly string[]>([])
  useEffect(() => {
    let live = true
    client
      .call('articles:sources', {})
      .then((list) => live && setSources(list.map((s) => s.name)))
      // Suggestions are a convenience: the filter works without them.
      .catch(() => undefined)
    return () => {
      live = false
    }
  }, [client, revision])
  return sources
}
