// What the search index stores of an article: searchable text columns and filter columns.
import type { Article } from '../../../shared/model.ts'
import { foldText } from '../../../shared/search/normalize.ts'
import { hostOf } from '../../../shared/search/matcher.ts'
import { VALUE_BARRIER } from './index-schema.ts'

export interface IndexRow {
  id: string
  shard: string
  status: string
  favorite: number
  /** 1 for a book known by its metadata (the Books view). */
  book: number
  archived: number
  deleted: number
  imported: string
  published: string | null
  sort_date: string
  title_key: string
  words: number
  source: string
  authors: string
  url: string
  lang: string
  notes: number
  highlights: number
  colors: string
}

export interface IndexText {
  title: string
  subtitle: string
  authors: string
  source: string
  body: string
  tags: string
  notes: string
}

// Field contents follow shared/search/matcher.ts (the reference the index is tested
// against): `source:` looks at the source name and the URL's host, `url:` at the URL.
const fold = foldText

export function indexRow(a: Article): IndexRow {
  const notes = a.annotations.filter((x) => x.note.trim()).length + (a.note.trim() ? 1 : 0)
  return {
    id: a.id,
    shard: a.id.slice(0, 2),
    status: a.status,
    favorite: a.favorite ? 1 : 0,
    book: a.kind === 'book' ? 1 : 0,
    archived: a.archivedAt ? 1 : 0,
    deleted: a.deletedAt ? 1 : 0,
    imported: a.importedAt,
    published: a.publishedAt ?? null,
    sort_date: a.publishedAt ?? a.importedAt,
    title_key: fold(a.title),
    words: a.wordCount,
    source: `${fold(a.source ?? '')}\n${a.url ? hostOf(a.url) : ''}`,
    authors: a.authors.map(fold).join('\n'),
    url: fold(a.url ?? ''),
    lang: fold(a.language ?? ''),
    notes,
    highlights: a.annotations.length,
    colors: ` ${[...new Set(a.annotations.map((x) => x.color))].join(' ')} `,
  }
}

/** Private-use characters Quire uses as snippet marks and barriers; never indexed. */
const RESERVED = /[\u{E000}-\u{E002}]/gu

export function indexText(a: Article, bodyText: string): IndexText {
  const clean = (s: string) => s.replace(RESERVED, ' ')
  const values = (list: string[]) => list.map(clean).join(VALUE_BARRIER)
  return {
    title: clean(a.title),
    subtitle: clean(a.subtitle ?? ''),
    authors: values(a.authors),
    source: clean(a.source ?? ''),
    body: clean(bodyText),
    tags: values(a.tags),
    // Highlight tags are searched with the notes (a word search finds them); `tag:` stays
    // the article's own tags.
    notes: values([
      a.note,
      ...a.annotations.map((x) => x.note),
      ...a.annotations.flatMap((x) => x.tags),
      // Quotes the body does not hold (a book's highlights): found by their words too.
      ...a.annotations.flatMap((x) => (x.orphaned ? [x.target.quote.exact] : [])),
    ]),
  }
}
