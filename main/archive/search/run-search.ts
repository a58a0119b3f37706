// Answers one search from the index: how its matches are counted, ordered and paged.
//
// Costs at 100k articles decide the shapes below. A full-text query's filters are checked on
// every match, so they read the narrow `filters` table, not the wide `articles` rows, and
// `articles` is joined only when a filter or the sort needs it. Totals are cached until the
// next write: paging through results, or running a saved search again, does not count again.
//
// Relevance for very common words: FTS5's bm25 gives a term found in more than half of the
// documents an idf of 1e-6 (a negative idf is clamped), so when every clause of a query is
// such a word, "relevance" carries no information while ranking all matches costs ~100 ms
// at 100k articles. Such a query is answered newest first instead (still every match, same
// total), and its snippets mark the words themselves rather than longer words they begin.
import type { DatabaseSync, StatementSync } from 'node:sqlite'
import type { LibraryView } from '../../../shared/api.ts'
import { emptyQuery, type Query } from '../../../shared/search/query.ts'
import { compileQuery, ftsToken, soleWords } from './compile-query.ts'
import type { IndexSort, SearchArgs, SearchPage, SqlQuery } from './search-index.ts'
import { MAX_PREFIX_INDEXED } from './index-schema.ts'

/** Marks around matched words in snippets; private-use characters never occur in text. */
export const MARK_START = '\u{E000}'
export const MARK_END = '\u{E001}'

const SNIPPET = `snippet(fts, 4, '${MARK_START}', '${MARK_END}', '…', 24)`

/** Deepest page end found by checking rows in FTS5 as the view is walked (#newestFirst). */
const MAX_WALK = 500

/** Cached totals before the cache is emptied (each key is a query's SQL and parameters). */
const MAX_CACHED_COUNTS = 500

type Param = string | number
type Row = { rowid: number; id?: string; snippet?: string }

export class SearchRunner {
  readonly #db: DatabaseSync
  readonly #statements = new Map<string, StatementSync>()
  readonly #counts = new Map<string, number>()
  /** What the temporary table `hits` holds: the rows of which query, and how many. */
  #hits: { key: string; total: number } | null = null

  constructor(db: DatabaseSync) {
    this.#db = db
    db.exec('CREATE TEMP TABLE IF NOT EXISTS hits (rowid INTEGER PRIMARY KEY)')
  }

  /** The index changed: cached totals, word frequencies and hits no longer hold. */
  invalidate(): void {
    this.#counts.clear()
    this.#hits = null
  }

