// The full-text index over the archive: SQLite FTS5 through node:sqlite. Synchronous: it
// runs inside the index worker, never on the main process's event loop.
import { DatabaseSync, type StatementSync } from 'node:sqlite'
import { mkdirSync, renameSync, existsSync } from 'node:fs'
import { dirname } from 'node:path'
import type { Article } from '../../../shared/model.ts'
import type { LibraryView } from '../../../shared/api.ts'
import type { Query } from '../../../shared/search/query.ts'
import { INDEX_SCHEMA, INDEX_VERSION } from './index-schema.ts'
import { indexRow, indexText } from './index-doc.ts'
import { foldText } from '../../../shared/search/normalize.ts'
import { SearchRunner } from './run-search.ts'

export interface SqlQuery {
  /** SQL boolean expression over `a` (articles) and `f` (filters) with `?` parameters. */
  where: string
  params: (string | number)[]
  /** FTS5 MATCH expression, or null when the query has no text terms. */
  match: string | null
  /** Whether `where` reads the wide `articles` table (alias `a`), not only `filters` (`f`). */
  needsArticles: boolean
}

export interface SearchPage {
  ids: string[]
  total: number
  snippets: Record<string, string>
  /** Set when relevance was asked for but the words are in most articles (run-search.ts). */
  newestFirst?: boolean
}

export type IndexSort = 'imported' | 'published' | 'title' | 'source' | 'readingTime' | 'relevance'

/** What a search asks, in the order every layer (service, client, worker, runner) passes it. */
export type SearchArgs = [
  query: Query,
  view: LibraryView,
  sort: IndexSort,
  order: 'asc' | 'desc',
  offset: number,
  limit: number,
]

export { MARK_START, MARK_END } from './run-search.ts'

export class SearchIndex {
  readonly #db: DatabaseSync
  readonly #stmts: Record<string, StatementSync>
  readonly #runner: SearchRunner
  /** True when the index was created empty (new, damaged or outdated) and needs a rebuild. */
  readonly fresh: boolean

