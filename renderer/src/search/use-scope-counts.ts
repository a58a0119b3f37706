// How many matches a running search has in each scope (everywhere, and the view or tag it
// started from), for the scope switch: the person sees what the other scope holds before
// choosing it. Two one-row searches a query; refetched when the archive changes.
import { useEffect, useState } from 'react'
import type { QuireClient } from '../../../shared/api.ts'
import type { ReadStatus } from '../../../shared/model.ts'
import { withStatus, withTag } from './query-text.ts'
import { hasNarrowerScope, searchPlace, type Place, type SearchScope } from './search-scope.ts'

export type ScopeCounts = Partial<Record<SearchScope, number>>

export function useScopeCounts(
  client: QuireClient,
  query: string,
  place: Place,
  status: ReadStatus | undefined,
  revision: number,
): ScopeCounts {
  const [counts, setCounts] = useState<{ key: string; counts: ScopeCounts }>({
    key: '',
    counts: {},
  })
  const { view, tag } = place
  // The counts stay on screen while a change to the archive refetches them.
  const key = JSON.stringify([query, view, tag ?? '', status ?? ''])
  const active = query.trim() !== '' && hasNarrowerScope({ view, tag })

  useEffect(() => {
    if (!active) return
    let live = true
    const count = async (scope: SearchScope) => {
      const p = searchPlace({ view, tag }, scope)
      const page = await client.call('articles:search', {
        query: withStatus(withTag(query, p.tag), status),
        view: p.view,
        sort: 'imported',
        limit: 1,
      })
      return page.total
    }
    Promise.all([count('everywhere'), count('here')]).then(
      ([everywhere, here]) => {
        if (live) setCounts({ key, counts: { everywhere, here } })
      },
      // Without counts the switch still works; the list reports its own errors.
      () => undefined,
    )
    return () => {
      live = false
    }
  }, [client, key, active, query, view, tag, status, revision])

  return active && counts.key === key ? counts.counts : {}
}
