// The open article's annotation writes: create, recolour, edit a note or tags, delete with Undo,
// re-anchor an orphan. Each write asks for the archive to be read again, so the article and
// its anchors come back fresh.
import { useCallback, useMemo } from 'react'
import type { QuireClient } from '../../../shared/api.ts'
import type { Annotation } from '../../../shared/model.ts'
import { describeError } from '../api/describe-error.ts'
import type { Toasts } from '../ui/use-toasts.ts'
import type { HighlightColor } from './colors.ts'

export interface AnnotationActions {
  /** Resolves to the new annotation, or undefined when the write failed (a toast says why). */
  create(start: number, end: number, color: HighlightColor): Promise<Annotation | undefined>
  recolor(id: string, color: HighlightColor): void
  setNote(id: string, note: string): void
  setTags(id: string, tags: string[]): void
  remove(annotation: Annotation): void
  /** A confirmed repair: anchor the orphan `id` on `start`–`end` of the current text. */
  reanchor(id: string, start: number, end: number): void
}

export function useAnnotations(
  client: QuireClient,
  articleId: string | undefined,
  toasts: Toasts,
  onChanged: () => void,
): AnnotationActions {
  const fail = useCallback(
    (what: string) => (err: unknown) => {
      toasts.show({ kind: 'error', message: describeError(what, err) })
    },
    [toasts],
  )

  const create = useCallback(
    async (start: number, end: number, color: HighlightColor) => {
      if (!articleId) return undefined
      try {
        const made = await client.call('annotations:create', { articleId, start, end, color })
        onChanged()
        return made
      } catch (err) {
        fail('highlight this passage')(err)
        return undefined
      }
    },
    [client, articleId, onChanged, fail],
  )

  const update = useCallback(
    (
      id: string,
      change: { color?: HighlightColor; note?: string; tags?: string[] },
      what: string,
    ) => {
      if (!articleId) return
      client.call('annotations:update', { articleId, id, ...change }).then(onChanged, fail(what))
    },
    [client, articleId, onChanged, fail],
  )

  const remove = useCallback(
    (annotation: Annotation) => {
      if (!articleId) return
      void toasts.undoable(async () => {
        try {
          await client.call('annotations:delete', { articleId, id: annotation.id })
        } catch (err) {
          fail('delete the highlight')(err)
          return undefined
        }
        onChanged()
        return {
          message: 'Highlight deleted',
          failure: 'restore the highlight',
          undo: async () => {
            await client.call('annotations:restore', { articleId, annotation })
            onChanged()
          },
        }
      })
    },
    [client, articleId, onChanged, toasts, fail],
  )

  const reanchor = useCallback(
    (id: string, start: number, end: number) => {
      if (!articleId) return
      client.call('annotations:reanchor', { articleId, id, start, end }).then(() => {
        onChanged()
        toasts.show({ message: 'Highlight placed on the new passage' })
      }, fail('place the highlight'))
    },
    [client, articleId, onChanged, toasts, fail],
  )

  return useMemo(
    () => ({
      create,
      recolor: (id: string, color: HighlightColor) => update(id, { color }, 'change the colour'),
      setNote: (id: string, note: string) => update(id, { note }, 'save the note'),
      setTags: (id: string, tags: string[]) => update(id, { tags }, 'save the tags'),
      remove,
      reanchor,
    }),
    [create, update, remove, reanchor],
  )
}
