// What a person can do to an article from the reader or the keyboard: favourite, archive,
// read/unread, trash (with Undo), restore, empty the Trash. Each write updates the list and
// the reader at once, then lets the archive's revision refetch the truth.
import { useCallback, useMemo } from 'react'
import type { ArticlePatch, LibraryView, QuireClient } from '../../../shared/api.ts'
import type { Article, ArticleSummary } from '../../../shared/model.ts'
import { describeError } from '../api/describe-error.ts'
import { plural, shortTitle } from '../ui/format/article-meta.ts'
import type { Toasts } from '../ui/use-toasts.ts'
import { isInView, toSummary } from './in-view.ts'
import type { Library } from './use-library.ts'

export interface ActionContext {
  client: QuireClient
  view: LibraryView
  library: Library
  toasts: Toasts
  openId: string | undefined
  cursorId: string | undefined
  setOpenId(id: string | undefined): void
  setCursorId(id: string | undefined): void
  /** Puts an updated record into the open reader. */
  replaceOpen(article: Article): void
  bump(): void
}

export interface ArticleActions {
  toggleFavorite(a: ArticleSummary): void
  toggleArchived(a: ArticleSummary): void
  toggleRead(a: ArticleSummary): void
  markRead(a: ArticleSummary): void
  trash(a: ArticleSummary): void
  restore(a: ArticleSummary): void
  emptyTrash(): Promise<void>
  /** Replace the article's tags (the reader's tag editor). */
  setTags(a: ArticleSummary, tags: string[]): void
  /** Save edited details; rejects with the archive's refusal so a dialog can show it. */
  saveDetails(a: ArticleSummary, patch: ArticlePatch): Promise<void>
}

export function useArticleActions(ctx: ActionContext): ArticleActions {
  const { client, view, library, toasts, openId, cursorId } = ctx
  const { setOpenId, setCursorId, replaceOpen, bump } = ctx

  /** Takes an article out of the list, keeping the cursor on its neighbour. */
  const leaveList = useCallback(
    (id: string) => {
      const i = library.items.findIndex((a) => a.id === id)
      if (i >= 0 && cursorId === id) {
        setCursorId((library.items[i + 1] ?? library.items[i - 1])?.id)
      }
      library.remove(id)
    },
    [library, cursorId, setCursorId],
  )

  const save = useCallback(
    async (a: ArticleSummary, patch: ArticlePatch) => {
      const updated = await client.call('articles:update', { id: a.id, patch })
      const summary = toSummary(updated)
      replaceOpen(updated)
      if (isInView(summary, view)) library.patch(a.id, summary)
      else leaveList(a.id)
      bump()
    },
    [client, view, library, leaveList, replaceOpen, bump],
  )

  const update = useCallback(
    async (a: ArticleSummary, patch: ArticlePatch, action: string) => {
      try {
        await save(a, patch)
      } catch (err) {
        toasts.show({ kind: 'error', message: describeError(action, err) })
      }
    },
    [save, toasts],
  )

  const restoreIds = useCallback(
    async (ids: string[], action: string) => {
      try {
        await client.call('articles:restore', { ids })
        bump()
        return true
      } catch (err) {
        toasts.show({ kind: 'error', message: describeError(action, err) })
        return false
      }
    },
    [client, bump, toasts],
  )

  return useMemo<ArticleActions>(
    () => ({
      toggleFavorite: (a) =>
        void update(a, { favorite: !a.favorite }, a.favorite ? 'remove the star' : 'star it'),
      toggleArchived: (a) => {
        const archived = a.archivedAt === null
        void update(a, { archived }, archived ? 'archive it' : 'move it back to the Inbox')
      },
      toggleRead: (a) =>
        void update(
          a,
          { status: a.status === 'read' ? 'unread' : 'read' },
          'change its read status',
        ),
      markRead: (a) => {
        if (a.status === 'unread') void update(a, { status: 'read' }, 'mark it as read')
      },
      trash: (a) => {
        void toasts.undoable(async () => {
          try {
            await client.call('articles:delete', { ids: [a.id] })
          } catch (err) {
            toasts.show({ kind: 'error', message: describeError('move it to the Trash', err) })
            return undefined
          }
          const wasOpen = openId === a.id
          leaveList(a.id)
          if (wasOpen) setOpenId(undefined)
          bump()
          return {
            message: `Moved “${shortTitle(a.title)}” to the Trash`,
            failure: 'undo the delete',
            undo: async () => {
              await client.call('articles:restore', { ids: [a.id] })
              bump()
            },
            after: () => {
              setCursorId(a.id)
              if (wasOpen) setOpenId(a.id)
            },
          }
        })
      },
      restore: (a) => {
        void restoreIds([a.id], 'restore it').then((ok) => {
          if (!ok) return
          leaveList(a.id)
          toasts.show({ message: `Restored “${shortTitle(a.title)}”` })
        })
      },
      setTags: (a, tags) => void update(a, { tags }, 'change its tags'),
      saveDetails: save,
      emptyTrash: async () => {
        try {
          const { count } = await client.call('trash:empty', {})
          if (view === 'trash') setOpenId(undefined)
          bump()
          toasts.show({ message: `Deleted ${plural(count, 'article')} for good` })
        } catch (err) {
          toasts.show({ kind: 'error', message: describeError('empty the Trash', err) })
        }
      },
    }),
    [
      client,
      view,
      openId,
      save,
      update,
      leaveList,
      restoreIds,
      setOpenId,
      setCursorId,
      bump,
      toasts,
    ],
  )
}
