// The index must answer exactly what the brute-force reference matcher (shared/search)
// answers: random archives, random queries, same result sets.
import { join } from 'node:path'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openArchiveStore } from '../../../../../main/archive/store/archive-store.ts'
import { ArchiveSearch } from '../../../../../main/archive/search/archive-search.ts'
import type { IndexSort } from '../../../../../main/archive/search/search-index.ts'
import type { LibraryView } from '../../../../../shared/api.ts'
import { bodyHtml } from '../../../../../main/archive/import/build-record.ts'
import type { Article, Annotation } from '../../../../../shared/model.ts'
import { matchesQuery, type ArticleLike } from '../../../../../shared/search/matcher.ts'
import { formatQuery } from '../../../../../shared/search/formatter.ts'
import { parseQuery } from '../../../../../shared/search/parser.ts'
import { emptyQuery, type Query } from '../../../../../shared/search/query.ts'
import { makeArticle } from '../../../helpers/article.ts'
import { tempDir } from '../../../helpers/temp-dir.ts'

// A small vocabulary with diacritics and shared prefixes, so random queries hit often.
const WORDS = [
  'rafah',
  'rafa',
  'gaza',
  'Türkiye',
  'turkey',
  'bank',
  'banking',
  'élan',
  'elan',
  'oil',
  'peace',
  'talks',
]
const TAGS = ['politics', 'region', 'region/gaza', 'Économie', 'tech/ai']
const COLORS = ['yellow', 'green', 'blue', 'pink', 'purple'] as const
const SOURCES = ['Reuters', 'Anadolu Agency', 'BBC News']

const word = fc.constantFrom(...WORDS)
const sentence = fc.array(word, { minLength: 1, maxLength: 8 }).map((w) => w.join(' '))

const annotation = fc.record({
  color: fc.constantFrom(...COLORS),
  note: fc.oneof(fc.constant(''), sentence),
})

const articleArb = fc.record({
  title: sentence,
  subtitle: fc.option(sentence, { nil: undefined }),
  author: fc.option(fc.constantFrom('Jane Doe', 'Ahmet Çelik', 'John Roe'), { nil: undefined }),
  source: fc.option(fc.constantFrom(...SOURCES), { nil: undefined }),
  url: fc.option(fc.constantFrom('https://www.aa.com.tr/en/x', 'https://bbc.co.uk/news/1'), {
    nil: undefined,
  }),
  language: fc.option(fc.constantFrom('en', 'tr', 'pt-BR'), { nil: undefined }),
  paragraphs: fc.array(sentence, { minLength: 1, maxLength: 4 }),
  tags: fc.uniqueArray(fc.constantFrom(...TAGS), { maxLength: 2 }),
  status: fc.constantFrom('unread', 'reading', 'read' as const),
  favorite: fc.boolean(),
  archived: fc.boolean(),
  annotations: fc.array(annotation, { maxLength: 2 }),
  note: fc.oneof(fc.constant(''), sentence),
  words: fc.integer({ min: 10, max: 3000 }),
  published: fc.option(
    fc.date({ min: new Date('2023-01-01'), max: new Date('2025-12-31'), noInvalidDate: true }),
    { nil: undefined },
  ),
})

const term = fc.oneof(
  word.map((w) => w.slice(0, Math.max(2, w.length - 1))),
  word,
  fc.tuple(word, word).map(([a, b]) => `"${a} ${b}"`),
)
const queryText = fc
  .tuple(
    fc.array(
      fc.oneof(
        term,
        fc.tuple(term, term).map(([a, b]) => `${a} OR ${b}`),
      ),
      { maxLength: 2 },
    ),
    fc.option(
      term.map((t) => `-${t}`),
      { nil: undefined },
    ),
    fc.array(
      fc.constantFrom(
        'tag:region',
        '-tag:politics',
        'tag:economie',
        'is:unread',
        'is:favorite',
        '-is:archived',
        'is:annotated',
        'source:reuters',
        'source:aa.com.tr',
        'author:doe',
        'author:celik',
        'url:bbc',
        'lang:pt',
        'lang:en',
        'after:2024',
        'before:2024-06-15',
        'words:>1000',
        'words:<500',
        'has:notes',
        '-has:highlights',
        'color:yellow',
      ),
      { maxLength: 3 },
    ),
  )
  .map(([terms, exclude, filters]) => [...terms, exclude ?? '', ...filters].join(' ').trim())

interface Fixture {
  articles: { record: Article; like: ArticleLike }[]
  search: ArchiveSearch
}