  /** `discard` sets any existing file aside first (it was found damaged while in use). */
  constructor(path: string, opts: { discard?: boolean } = {}) {
    mkdirSync(dirname(path), { recursive: true })
    if (opts.discard) setAside(path)
    const opened = openChecked(path)
    this.#db = opened.db
    this.fresh = opened.fresh
    const db = this.#db
    this.#stmts = {
      rowid: db.prepare('SELECT rowid FROM articles WHERE id = ?'),
      insertRow: db.prepare(
        `INSERT INTO articles (id, shard, status, favorite, book, archived, deleted, imported,
          published, sort_date, title_key, words, source, authors, url, lang, notes, highlights,
          colors)
         VALUES (:id, :shard, :status, :favorite, :book, :archived, :deleted, :imported, :published,
          :sort_date, :title_key, :words, :source, :authors, :url, :lang, :notes, :highlights, :colors)`,
      ),
      insertFilters: db.prepare(
        `INSERT INTO filters (rowid, deleted, archived, favorite, book, status, words, notes,
          highlights)
         VALUES (:rowid, :deleted, :archived, :favorite, :book, :status, :words, :notes,
          :highlights)`,
      ),
      deleteRow: db.prepare('DELETE FROM articles WHERE rowid = ?'),
      deleteFilters: db.prepare('DELETE FROM filters WHERE rowid = ?'),
      insertFts: db.prepare(
        `INSERT INTO fts (rowid, title, subtitle, authors, source, body, tags, notes)
         VALUES (:rowid, :title, :subtitle, :authors, :source, :body, :tags, :notes)`,
      ),
      deleteFts: db.prepare('DELETE FROM fts WHERE rowid = ?'),
      insertTag: db.prepare('INSERT OR IGNORE INTO article_tags (tag, article) VALUES (?, ?)'),
      deleteTags: db.prepare('DELETE FROM article_tags WHERE article = ?'),
      idsInShard: db.prepare('SELECT id FROM articles WHERE shard = ?'),
      stamps: db.prepare('SELECT key, stamp FROM shards'),
      setStamp: db.prepare('INSERT OR REPLACE INTO shards (key, stamp) VALUES (?, ?)'),
      count: db.prepare('SELECT count(*) AS n FROM articles'),
    }
    this.#runner = new SearchRunner(db)
  }

  /**
   * Insert or replace one article; `bodyText` is the article's plain text. `knownNew` skips
   * the lookup for an old row, for bulk builds.
   */
  upsert(article: Article, bodyText: string, knownNew = false): void {
    if (!knownNew) this.remove(article.id)
    this.#runner.invalidate()
    const row = indexRow(article)
    const { lastInsertRowid } = this.#stmts.insertRow!.run({ ...row })
    const { deleted, archived, favorite, book, status, words, notes, highlights } = row
    this.#stmts.insertFilters!.run({
      rowid: lastInsertRowid,
      deleted,
      archived,
      favorite,
      book,
      status,
      words,
      notes,
      highlights,
    })
    this.#stmts.insertFts!.run({ rowid: lastInsertRowid, ...indexText(article, bodyText) })
    for (const tag of article.tags) this.#stmts.insertTag!.run(foldText(tag), lastInsertRowid)
  }

  remove(id: string): void {
    const found = this.#stmts.rowid!.get(id) as { rowid: number } | undefined
    if (!found) return
    this.#runner.invalidate()
    this.#stmts.deleteFts!.run(found.rowid)
    this.#stmts.deleteTags!.run(found.rowid)
    this.#stmts.deleteFilters!.run(found.rowid)
    this.#stmts.deleteRow!.run(found.rowid)
  }

  idsInShard(key: string): string[] {
    return (this.#stmts.idsInShard!.all(key) as { id: string }[]).map((r) => r.id)
  }

  shardStamps(): Map<string, string> {
    const rows = this.#stmts.stamps!.all() as { key: string; stamp: string }[]
    return new Map(rows.map((r) => [r.key, r.stamp]))
  }

  setShardStamp(key: string, stamp: string): void {
    this.#stmts.setStamp!.run(key, stamp)
  }

  count(): number {
    return (this.#stmts.count!.get() as { n: number }).n
  }

  /**
   * Fill an empty index: its secondary indexes are dropped first and made again after, one
   * sort each instead of a B-tree insert per row (the build of 10k articles ~20% faster).
   * A build cut short leaves them missing; every open makes missing ones (openChecked).
   */
  bulkBuild<T>(fn: () => T): T {
    const names = this.#db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL")
      .all() as { name: string }[]
    for (const { name } of names) this.#db.exec(`DROP INDEX "${name.replaceAll('"', '""')}"`)
    try {
      return fn()
    } finally {
      this.#db.exec(INDEX_SCHEMA)
    }
  }

  /** Run `fn` in one transaction: one fsync for a whole batch instead of one per row. */
  transaction<T>(fn: () => T): T {
    this.#db.exec('BEGIN')
    try {
      const out = fn()
      this.#db.exec('COMMIT')
      return out
    } catch (err) {
      this.#db.exec('ROLLBACK')
      throw err
    }
  }

  /** A page of the articles matching `query` in `view` (see run-search.ts for how). */
  search(...args: SearchArgs): SearchPage {
    return this.#runner.run(...args)
  }

  close(): void {
    this.#db.close()
  }
}

/** Open the index, or start a fresh one when it is missing, unreadable or outdated. */
function openChecked(path: string): { db: DatabaseSync; fresh: boolean } {
  if (existsSync(path)) {
    try {
      const db = new DatabaseSync(path)
      const row = db.prepare("SELECT value FROM meta WHERE key = 'version'").get() as
        { value: string } | undefined
      // No integrity_check here: it reads the whole file (seconds at 100k articles). A file
      // that is not SQLite fails the query above; damage found later makes the worker
      // rebuild (see index-worker.ts).
      // Cheap: builds the FTS table's in-memory structure from its config and structure
      // records, which fails at once when those are damaged.
      db.prepare('SELECT rowid FROM fts LIMIT 1').get()
      if (row?.value === String(INDEX_VERSION)) {
        configure(db)
        // Idempotent; makes the secondary indexes a bulk build cut short left missing.
        db.exec(INDEX_SCHEMA)
        return { db, fresh: false }
      }
      db.close()
    } catch {
      // Unreadable: derived data, set aside below and rebuilt.
    }
    setAside(path)
  }
  const db = new DatabaseSync(path)
  configure(db)
  db.exec(INDEX_SCHEMA)
  db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('version', ?)").run(
    String(INDEX_VERSION),
  )
  return { db, fresh: true }
}

/** Move a damaged or outdated index (and its WAL) to `*.old`, replacing an older one. */
function setAside(path: string): void {
  for (const suffix of ['', '-wal', '-shm']) {
    if (existsSync(path + suffix)) renameSync(path + suffix, `${path}${suffix}.old`)
  }
}

function configure(db: DatabaseSync): void {
  // WAL + NORMAL: the index is derived, so losing the last transactions on power loss only
  // costs a resync of the shards whose stamps no longer match.
  db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA temp_store = MEMORY')
  // Two index processes overlap briefly when one replaces another (archive-search.ts): a
  // write waits for the other's lock rather than failing at once.
  db.exec('PRAGMA busy_timeout = 5000')
  // 32 MB of page cache (default 2 MB): keeps the filters table, the FTS structure and the hot
  // doclist pages in memory across queries. It counts against the index process, not main.
  db.exec('PRAGMA cache_size = -32768')
}