  run(...args: SearchArgs): SearchPage {
    const [query, view, sort, order, offset, limit] = args
    const q = compileQuery(query, view, { narrow: true })
    if (!q.match) return this.#list(...args)
    if (sort === 'relevance' && this.#allCommon(query)) {
      return { ...this.#newestFirst(query, view, offset, limit), newestFirst: true }
    }
    // `articles` only when a filter or the sort reads it: not for every match otherwise.
    const narrowFrom = 'fts JOIN filters f ON f.rowid = fts.rowid'
    const wideFrom = `${narrowFrom} JOIN articles a ON a.rowid = fts.rowid`
    const where = `fts MATCH ? AND (${q.where})`
    const params = [q.match, ...q.params]
    const countFrom = q.needsArticles ? wideFrom : narrowFrom
    const total = this.#count(`SELECT count(*) AS n FROM ${countFrom} WHERE ${where}`, params)
    if (total === 0 || offset >= total) return { ids: [], total, snippets: {} }

    const rows =
      sort === 'relevance'
        ? this.#all(
            `SELECT fts.rowid AS rowid, ${SNIPPET} AS snippet FROM ${countFrom} WHERE ${where}
             ORDER BY fts.rank, fts.rowid LIMIT ? OFFSET ?`,
            [...params, limit, offset],
          )
        : this.#all(
            `SELECT fts.rowid AS rowid, a.id AS id, ${SNIPPET} AS snippet FROM ${wideFrom}
             WHERE ${where} ORDER BY ${orderBy(sort, order)} LIMIT ? OFFSET ?`,
            [...params, limit, offset],
          )
    return this.#page(rows, total)
  }

  /** No text terms: the view and filters over `articles`, in the order of its indexes. */
  #list(...args: SearchArgs): SearchPage {
    const [query, view, sort, order, offset, limit] = args
    const q = compileQuery(query, view)
    const total = this.#count(`SELECT count(*) AS n FROM articles a WHERE ${q.where}`, q.params)
    const rows = this.#all(
      `SELECT a.rowid AS rowid, a.id AS id FROM articles a WHERE ${q.where}
       ORDER BY ${orderBy(sort, order)} LIMIT ? OFFSET ?`,
      [...q.params, limit, offset],
    )
    return this.#page(rows, total)
  }

  /**
   * Every clause is one word whose exact token alone is in more than half of the indexed
   * articles (so its prefix matches are too): bm25 ranks such a query by noise.
   */
  #allCommon(query: Query): boolean {
    const words = soleWords(query)
    if (!words) return false
    const n = this.#count('SELECT count(*) AS n FROM filters', [])
    const df = (w: string) =>
      this.#count('SELECT count(*) AS n FROM fts WHERE fts MATCH ?', [ftsToken(w)])
    return words.every((w) => df(w) * 2 > n)
  }

  /**
   * The matches newest first. The view's index is walked from the newest article; with most
   * articles matching, a page is found after a few rows. When each row's check is one lookup
   * (see #cheapWalk), each is checked in FTS5 itself and the total is a (cached) count: at
   * 100k articles, ~3.5 ms for a word in every one once counted, where gathering the matches
   * first took ~18 ms whenever another query had been run since.
   * Otherwise the rowids that match and pass the filters go once into the table `hits`, whose
   * row count is the total (kept until the next write, so paging does not gather them again:
   * FTS5 merges the lists of every word a prefix such as `then*` stands for on each query),
   * and the walk checks each row against `hits`. Snippets come from the exact words, for the
   * page's rows only.
   */
  #newestFirst(query: Query, view: LibraryView, offset: number, limit: number): SearchPage {
    const narrow = compileQuery(query, view, { narrow: true })
    // The view's conditions again (true of every hit) let SQLite walk the view's index.
    const viewOnly = compileQuery(emptyQuery(), view)
    if (offset + limit <= MAX_WALK && this.#cheapWalk(query, view, narrow)) {
      const total = this.#count(
        `SELECT count(*) AS n FROM fts JOIN filters f ON f.rowid = fts.rowid
         WHERE fts MATCH ? AND (${narrow.where})`,
        [narrow.match!, ...narrow.params],
      )
      if (total === 0 || offset >= total) return { ids: [], total, snippets: {} }
      const rows = this.#all(
        `SELECT a.rowid AS rowid, a.id AS id FROM articles a WHERE (${viewOnly.where})
         AND EXISTS (SELECT 1 FROM fts WHERE fts MATCH ? AND fts.rowid = a.rowid)
         ORDER BY a.imported DESC, a.id LIMIT ? OFFSET ?`,
        [...viewOnly.params, narrow.match!, limit, offset],
      )
      return this.#withSnippets(exactWords(query), rows, total)
    }
    const articles = narrow.needsArticles ? ' JOIN articles a ON a.rowid = fts.rowid' : ''
    const gather = `INSERT INTO temp.hits SELECT fts.rowid FROM fts
       JOIN filters f ON f.rowid = fts.rowid${articles} WHERE fts MATCH ? AND (${narrow.where})`
    const params = [narrow.match!, ...narrow.params]
    // The rows that pass the filters too, so the insert's row count is the total.
    const key = JSON.stringify([gather, params])
    if (this.#hits?.key !== key) {
      this.#hits = null
      this.#db.exec('DELETE FROM temp.hits')
      const { changes } = this.#statement(gather).run(...params)
      this.#hits = { key, total: Number(changes) }
    }
    const total = this.#hits.total
    if (total === 0 || offset >= total) return { ids: [], total, snippets: {} }
    const rows = this.#all(
      `SELECT a.rowid AS rowid, a.id AS id FROM articles a
       WHERE a.rowid IN (SELECT rowid FROM temp.hits) AND (${viewOnly.where})
       ORDER BY a.imported DESC, a.id LIMIT ? OFFSET ?`,
      [...viewOnly.params, limit, offset],
    )
    return this.#withSnippets(exactWords(query), rows, total)
  }

  /**
   * Whether the walk may check each row in FTS5 itself: nothing but the words and the view
   * (a filter could make the walk pass most of the archive), and every word either exact or short
   * enough for the prefix index (index-schema.ts), so the check is one lookup. A longer
   * prefix stands for many words whose lists FTS5 would merge again for every row.
   */
  #cheapWalk(query: Query, view: LibraryView, narrow: SqlQuery): boolean {
    const wordsOnly = compileQuery({ ...emptyQuery(), terms: query.terms }, view, { narrow: true })
    // Anything but the words (a filter, an excluded word) changes the compiled query.
    if (
      wordsOnly.match !== narrow.match ||
      wordsOnly.where !== narrow.where ||
      wordsOnly.params.length !== narrow.params.length
    ) {
      return false
    }
    return query.terms.every((clause) =>
      clause.every(
        (t) => t.kind === 'word' && (!t.prefix || [...t.text].length <= MAX_PREFIX_INDEXED),
      ),
    )
  }

  /**
   * The page with the snippets of its rows, marking what `match` matches: exact words, each
   * row one lookup. (Not for prefixes: FTS5 would merge their words' lists again per row.)
   */
  #withSnippets(match: string, rows: Row[], total: number): SearchPage {
    if (rows.length) {
      const snippets = this.#all(
        `SELECT rowid, ${SNIPPET} AS snippet FROM fts
         WHERE fts MATCH ? AND rowid IN (${rows.map(() => '?').join(', ')})`,
        [match, ...rows.map((r) => r.rowid)],
      )
      const byRow = new Map(snippets.map((s) => [s.rowid, s.snippet]))
      for (const r of rows) r.snippet = byRow.get(r.rowid)
    }
    return this.#page(rows, total)
  }

  /** Ids for the rows that came without (one lookup for the page, not one per match). */
  #page(rows: Row[], total: number): SearchPage {
    const missing = rows.filter((r) => r.id === undefined)
    if (missing.length) {
      const found = this.#all(
        `SELECT rowid, id FROM articles WHERE rowid IN (${missing.map(() => '?').join(', ')})`,
        missing.map((r) => r.rowid),
      )
      const ids = new Map(found.map((r) => [r.rowid, r.id]))
      for (const r of missing) r.id = ids.get(r.rowid)
    }
    const page: SearchPage = { ids: [], total, snippets: {} }
    for (const r of rows) {
      if (r.id === undefined) continue
      page.ids.push(r.id)
      if (r.snippet) page.snippets[r.id] = r.snippet
    }
    return page
  }

  #count(sql: string, params: Param[]): number {
    const key = `${sql}\u0000${JSON.stringify(params)}`
    const cached = this.#counts.get(key)
    if (cached !== undefined) return cached
    const n = (this.#statement(sql).get(...params) as { n: number }).n
    if (this.#counts.size >= MAX_CACHED_COUNTS) this.#counts.clear()
    this.#counts.set(key, n)
    return n
  }

  #all(sql: string, params: Param[]): Row[] {
    return this.#statement(sql).all(...params) as Row[]
  }

  /** Prepared once per distinct SQL text (queries differ in shape far less than in values). */
  #statement(sql: string): StatementSync {
    let st = this.#statements.get(sql)
    if (!st) {
      if (this.#statements.size >= MAX_CACHED_COUNTS) this.#statements.clear()
      st = this.#db.prepare(sql)
      this.#statements.set(sql, st)
    }
    return st
  }
}

function orderBy(sort: IndexSort, order: 'asc' | 'desc'): string {
  const dir = order === 'asc' ? 'ASC' : 'DESC'
  switch (sort) {
    case 'title':
      return `a.title_key ${dir}, a.id`
    case 'published':
      // Undated articles last in either direction: their import day is no publication day.
      return `(a.published IS NULL), a.sort_date ${dir}, a.id`
    case 'source':
      return `a.source ${dir}, a.id`
    case 'readingTime':
      return `a.words ${dir}, a.id`
    default:
      // 'imported', and 'relevance' without text terms (nothing to rank by).
      return `a.imported ${dir}, a.id`
  }
}

/** The query's words as exact tokens, for snippets marking them rather than longer words. */
function exactWords(query: Query): string {
  return soleWords(query)!.map(ftsToken).join(' OR ')
}
