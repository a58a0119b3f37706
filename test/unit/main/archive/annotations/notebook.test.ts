// The notebook's scan: filters, grouping by article, paging and the trash left out.
import { describe, expect, it } from 'vitest'
import { NotebookQuerySchema, type NotebookQuery } from '../../../../../shared/api.ts'
import type { Annotation, Article, HighlightColor } from '../../../../../shared/model.ts'
import { listAnnotations } from '../../../../../main/archive/annotations/notebook.ts'

let seq = 0
function note(
  exact: string,
  opts: { color?: HighlightColor; tags?: string[]; note?: string; at?: string; start?: number },
): Annotation {
  const id = (seq++).toString(16).padStart(16, '0')
  const at = opts.at ?? '2026-03-01T10:00:00.000Z'
  const start = opts.start ?? 0
  return {
    id,
    createdAt: at,
    updatedAt: at,
    color: opts.color ?? 'yellow',
    note: opts.note ?? '',
    tags: opts.tags ?? [],
    target: {
      quote: { type: 'TextQuoteSelector', exact, prefix: '', suffix: '' },
      position: { type: 'TextPositionSelector', start, end: start + exact.length },
    },
    orphaned: false,
  }
}

function article(n: number, title: string, source: string, annotations: Annotation[]): Article {
  const id = n.toString(16).padStart(16, 'a')
  return {
    id,
    title,
    source,
    authors: [],
    importedAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    wordCount: 10,
    readingMinutes: 1,
    excerpt: '',
    contentHash: '0'.repeat(64),
    origin: { kind: 'file', name: `${n}.txt`, format: 'text' },
    tags: [],
    status: 'unread',
    progress: 0,
    favorite: false,
    archivedAt: null,
    deletedAt: null,
    annotations,
    note: '',
  }
}

const bridge = article(1, 'Council approves bridge', 'AP', [
  note('forty million pounds', {
    start: 50,
    color: 'green',
    tags: ['money'],
    note: 'Check **cost**',
  }),
  note('The city council', { start: 10, at: '2026-03-05T09:00:00.000Z', tags: ['politics/local'] }),
])
const library = article(2, 'The keepers’ library', 'BBC News', [
  note('a century of reading', { color: 'pink', at: '2026-02-01T00:00:00.000Z' }),
])
const trashed = { ...article(3, 'Gone', 'AP', [note('trashed quote', {})]), deletedAt: 'x' }
const plain = article(4, 'No highlights', 'AP', [])
const all = [library, trashed, bridge, plain]

const list = (q: NotebookQuery = {}) => listAnnotations(all, NotebookQuerySchema.parse(q))

describe('listAnnotations', () => {
  it('groups by article, newest annotation first, each in text order, trash left out', () => {
    const page = list()
    expect(page.total).toBe(3)
    expect(page.articles).toBe(2)
    expect(page.items.map((i) => [i.title, i.annotation!.target.quote.exact])).toEqual([
      ['Council approves bridge', 'The city council'],
      ['Council approves bridge', 'forty million pounds'],
      ['The keepers’ library', 'a century of reading'],
    ])
    expect(page.items[0]).toMatchObject({ articleId: bridge.id, source: 'AP' })
    expect(page.facets).toEqual({ tags: ['money', 'politics/local'], sources: ['AP', 'BBC News'] })
  })

  it('filters by colour, tag (with its children), source, dates and text', () => {
    const quotes = (q: NotebookQuery) => list(q).items.map((i) => i.annotation!.target.quote.exact)
    expect(quotes({ filters: { color: 'pink' } })).toEqual(['a century of reading'])
    expect(quotes({ filters: { tag: 'politics' } })).toEqual(['The city council'])
    expect(quotes({ filters: { tag: 'money' } })).toEqual(['forty million pounds'])
    expect(quotes({ filters: { source: 'bbc news' } })).toEqual(['a century of reading'])
    expect(quotes({ filters: { from: '2026-03-01', to: '2026-03-01' } })).toEqual([
      'forty million pounds',
    ])
    expect(quotes({ filters: { to: '2026-02-28' } })).toEqual(['a century of reading'])
    // Text matches the quote, the note or the title, in any case.
    expect(quotes({ filters: { text: 'COST' } })).toEqual(['forty million pounds'])
    expect(quotes({ filters: { text: 'keepers' } })).toEqual(['a century of reading'])
    expect(quotes({ filters: { text: 'trashed' } })).toEqual([])
    expect(list({ filters: { color: 'blue' } })).toMatchObject({ total: 0, articles: 0, items: [] })
  })

  it('pages across groups without losing or repeating an annotation', () => {
    const seen = [0, 1, 2].flatMap((offset) => list({ offset, limit: 1 }).items)
    expect(seen.map((i) => i.annotation!.id)).toEqual(list().items.map((i) => i.annotation!.id))
    expect(list({ offset: 3 }).items).toEqual([])
    expect(list({ offset: 1, limit: 1 }).total).toBe(3)
  })

  it('gives early pages in the same order as a full sort (the small-buffer path)', () => {
    const many = Array.from({ length: 60 }, (_, i) =>
      article(100 + i, `Article ${i}`, 'AP', [
        note(`quote ${i}`, {
          at: `2026-01-${String(((i * 7) % 28) + 1).padStart(2, '0')}T00:00:00.000Z`,
        }),
        ...(i % 3 === 0 ? [note(`second ${i}`, { start: 50 })] : []),
      ]),
    )
    const page = (offset: number, limit: number) =>
      listAnnotations(many, NotebookQuerySchema.parse({ offset, limit })).items.map(
        (x) => x.annotation!.id,
      )
    const everything = page(0, 500)
    expect(everything).toHaveLength(80)
    for (const [offset, limit] of [
      [0, 3],
      [3, 4],
      [10, 1],
      [0, 7],
    ] as const) {
      expect(page(offset, limit)).toEqual(everything.slice(offset, offset + limit))
    }
  })

  it('lists article notes first in their group, also on articles without highlights', () => {
    const noted = { ...bridge, note: '# Summary\n\nWhy it matters.' }
    const only = { ...plain, note: 'A note, no highlights', updatedAt: '2026-04-01T00:00:00.000Z' }
    const page = listAnnotations([library, noted, only], NotebookQuerySchema.parse({}))
    expect([page.total, page.notes, page.articles]).toEqual([3, 2, 3])
    expect(page.items.map((i) => [i.title, i.note ?? i.annotation!.target.quote.exact])).toEqual([
      ['No highlights', 'A note, no highlights'],
      ['Council approves bridge', '# Summary\n\nWhy it matters.'],
      ['Council approves bridge', 'The city council'],
      ['Council approves bridge', 'forty million pounds'],
      ['The keepers’ library', 'a century of reading'],
    ])
    // A note has no colour or tag; text looks in it.
    const green = listAnnotations(
      [noted, only],
      NotebookQuerySchema.parse({ filters: { color: 'green' } }),
    )
    expect([green.total, green.notes]).toEqual([1, 0])
    const text = listAnnotations(
      [noted, only],
      NotebookQuerySchema.parse({ filters: { text: 'matters' } }),
    )
    expect([text.total, text.notes, text.items[0]!.note]).toEqual([0, 1, noted.note])
  })

  it('refuses malformed filters at the contract', () => {
    expect(() => NotebookQuerySchema.parse({ filters: { from: '1 March' } })).toThrow()
    expect(() => NotebookQuerySchema.parse({ filters: { colour: 'pink' } })).toThrow()
    expect(() => NotebookQuerySchema.parse({ limit: 10_000 })).toThrow()
  })
})
