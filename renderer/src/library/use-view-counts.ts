// Article counts per view for the sidebar: one tiny 'articles:list' page per view.
import { useEffect, useState } from 'react'
import type { LibraryView, QuireClient } from '../../../shared/api.ts'
import { VIEWS } from './views.ts'

export type ViewCounts = Partial<Record<LibraryView, number>>

export function useViewCounts(client: QuireClient, revision: number): ViewCounts {
  const [counts, setCounts] = useState<ViewCounts>({})
  useEffect(() => {
    let live = true
    Promise.all(
      VIEWS.map(async (v) => {
        const page = await client.call('articles:list', { view: v.id, limit: 1 })
        return [v.id, page.total] as const
      }),
    ).then(
      (entries) => {
        if (live) setCounts(Object.fromEntries(entries))
      },
      // Counts are a nicety; the list itself reports errors.
      () => undefined,
    )
    return () => {
      live = false
    }
  }, [client, revision])
  return counts
}
