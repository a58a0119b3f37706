// The feeds dialog's data: the subscriptions, and what the person asks of them (subscribe,
// refresh one or all, unsubscribe, OPML in and out), each with its busy state and a note that
// says what happened or why it failed.
import { useCallback, useEffect, useState } from 'react'
import type { QuireClient } from '../../../shared/api.ts'
import type { Feed } from '../../../shared/model.ts'
import { errorReason } from '../api/describe-error.ts'
import { plural } from '../ui/format/article-meta.ts'
import { newItemsText } from './feed-text.ts'
import { downloadOpml, readOpmlFile } from './opml-file.ts'

export interface FeedNote {
  kind: 'info' | 'error'
  text: string
}

/** What is running: a subscription, one feed's refresh, all of them, or an OPML file. */
export type FeedBusy = 'subscribe' | 'all' | 'opml' | `feed:${string}`

export interface FeedsModel {
  feeds: Feed[] | undefined
  /** When the list was last read (ms), so "checked just now" is right after a refresh. */
  loadedAt: number
  loadError: string | undefined
  busy: ReadonlySet<FeedBusy>
  note: FeedNote | undefined
  subscribe(url: string, tags: string[]): Promise<boolean>
  refresh(id?: string): Promise<void>
  unsubscribe(feed: Feed): Promise<void>
  importOpml(file: File): Promise<void>
  exportOpml(): Promise<void>
  clearNote(): void
}

function clean(text: string): string {
  return `${text.replace(/[.\s]+$/, '')}.`
}

export function useFeeds(client: QuireClient, onChanged: () => void): FeedsModel {
  const [feeds, setFeeds] = useState<Feed[]>()
  const [loadedAt, setLoadedAt] = useState(0)
  const [loadError, setLoadError] = useState<string>()
  const [busy, setBusy] = useState<ReadonlySet<FeedBusy>>(new Set())
  const [note, setNote] = useState<FeedNote>()

  const load = useCallback(() => {
    client.call('feeds:list', {}).then(
      (list) => {
        setFeeds(list)
        setLoadedAt(Date.now())
        setLoadError(undefined)
      },
      (err: unknown) => setLoadError(clean(`Couldn't list the feeds: ${errorReason(err)}`)),
    )
  }, [client])
  useEffect(load, [load])

  /** Runs one action with its busy flag, then reads the list again. */
  const track = useCallback(
    async (key: FeedBusy, action: () => Promise<FeedNote>): Promise<boolean> => {
      setBusy((b) => new Set(b).add(key))
      setNote(undefined)
      let ok = true
      try {
        setNote(await action())
      } catch (err) {
        ok = false
        setNote({ kind: 'error', text: clean(errorReason(err)) })
      } finally {
        setBusy((b) => {
          const next = new Set(b)
          next.delete(key)
          return next
        })
        load()
        onChanged()
      }
      return ok
    },
    [load, onChanged],
  )

  const subscribe = useCallback(
    (url: string, tags: string[]) =>
      track('subscribe', async () => {
        try {
          const { feeds: added, report } = await client.call('feeds:subscribe', { url, tags })
          const title = added[0]?.title || url
          return { kind: 'info', text: `Subscribed to “${title}”: ${newItemsText(report)}.` }
        } catch (err) {
          throw new Error(`Couldn't subscribe to ${url}: ${errorReason(err)}`, { cause: err })
        }
      }),
    [client, track],
  )

  const refresh = useCallback(
    async (id?: string) => {
      await track(id ? `feed:${id}` : 'all', async () => {
        const { feeds: done, report } = await client.call('feeds:refresh', id ? { ids: [id] } : {})
        const failed = done.filter((f) => f.lastError).length
        const what = id ? `“${done[0]?.title ?? 'The feed'}”` : plural(done.length, 'feed')
        const text = `Refreshed ${what}: ${newItemsText(report)}.`
        return failed > 0
          ? { kind: 'error', text: `${text} ${plural(failed, 'feed')} could not be refreshed.` }
          : { kind: 'info', text }
      })
    },
    [client, track],
  )

  const unsubscribe = useCallback(
    async (feed: Feed) => {
      await track(`feed:${feed.id}`, async () => {
        await client.call('feeds:unsubscribe', { id: feed.id })
        return { kind: 'info', text: `Unsubscribed from “${feed.title}”. Its articles stay.` }
      })
    },
    [client, track],
  )

  const importOpml = useCallback(
    async (file: File) => {
      await track('opml', async () => {
        const text = await readOpmlFile(file)
        try {
          const { added } = await client.call('feeds:importOpml', { text })
          return {
            kind: 'info',
            text:
              added === 0
                ? `${file.name} has no feeds that are not here already.`
                : `Added ${plural(added, 'feed')} from ${file.name}. Refresh to fetch their articles.`,
          }
        } catch (err) {
          throw new Error(`${file.name}: ${errorReason(err)}`, { cause: err })
        }
      })
    },
    [client, track],
  )

  const exportOpml = useCallback(async () => {
    await track('opml', async () => {
      const { opml } = await client.call('feeds:exportOpml', {})
      downloadOpml(opml)
      return { kind: 'info', text: 'Saved quire-feeds.opml to your downloads.' }
    })
  }, [client, track])

  const clearNote = useCallback(() => setNote(undefined), [])

  return {
    clearNote,
    feeds,
    loadedAt,
    loadError,
    busy,
    note,
    subscribe,
    refresh,
    unsubscribe,
    importOpml,
    exportOpml,
  }
}
