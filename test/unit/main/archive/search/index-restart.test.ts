// After a rebuild the index process is replaced by a new one (archive-search.ts): searches
// and later writes must go to the new process and nothing may be lost on the way.
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openArchiveStore } from '../../../../../main/archive/store/archive-store.ts'
import { ArchiveSearch } from '../../../../../main/archive/search/archive-search.ts'
import { processHost, type IndexHost } from '../../../../../main/archive/search/index-host.ts'
import { bodyHtml } from '../../../../../main/archive/import/build-record.ts'
import { parseQuery } from '../../../../../shared/search/parser.ts'
import type { Query } from '../../../../../shared/search/query.ts'
import { makeArticle } from '../../../helpers/article.ts'
import { tempDir } from '../../../helpers/temp-dir.ts'

function q(text: string): Query {
  const parsed = parseQuery(text)
  if (!parsed.ok) throw new Error(text)
  return parsed.query
}

describe('index process replaced after a rebuild', () => {
  it('answers from the new process and keeps the writes sent around the swap', async () => {
    const store = await openArchiveStore(join(await tempDir(), 'archive'))
    const articles = ['rafah crossing', 'gaza talks', 'oil prices'].map((title) =>
      makeArticle({ title }),
    )
    for (const a of articles) {
      store.catalog.put(a)
      await store.content.write(a.id, bodyHtml([`${a.title} body`]))
    }
    await store.catalog.flush()

    let spawned = 0
    const host: IndexHost = (root) => {
      spawned++
      return processHost()(root)
    }
    const search = new ArchiveSearch(store.layout, { host, restartAfter: 1 })
    // A write sent while the first process is still building.
    const renamed = { ...articles[2]!, title: 'oil and banking' }
    store.catalog.put(renamed)
    await store.catalog.flush()
    const early = search.changed([renamed])
    await search.whenReady()
    expect(spawned).toBe(2)
    await early
    // And one sent to the new process while the old one shuts down.
    const retitled = { ...articles[0]!, title: 'rafah border' }
    store.catalog.put(retitled)
    await store.catalog.flush()
    await search.changed([retitled])

    const ids = async (text: string) =>
      (await search.search(q(text), 'all', 'relevance', 'desc', 0, 50)).ids
    expect(await ids('banking')).toEqual([renamed.id])
    expect(await ids('border')).toEqual([retitled.id])
    expect(await ids('gaza')).toEqual([articles[1]!.id])
    expect(search.status).toMatchObject({ state: 'ready' })
    expect(search.status.message).toBeUndefined()
    await search.close()
    await store.close()
  })
})
