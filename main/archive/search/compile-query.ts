// Compiles a parsed Query (shared/search) and a library view into SQL for the search index:
// text terms become one FTS5 MATCH expression, filters become conditions on `articles a`.
// The semantics mirror shared/search/matcher.ts, the brute-force reference.
//
// With `narrow`, the columns the small `filters` table also holds are read from it (alias
// `f`) instead of the wide `articles` row (alias `a`): a full-text query checks its filters
// on every match, and a lookup in a table of a few bytes a row is several times cheaper than
// one in the wide table. `needsArticles` says whether `a` is still used.
import type { LibraryView } from '../../../shared/api.ts'
import type { Query, Term } from '../../../shared/search/query.ts'
import { foldText } from '../../../shared/search/normalize.ts'
import type { SqlQuery } from './search-index.ts'

const VIEW_SQL: Record<LibraryView, string> = {
  inbox: 'deleted = 0 AND archived = 0',
  all: 'deleted = 0',
  favorites: 'deleted = 0 AND favorite = 1',
  books: 'deleted = 0 AND book = 1',
  archived: 'deleted = 0 AND archived = 1',
  trash: 'deleted = 1',
}

/** The columns of `articles` that the narrow `filters` table repeats (index-schema.ts). */
const NARROW_COLUMNS = [
  'rowid',
  'deleted',
  'archived',
  'favorite',
  'book',
  'status',
  'words',
  'notes',
  'highlights',
]

/** An FTS5 string literal: tokens are already folded, so quoting only guards `"`. */
function ftsTerm(t: Term): string {
  const quoted = `"${t.text.replace(/"/g, '""')}"`
  return t.kind === 'word' && t.prefix ? `${quoted}*` : quoted
}

function likeEscape(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`)
}

/**
 * The query's words that each decide a clause alone (no OR, no phrase), as exact tokens: the
 * index uses their document frequency to spot a query whose every clause is in most of the
 * archive (see run-search.ts). Null when some clause is not such a word.
 */
export function soleWords(q: Query): string[] | null {
  if (!q.terms.length) return null
  const words: string[] = []
  for (const clause of q.terms) {
    const t = clause[0]!
    if (clause.length !== 1 || t.kind !== 'word') return null
    words.push(t.text)
  }
  return words
}

/** An FTS5 expression for one exact token. */
export function ftsToken(token: string): string {
  return ftsTerm({ kind: 'word', text: token, prefix: false })
}

export function compileQuery(
  q: Query,
  view: LibraryView,
  opts: { narrow?: boolean } = {},
): SqlQuery {
  let needsArticles = false
  const col = (name: string): string => {
    if (opts.narrow && NARROW_COLUMNS.includes(name)) return `f.${name}`
    needsArticles = true
    return `a.${name}`
  }
  const where: string[] = [
    VIEW_SQL[view].replace(/\b(deleted|archived|favorite|book)\b/g, (name) => col(name)),
  ]
  const params: (string | number)[] = []
  const add = (sql: string, ...p: (string | number)[]) => {
    where.push(sql)
    params.push(...p)
  }

  const terms = q.terms.map((clause) => `(${clause.map(ftsTerm).join(' OR ')})`).join(' AND ')
  const exclude = q.exclude.map(ftsTerm).join(' OR ')
  // With words to match, FTS5 drops the excluded ones while it reads the lists (`NOT`), far
  // cheaper than gathering every row of an excluded word into a set to test each match
  // against; an excluded word never occurs in a match, so bm25 is the same.
  const match = !q.terms.length ? null : q.exclude.length ? `(${terms}) NOT (${exclude})` : terms
  if (q.exclude.length && !q.terms.length) {
    add(`${col('rowid')} NOT IN (SELECT rowid FROM fts WHERE fts MATCH ?)`, exclude)
  }

  // The tag and its descendants (`region/…`) as a range on the primary key ('0' is the
  // character after '/'), so the index answers it without a scan.
  const tagCondition = 'SELECT article FROM article_tags WHERE tag = ? OR (tag >= ? AND tag < ?)'
  const tagParams = (tag: string) => {
    const t = foldText(tag)
    return [t, `${t}/`, `${t}0`]
  }
  for (const tag of q.tags) add(`${col('rowid')} IN (${tagCondition})`, ...tagParams(tag))
  for (const tag of q.excludeTags)
    add(`${col('rowid')} NOT IN (${tagCondition})`, ...tagParams(tag))

  const flag = (value: boolean | undefined, yes: string, no: string) => {
    if (value === true) add(yes)
    else if (value === false) add(no)
  }
  for (const status of ['unread', 'reading', 'read'] as const) {
    const v = q.is[status]
    if (v !== undefined) add(`${col('status')} ${v ? '=' : '<>'} ?`, status)
  }
  const bool = (name: string) => [`${col(name)} = 1`, `${col(name)} = 0`] as const
  const positive = (name: string) => [`${col(name)} > 0`, `${col(name)} = 0`] as const
  flag(q.is.favorite, ...bool('favorite'))
  flag(q.is.archived, ...bool('archived'))
  flag(q.is.annotated, ...positive('highlights'))
  flag(q.has.notes, ...positive('notes'))
  flag(q.has.highlights, ...positive('highlights'))

  const anyLike = (column: string, values: string[]) => {
    if (!values.length) return
    add(
      `(${values.map(() => `${col(column)} LIKE ? ESCAPE '\\'`).join(' OR ')})`,
      ...values.map((v) => `%${likeEscape(foldText(v))}%`),
    )
  }
  anyLike('source', q.source)
  anyLike('authors', q.author)
  anyLike('url', q.url)
  if (q.lang.length) {
    add(
      `(${q.lang.map(() => `(${col('lang')} = ? OR ${col('lang')} LIKE ?)`).join(' OR ')})`,
      ...q.lang.flatMap((l) => [l, `${likeEscape(l)}-%`]),
    )
  }

  if (q.after) add(`substr(${col('sort_date')}, 1, 10) >= ?`, q.after)
  if (q.before) add(`substr(${col('sort_date')}, 1, 10) < ?`, q.before)
  if (q.words.min !== undefined) add(`${col('words')} >= ?`, q.words.min)
  if (q.words.max !== undefined) add(`${col('words')} <= ?`, q.words.max)
  for (const color of q.colors) add(`${col('colors')} LIKE ?`, `% ${color} %`)

  return { where: where.join(' AND '), params, match, needsArticles }
}