async function buildFixture(seed: number): Promise<Fixture> {
  const root = join(await tempDir('quire-prop-'), 'archive')
  const store = await openArchiveStore(root)
  const samples = fc.sample(articleArb, { numRuns: 60, seed })
  const articles = await Promise.all(
    samples.map(async (s, i) => {
      const now = new Date(Date.UTC(2024, 0, 1) + i * 86_400_000).toISOString()
      const annotations: Annotation[] = s.annotations.map((a, k) => ({
        id: `${i.toString(16).padStart(8, '0')}${k.toString(16).padStart(8, '0')}`,
        createdAt: now,
        updatedAt: now,
        color: a.color,
        note: a.note,
        tags: [],
        target: {
          quote: { type: 'TextQuoteSelector', exact: 'x', prefix: '', suffix: '' },
          position: { type: 'TextPositionSelector', start: 0, end: 1 },
        },
        orphaned: false,
      }))
      const record = makeArticle({
        title: s.title,
        ...(s.subtitle ? { subtitle: s.subtitle } : {}),
        authors: s.author ? [s.author] : [],
        ...(s.source ? { source: s.source } : {}),
        ...(s.url ? { url: s.url } : {}),
        ...(s.language ? { language: s.language } : {}),
        ...(s.published ? { publishedAt: s.published.toISOString() } : {}),
        importedAt: now,
        tags: s.tags,
        status: s.status,
        favorite: s.favorite,
        archivedAt: s.archived ? now : null,
        annotations,
        note: s.note,
        wordCount: s.words,
      })
      store.catalog.put(record)
      await store.content.write(record.id, bodyHtml(s.paragraphs))
      const like: ArticleLike = {
        title: record.title,
        ...(record.subtitle ? { subtitle: record.subtitle } : {}),
        authors: record.authors,
        ...(record.source ? { source: record.source } : {}),
        ...(record.url ? { url: record.url } : {}),
        ...(record.language ? { language: record.language } : {}),
        text: s.paragraphs.join('\n\n'),
        tags: record.tags,
        status: record.status,
        favorite: record.favorite,
        archived: record.archivedAt !== null,
        annotations: record.annotations,
        note: record.note,
        wordCount: record.wordCount,
        ...(record.publishedAt ? { publishedAt: record.publishedAt } : {}),
        importedAt: record.importedAt,
      }
      return { record, like }
    }),
  )
  await store.catalog.flush()
  const search = new ArchiveSearch(store.layout)
  await search.whenReady()
  return { articles, search }
}

describe('the index against the reference matcher', () => {
  const fixtures: Fixture[] = []
  beforeAll(async () => {
    fixtures.push(await buildFixture(1), await buildFixture(2))
  })
  afterAll(async () => {
    await Promise.all(fixtures.map((f) => f.search.close()))
  })

  it('returns exactly the articles the brute-force scan matches', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 1 }),
        queryText,
        // Every way the index answers: ranked (bm25, or newest first for words in most
        // articles), sorted by a column, and through the narrow filters table or not.
        fc.constantFrom('imported', 'relevance', 'title') satisfies fc.Arbitrary<IndexSort>,
        fc.constantFrom('all', 'inbox') satisfies fc.Arbitrary<LibraryView>,
        async (which, text, sort, view) => {
          const fixture = fixtures[which]!
          const parsed = parseQuery(text)
          // Contradictory filters (words:<500 words:>1000) are the parser's to refuse.
          fc.pre(parsed.ok)
          if (!parsed.ok) return
          const page = await fixture.search.search(parsed.query, view, sort, 'asc', 0, 500)
          const expected = fixture.articles
            .filter((a) => view === 'all' || !a.like.archived)
            .filter((a) => matchesQuery(a.like, parsed.query))
            .map((a) => a.record.id)
            .sort()
          expect([...page.ids].sort(), `${text} (${sort}, ${view})`).toEqual(expected)
          expect(page.total).toBe(expected.length)
          // A second page of the same search uses the cached total: the pages still tile.
          if (expected.length > 2) {
            const head = await fixture.search.search(parsed.query, view, sort, 'asc', 0, 2)
            const rest = await fixture.search.search(parsed.query, view, sort, 'asc', 2, 500)
            expect([...head.ids, ...rest.ids]).toEqual(page.ids)
            expect(rest.total).toBe(expected.length)
          }
        },
      ),
      { numRuns: 300, seed: 7 },
    )
  })

  it('finds something for a good share of the generated queries (the test is not vacuous)', async () => {
    const queries = fc.sample(queryText, { numRuns: 100, seed: 3 })
    let nonEmpty = 0
    for (const text of queries) {
      const parsed = parseQuery(text)
      if (!parsed.ok) continue
      const q: Query = parsed.query
      if (fixtures[0]!.articles.some((a) => matchesQuery(a.like, q))) nonEmpty++
    }
    expect(nonEmpty).toBeGreaterThan(25)
    expect(formatQuery(emptyQuery())).toBe('')
  })
})
