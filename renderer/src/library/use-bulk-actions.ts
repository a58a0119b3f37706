// What the bulk action bar does to the selected rows: tag, untag, read/unread, archive,
// favourite, trash, merge. Each is one 'articles:bulkUpdate' (or delete) and goes on the
// window's undo stack; its Undo puts back each article's earlier value, for this action only.
import { useMemo } from 'react'
import type { BulkChange, QuireClient } from '../../../shared/api.ts'
import type { Article, ArticleSummary } from '../../../shared/model.ts'
import { describeError } from '../api/describe-error.ts'
import { plural } from '../ui/format/article-meta.ts'
import type { Toasts } from '../ui/use-toasts.ts'

export interface BulkActions {
  addTag(items: ArticleSummary[], tag: string): void
  removeTag(items: ArticleSummary[], tag: string): void
  markRead(items: ArticleSummary[], read: boolean): void
  archive(items: ArticleSummary[]): void
  favorite(items: ArticleSummary[]): void
  trash(items: ArticleSummary[]): void
  /** Copies of one article: the first imported is kept with everyone's tags, notes, highlights. */
  merge(items: ArticleSummary[]): void
}

/** The changes that undo a change: one per earlier value, each over the ids that had it. */
function reverse(
  items: ArticleSummary[],
  change: BulkChange,
): { ids: string[]; change: BulkChange }[] {
  const groups = new Map<string, { ids: string[]; change: BulkChange }>()
  const add = (key: string, id: string, back: BulkChange) => {
    const g = groups.get(key) ?? { ids: [], change: back }
    g.ids.push(id)
    groups.set(key, g)
  }
  for (const a of items) {
    for (const t of change.addTags ?? []) {
      if (!a.tags.includes(t)) add(`-${t}`, a.id, { removeTags: [t] })
    }
    for (const t of change.removeTags ?? []) {
      if (a.tags.includes(t)) add(`+${t}`, a.id, { addTags: [t] })
    }
    if (change.status && a.status !== change.status) {
      add(`s:${a.status}`, a.id, { status: a.status })
    }
    if (change.favorite !== undefined && a.favorite !== change.favorite) {
      add(`f:${a.favorite}`, a.id, { favorite: a.favorite })
    }
    const archived = a.archivedAt !== null
    if (change.archived !== undefined && archived !== change.archived) {
      add(`a:${archived}`, a.id, { archived })
    }
  }
  return [...groups.values()]
}

export function useBulkActions(client: QuireClient, toasts: Toasts, bump: () => void): BulkActions {
  return useMemo(() => {
    const fail = (action: string, err: unknown) =>
      toasts.show({ kind: 'error', message: describeError(action, err) })

    const apply = (items: ArticleSummary[], change: BulkChange, done: string, action: string) => {
      if (items.length === 0) return
      const back = reverse(items, change)
      const ids = items.map((a) => a.id)
      void toasts.undoable(async () => {
        let count: number
        try {
          count = (await client.call('articles:bulkUpdate', { ids, change })).count
        } catch (err) {
          fail(action, err)
          return undefined
        }
        bump()
        const message = `${done} ${plural(count, 'article')}`
        // Nothing changed (they all had it already): a toast, but nothing to undo.
        if (back.length === 0) {
          toasts.show({ message })
          return undefined
        }
        return {
          message,
          failure: 'undo it',
          undo: async () => {
            for (const u of back) await client.call('articles:bulkUpdate', u)
            bump()
          },
        }
      })
    }

    return {
      addTag: (items, tag) => apply(items, { addTags: [tag] }, `Tagged “${tag}”:`, 'tag them'),
      removeTag: (items, tag) =>
        apply(items, { removeTags: [tag] }, `Removed “${tag}” from`, 'remove the tag'),
      markRead: (items, read) =>
        apply(
          items,
          { status: read ? 'read' : 'unread' },
          read ? 'Marked as read:' : 'Marked as unread:',
          'change their read status',
        ),
      archive: (items) => apply(items, { archived: true }, 'Archived', 'archive them'),
      favorite: (items) => apply(items, { favorite: true }, 'Added to Favourites:', 'star them'),
      merge: (items) => {
        if (items.length < 2) return
        const ordered = [...items].sort((a, b) => a.importedAt.localeCompare(b.importedAt))
        const ids = ordered.map((a) => a.id)
        const others = ids.slice(1)
        void toasts.undoable(async () => {
          let before: Article
          let kept: Article
          try {
            before = (await client.call('articles:get', { id: ids[0]! })).article
            kept = await client.call('articles:merge', { ids })
          } catch (err) {
            fail('merge them', err)
            return undefined
          }
          bump()
          const had = new Set(before.annotations.map((a) => a.id))
          return {
            message: `Merged ${plural(items.length, 'copy', 'copies')} into “${kept.title}”`,
            failure: 'undo the merge',
            undo: async () => {
              await client.call('articles:restore', { ids: others })
              await client.call('articles:update', {
                id: before.id,
                patch: { tags: before.tags, favorite: before.favorite, status: before.status },
              })
              await client.call('articles:setNote', { id: before.id, note: before.note })
              for (const a of kept.annotations) {
                if (!had.has(a.id))
                  await client.call('annotations:delete', { articleId: before.id, id: a.id })
              }
              bump()
            },
          }
        })
      },
      trash: (items) => {
        if (items.length === 0) return
        const ids = items.map((a) => a.id)
        void toasts.undoable(async () => {
          let count: number
          try {
            count = (await client.call('articles:delete', { ids })).count
          } catch (err) {
            fail('move them to the Trash', err)
            return undefined
          }
          bump()
          return {
            message: `Moved ${plural(count, 'article')} to the Trash`,
            failure: 'undo the delete',
            undo: async () => {
              await client.call('articles:restore', { ids })
              bump()
            },
          }
        })
      },
    }
  }, [client, toasts, bump])
}
