// The archive's saved searches for the sidebar, and the writes on them: save, rename, and
// delete with an Undo toast (the undo saves the same name and query again).
import { useCallback, useEffect, useMemo, useState } from 'react'
import type { QuireClient } from '../../../shared/api.ts'
import type { SavedSearch } from '../../../shared/model.ts'
import { describeError } from '../api/describe-error.ts'
import { shortTitle } from '../ui/format/article-meta.ts'
import type { Toasts } from '../ui/use-toasts.ts'

export interface SaveSearchInput {
  /** Given to rename an existing saved search. */
  id?: string | undefined
  name: string
  query: string
}

export interface SavedSearches {
  list: SavedSearch[]
  /** Saves or renames, and says so; rejects with the archive's error for the dialog to show. */
  save(input: SaveSearchInput): Promise<SavedSearch>
  remove(saved: SavedSearch): void
}

export function useSavedSearches(
  client: QuireClient,
  revision: number,
  toasts: Toasts,
  bump: () => void,
): SavedSearches {
  const [list, setList] = useState<SavedSearch[]>([])

  useEffect(() => {
    let live = true
    client.call('searches:list', {}).then(
      (all) => {
        if (live) setList(all)
      },
      // The sidebar keeps what it had; searching itself reports its own errors.
      () => undefined,
    )
    return () => {
      live = false
    }
  }, [client, revision])

  const save = useCallback(
    async (input: SaveSearchInput) => {
      const saved = await client.call('searches:save', {
        ...(input.id ? { id: input.id } : {}),
        name: input.name,
        query: input.query,
      })
      setList((all) =>
        all.some((s) => s.id === saved.id)
          ? all.map((s) => (s.id === saved.id ? saved : s))
          : [...all, saved],
      )
      bump()
      toasts.show({
        message: input.id
          ? `Renamed to “${shortTitle(saved.name)}”`
          : `Saved “${shortTitle(saved.name)}”`,
      })
      return saved
    },
    [client, bump, toasts],
  )

  const remove = useCallback(
    (saved: SavedSearch) => {
      void toasts.undoable(async () => {
        try {
          await client.call('searches:delete', { id: saved.id })
        } catch (err) {
          toasts.show({ kind: 'error', message: describeError('delete the saved search', err) })
          return undefined
        }
        setList((all) => all.filter((s) => s.id !== saved.id))
        bump()
        return {
          message: `Deleted the saved search “${shortTitle(saved.name)}”`,
          failure: 'undo the delete',
          undo: () => save({ name: saved.name, query: saved.query }),
        }
      })
    },
    [client, bump, toasts, save],
  )

  return useMemo(() => ({ list, save, remove }), [list, save, remove])
}
