// Compiles a parsed Query (shared/search) and a library view into SQL for the search index:
// text terms become one FTS5 MATCH expression, filters become conditions on `articles a`.
// The semantics mirror shared/search/matcher.ts, the brute-force reference.
import type { LibraryView } from '../../../shared/api.ts'
import type { Query, Term } from '../../../shared/search/query.ts'
import { foldText } from '../../../shared/search/normalize.ts'
import type { SqlQuery } from './search-index.ts'

const VIEW_SQL: Record<LibraryView, string> = {
  inbox: 'a.deleted = 0 AND a.archived = 0',
  all: 'a.deleted = 0',
  favorites: 'a.deleted = 0 AND a.favorite = 1',
  archived: 'a.deleted = 0 AND a.archived = 1',
  trash: 'a.deleted = 1',
}

/** An FTS5 string literal: tokens are already folded, so quoting only guards `"`. */
function ftsTerm(t: Term): string {
  const quoted = `"${t.text.replace(/"/g, '""')}"`
  return t.kind === 'word' && t.prefix ? `${quoted}*` : quoted
}

function likeEscape(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`)
}

export function compileQuery(q: Query, view: LibraryView): SqlQuery {
  const where: string[] = [VIEW_SQL[view]]
  const params: (string | number)[] = []
  const add = (sql: string, ...p: (string | number)[]) => {
    where.push(sql)
    params.push(...p)
  }

  const match = q.terms.length
    ? q.terms.map((clause) => `(${clause.map(ftsTerm).join(' OR ')})`).join(' AND ')
    : null
  if (q.exclude.length) {
    add(
      'a.rowid NOT IN (SELECT rowid FROM fts WHERE fts MATCH ?)',
      q.exclude.map(ftsTerm).join(' OR '),
    )
  }

  // The tag and its descendants (`region/…`) as a range on the primary key ('0' is the
  // character after '/'), so the index answers it without a scan.
  const tagCondition = 'SELECT article FROM article_tags WHERE tag = ? OR (tag >= ? AND tag < ?)'
  const tagParams = (tag: string) => {
    const t = foldText(tag)
    return [t, `${t}/`, `${t}0`]
  }
  for (const tag of q.tags) add(`a.rowid IN (${tagCondition})`, ...tagParams(tag))
  for (const tag of q.excludeTags) add(`a.rowid NOT IN (${tagCondition})`, ...tagParams(tag))

  const flag = (value: boolean | undefined, yes: string, no: string) => {
    if (value === true) add(yes)
    else if (value === false) add(no)
  }
  for (const status of ['unread', 'reading', 'read'] as const) {
    const v = q.is[status]
    if (v !== undefined) add(v ? 'a.status = ?' : 'a.status <> ?', status)
  }
  flag(q.is.favorite, 'a.favorite = 1', 'a.favorite = 0')
  flag(q.is.archived, 'a.archived = 1', 'a.archived = 0')
  flag(q.is.annotated, 'a.highlights > 0', 'a.highlights = 0')
  flag(q.has.notes, 'a.notes > 0', 'a.notes = 0')
  flag(q.has.highlights, 'a.highlights > 0', 'a.highlights = 0')

  const anyLike = (column: string, values: string[]) => {
    if (!values.length) return
    add(
      `(${values.map(() => `${column} LIKE ? ESCAPE '\\'`).join(' OR ')})`,
      ...values.map((v) => `%${likeEscape(foldText(v))}%`),
    )
  }
  anyLike('a.source', q.source)
  anyLike('a.authors', q.author)
  anyLike('a.url', q.url)
  if (q.lang.length) {
    add(
      `(${q.lang.map(() => '(a.lang = ? OR a.lang LIKE ?)').join(' OR ')})`,
      ...q.lang.flatMap((l) => [l, `${likeEscape(l)}-%`]),
    )
  }

  if (q.after) add('substr(a.sort_date, 1, 10) >= ?', q.after)
  if (q.before) add('substr(a.sort_date, 1, 10) < ?', q.before)
  if (q.words.min !== undefined) add('a.words >= ?', q.words.min)
  if (q.words.max !== undefined) add('a.words <= ?', q.words.max)
  for (const color of q.colors) add('a.colors LIKE ?', `% ${color} %`)

  return { where: where.join(' AND '), params, match }
}
