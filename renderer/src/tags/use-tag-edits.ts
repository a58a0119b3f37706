// Tag management for the Tag manager: rename, merge, colour, delete, each followed by a toast,
// with Undo where the archive can put things back (rename, colour, delete).
import { useMemo } from 'react'
import type { QuireClient } from '../../../shared/api.ts'
import { describeError } from '../api/describe-error.ts'
import { plural } from '../ui/format/article-meta.ts'
import type { Toasts, Undoable } from '../ui/use-toasts.ts'

export interface TagEdits {
  rename(from: string, to: string, existing: readonly string[]): Promise<boolean>
  merge(from: string[], into: string): Promise<boolean>
  setColor(name: string, color: string, previous: string): Promise<boolean>
  /** `color` is put back with the tag on Undo. */
  remove(name: string, color: string): Promise<boolean>
}

/** Ids of the (untrashed) articles carrying a tag, so a delete can be undone. */
async function idsWithTag(client: QuireClient, tag: string): Promise<string[]> {
  const ids: string[] = []
  for (let offset = 0; ; offset += 500) {
    const page = await client.call('articles:list', { view: 'all', tag, offset, limit: 500 })
    ids.push(...page.items.map((a) => a.id))
    if (ids.length >= page.total || page.items.length === 0) return ids
  }
}

export function useTagEdits(client: QuireClient, toasts: Toasts, bump: () => void): TagEdits {
  return useMemo(() => {
    /**
     * Runs one edit on the undo stack: `fn` does it and says how to undo it (or, with only a
     * message, that it cannot be undone). Resolves to whether the edit itself succeeded.
     */
    const run = async (
      action: string,
      fn: () => Promise<Undoable | { message: string }>,
    ): Promise<boolean> => {
      let ok = false
      await toasts.undoable(async () => {
        let done: Undoable | { message: string }
        try {
          done = await fn()
        } catch (err) {
          toasts.show({ kind: 'error', message: describeError(action, err) })
          return undefined
        }
        ok = true
        bump()
        if ('undo' in done) return done
        toasts.show({ message: done.message })
        return undefined
      })
      return ok
    }
    const undoing = (failure: string, fn: () => Promise<unknown>) => ({
      failure,
      undo: async () => {
        await fn()
        bump()
      },
    })
    return {
      rename: (from, to, existing) =>
        run('rename the tag', async () => {
          const { count } = await client.call('tags:rename', { from, to })
          const message = `Renamed “${from}” to “${to}” on ${plural(count, 'article')}`
          // Renaming onto an existing tag merges; splitting them again is not possible.
          if (existing.includes(to)) return { message }
          return {
            message,
            ...undoing('undo the rename', () => client.call('tags:rename', { from: to, to: from })),
          }
        }),
      merge: (from, into) =>
        run('merge the tags', async () => {
          const { count } = await client.call('tags:merge', { from, into })
          return {
            message: `Merged ${plural(from.length, 'tag')} into “${into}” (${plural(count, 'article')})`,
          }
        }),
      setColor: (name, color, previous) =>
        run('change the colour', async () => {
          await client.call('tags:setColor', { name, color })
          return {
            message: `Changed the colour of “${name}”`,
            ...undoing('undo the colour', () =>
              client.call('tags:setColor', { name, color: previous }),
            ),
          }
        }),
      remove: (name, color) =>
        run('delete the tag', async () => {
          const ids = await idsWithTag(client, name)
          const { count } = await client.call('tags:delete', { name })
          const message = `Deleted “${name}” from ${plural(count, 'article')}`
          if (ids.length === 0) return { message }
          return {
            message,
            ...undoing('undo the delete', async () => {
              await client.call('articles:bulkUpdate', { ids, change: { addTags: [name] } })
              await client.call('tags:setColor', { name, color })
            }),
          }
        }),
    }
  }, [client, toasts, bump])
}
