// Writes reach the index a moment after they commit, several in one update
// (archive-search.ts); a search still answers with every change made before it.
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openArchiveStore } from '../../../../../main/archive/store/archive-store.ts'
import { ArchiveSearch } from '../../../../../main/archive/search/archive-search.ts'
import { processHost, type IndexHost } from '../../../../../main/archive/search/index-host.ts'
import { bodyHtml } from '../../../../../main/archive/import/build-record.ts'
import { parseQuery } from '../../../../../shared/search/parser.ts'
import { makeArticle } from '../../../helpers/article.ts'
import { tempDir } from '../../../helpers/temp-dir.ts'

describe('index updates held after a write', () => {
  it('sends a burst of changes as one update, and before a search', async () => {
    const store = await openArchiveStore(join(await tempDir(), 'archive'))
    const articles = ['rafah crossing', 'gaza talks', 'oil prices'].map((title) =>
      makeArticle({ title }),
    )
    for (const a of articles) {
      store.catalog.put(a)
      await store.content.write(a.id, bodyHtml([`${a.title} body`]))
    }
    await store.catalog.flush()
    const updates: number[] = []
    const host: IndexHost = (root) => {
      const channel = processHost()(root)
      return {
        ...channel,
        postMessage(msg) {
          const req = (msg as { req: { type: string; articles?: unknown[] } }).req
          if (req.type === 'update') updates.push(req.articles!.length)
          channel.postMessage(msg)
        },
      }
    }
    const search = new ArchiveSearch(store.layout, { host })
    await search.whenReady()

    const renamed = articles.map((a, i) => ({ ...a, title: `renamed ${i} banking` }))
    const sent = renamed.map((a) => {
      store.catalog.put(a)
      return search.changed([a])
    })
    await store.catalog.flush()
    expect(updates).toEqual([]) // held, not sent with each write
    const parsed = parseQuery('banking')
    if (!parsed.ok) throw new Error('query')
    const page = await search.search(parsed.query, 'all', 'relevance', 'desc', 0, 50)
    expect(page.ids.sort()).toEqual(articles.map((a) => a.id).sort())
    expect(updates).toEqual([3]) // one update with the three, sent before the search
    await Promise.all(sent)

    // A change nobody searches after still reaches the index, on its own.
    const later = { ...articles[0]!, title: 'rafah border' }
    store.catalog.put(later)
    await store.catalog.flush()
    await search.changed([later])
    expect(updates).toEqual([3, 1])
    await search.close()
    await store.close()
  })
})
