// How the index ranks, counts and pages: bm25 for words that tell articles apart, newest
// first for words in most of the archive (where bm25 has nothing to rank by), totals cached
// until the next write.
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import {
  SearchIndex,
  MARK_START,
  MARK_END,
} from '../../../../../main/archive/search/search-index.ts'
import { parseQuery } from '../../../../../shared/search/parser.ts'
import type { Query } from '../../../../../shared/search/query.ts'
import type { Article } from '../../../../../shared/model.ts'
import { makeArticle } from '../../../helpers/article.ts'
import { tempDir } from '../../../helpers/temp-dir.ts'

const open: SearchIndex[] = []
afterEach(() => open.splice(0).forEach((i) => i.close()))

function q(text: string): Query {
  const parsed = parseQuery(text)
  if (!parsed.ok) throw new Error(text)
  return parsed.query
}

const id = (i: number) => i.toString(16).padStart(16, '0')
const at = (i: number) => new Date(Date.UTC(2024, 0, 1, 0, i)).toISOString()

/** Ten articles, all with "the"; "rafah" in 1, 3 (three times) and 7; 9 is archived. */
async function fixture(): Promise<{ index: SearchIndex; articles: Article[] }> {
  const index = new SearchIndex(join(await tempDir(), 'search.sqlite'))
  open.push(index)
  const articles = Array.from({ length: 10 }, (_, i) =>
    makeArticle({
      id: id(i),
      title: `Report ${i}`,
      importedAt: at(i),
      archivedAt: i === 9 ? at(20) : null,
    }),
  )
  const body = (i: number) =>
    i === 3
      ? 'the rafah crossing: rafah, rafah again'
      : i === 1 || i === 7
        ? 'the long report on rafah and many other places and things'
        : 'the weather today'
  index.transaction(() => articles.forEach((a, i) => index.upsert(a, body(i), true)))
  return { index, articles }
}

describe('ranking and counting in the index', () => {
  it('ranks a distinguishing word by bm25, the densest match first', async () => {
    const { index } = await fixture()
    const page = index.search(q('rafah'), 'inbox', 'relevance', 'desc', 0, 50)
    expect(page.total).toBe(3)
    expect(page.ids[0]).toBe(id(3))
    expect(page.snippets[id(3)]).toContain(`${MARK_START}rafah${MARK_END}`)
  })

  it('answers a word found in most articles newest first, with every match and snippets', async () => {
    const { index } = await fixture()
    const page = index.search(q('the'), 'inbox', 'relevance', 'desc', 0, 4)
    // Archived 9 is not in the inbox; the rest newest first.
    expect(page.ids).toEqual([id(8), id(7), id(6), id(5)])
    expect(page.total).toBe(9)
    expect(page.snippets[id(7)]).toContain(`${MARK_START}the${MARK_END}`)
    const next = index.search(q('the'), 'inbox', 'relevance', 'desc', 4, 4)
    expect(next.ids).toEqual([id(4), id(3), id(2), id(1)])
    // Every clause must be common: with "rafah" the query is ranked by bm25 again.
    expect(index.search(q('the rafah'), 'inbox', 'relevance', 'desc', 0, 50).ids[0]).toBe(id(3))
  })

  it('counts again after a write, not from a stale cached total', async () => {
    const { index, articles } = await fixture()
    expect(index.search(q('rafah'), 'inbox', 'relevance', 'desc', 0, 50).total).toBe(3)
    index.upsert({ ...articles[3]!, archivedAt: at(30) }, 'the rafah crossing')
    expect(index.search(q('rafah'), 'inbox', 'relevance', 'desc', 0, 50).total).toBe(2)
    index.remove(id(7))
    const page = index.search(q('rafah'), 'inbox', 'relevance', 'desc', 0, 50)
    expect(page).toMatchObject({ total: 1, ids: [id(1)] })
    expect(index.search(q('the'), 'all', 'relevance', 'desc', 0, 50).total).toBe(9)
  })

  it('pages a common word the same whether rows are checked in FTS5 or gathered first', async () => {
    const index = new SearchIndex(join(await tempDir(), 'search.sqlite'))
    open.push(index)
    // 700 articles, "the", "wea" and "weather" in all; every fifth is a favorite. "the" and
    // "wea" are checked row by row (short prefixes are indexed); the longer "weather" (a prefix
    // of "weatherman") and the queries with a filter or an exclusion are gathered first, and
    // so is a page past the first 500 rows.
    const articles = Array.from({ length: 700 }, (_, i) =>
      makeArticle({ id: id(i), importedAt: at(i), favorite: i % 5 === 0 }),
    )
    const body = (i: number) => `the wea weather ${i % 3 === 0 ? 'weatherman' : 'report'}`
    index.transaction(() => articles.forEach((a, i) => index.upsert(a, body(i), true)))
    const newest = (keep: (i: number) => boolean) =>
      articles
        .map((_, i) => i)
        .filter(keep)
        .reverse()
        .map(id)
    const keeps: Record<string, (i: number) => boolean> = {
      'the is:favorite': (i) => i % 5 === 0,
      'the -weatherman': (i) => i % 3 !== 0,
    }
    for (const text of ['the', 'wea', 'the wea', 'weather', ...Object.keys(keeps)]) {
      const expected = newest(keeps[text] ?? (() => true))
      for (const offset of [0, 480, 600]) {
        const page = index.search(q(text), 'inbox', 'relevance', 'desc', offset, 50)
        expect(page.total, `${text} @${offset}`).toBe(expected.length)
        expect(page.ids, `${text} @${offset}`).toEqual(expected.slice(offset, offset + 50))
      }
    }
    // The word itself is marked, not the longer words it begins.
    const snippet = index.search(q('wea'), 'inbox', 'relevance', 'desc', 0, 1).snippets[id(699)]
    expect(snippet).toContain(`${MARK_START}wea${MARK_END}`)
    expect(snippet).not.toContain(`${MARK_START}weather`)
  })
})

describe('what annotations add to search', () => {
  it('finds an article by a tag on one of its highlights, and by a highlight note', async () => {
    const index = new SearchIndex(join(await tempDir(), 'search.sqlite'))
    open.push(index)
    const tagged = makeArticle({ id: id(1), title: 'Harbour report' })
    const highlight = (tags: string[], note: string) => ({
      id: 'a000000000000001',
      createdAt: at(1),
      updatedAt: at(1),
      color: 'yellow' as const,
      note,
      tags,
      target: {
        quote: { type: 'TextQuoteSelector' as const, exact: 'ships', prefix: '', suffix: '' },
        position: { type: 'TextPositionSelector' as const, start: 0, end: 5 },
      },
      orphaned: false,
    })
    const withHighlight = { ...tagged, annotations: [highlight(['evidence'], 'see the logbook')] }
    const other = makeArticle({ id: id(2), title: 'Weather' })
    index.transaction(() => {
      index.upsert(withHighlight, 'ships waited outside', true)
      index.upsert(other, 'sun and rain', true)
    })
    expect(index.search(q('evidence'), 'all', 'relevance', 'desc', 0, 10).ids).toEqual([id(1)])
    expect(index.search(q('logbook'), 'all', 'relevance', 'desc', 0, 10).ids).toEqual([id(1)])
    // `tag:` stays the article's own tags.
    expect(index.search(q('tag:evidence'), 'all', 'relevance', 'desc', 0, 10).total).toBe(0)
  })
})
