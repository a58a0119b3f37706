// The archive's tags with their colours and counts, for the sidebar.
import { useEffect, useState } from 'react'
import type { QuireClient } from '../../../shared/api.ts'
import type { TagWithCount } from '../../../shared/model.ts'

export function useTags(client: QuireClient, revision: number): TagWithCount[] {
  const [tags, setTags] = useState<TagWithCount[]>([])
  useEffect(() => {
    let live = true
    client.call('tags:list', {}).then(
      (all) => {
        if (live) setTags(all)
      },
      () => undefined,
    )
    return () => {
      live = false
    }
  }, [client, revision])
  return tags
}
