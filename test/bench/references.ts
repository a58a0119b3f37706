// The physical references each bench figure is held to: the least work the machine must do
// for the same result, written with plain Node and SQLite, never through Quire's code (a
// reference that ran our code would hide our overhead in the denominator).
import {
  closeSync,
  fsyncSync,
  openSync,
  readFileSync,
  readdirSync,
  renameSync,
  writeSync,
} from 'node:fs'
import { open, type FileHandle } from 'node:fs/promises'
import { DatabaseSync } from 'node:sqlite'
import { dirname, join } from 'node:path'
import { MAX_PREFIX_INDEXED, VALUE_BARRIER } from '../../main/archive/search/index-schema.ts'
import { compileQuery } from '../../main/archive/search/compile-query.ts'
import { parseQuery } from '../../shared/search/parser.ts'

/** The catalog's files as an open reads them: quire.json and every shard. */
export function catalogFiles(root: string): string[] {
  const shards = readdirSync(join(root, 'catalog'))
    .filter((f) => /^[0-9a-f]{2}\.json$/.test(f))
    .map((f) => join(root, 'catalog', f))
  return [join(root, 'quire.json'), ...shards]
}

/**
 * Read and `JSON.parse` every catalog file, one after another: the open's floor. The parsed
 * files are kept until the end, as an open must keep its catalog: a reference that dropped
 * each file after counting it never paid for collecting garbage in a heap holding the whole
 * catalog, which no open can avoid: at 100k, 1.75 s of CPU keeping against 1.0 s dropping
 * (process.cpuUsage, three runs each, 2026-12-08).
 */
export function rawParse(root: string): number {
  let records = 0
  const kept: object[] = []
  for (const file of catalogFiles(root)) {
    const data = JSON.parse(readFileSync(file, 'utf8')) as { articles?: object }
    if (data.articles) records += Object.keys(data.articles).length
    kept.push(data)
  }
  return kept.length ? records : 0
}

/** The FTS5 table of the index alone: same columns, tokenizer and prefix lists. */
export const BARE_FTS = `CREATE VIRTUAL TABLE fts USING fts5(
  title, subtitle, authors, source, body, tags, notes,
  tokenize = "unicode61 remove_diacritics 2 tokenchars '\u{E002}'",
  prefix = '${Array.from({ length: MAX_PREFIX_INDEXED - 1 }, (_, i) => i + 2).join(' ')}'
)`

interface ShardRecord {
  title: string
  subtitle?: string
  authors: string[]
  source?: string
  tags: string[]
  note: string
  annotations: { note: string }[]
}

/**
 * Build a bare FTS5 table at `dbPath` from the archive's shards and bodies: each shard in
 * one transaction, bodies read from disk with their tags stripped by one regex. Same
 * durability as the index (WAL, synchronous NORMAL). Returns the documents inserted.
 */
export function bareFtsBuild(root: string, dbPath: string): number {
  const db = new DatabaseSync(dbPath)
  db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL')
  db.exec(BARE_FTS)
  const insert = db.prepare(
    'INSERT INTO fts (title, subtitle, authors, source, body, tags, notes) VALUES (?, ?, ?, ?, ?, ?, ?)',
  )
  let docs = 0
  for (const file of catalogFiles(root).slice(1)) {
    const { articles } = JSON.parse(readFileSync(file, 'utf8')) as {
      articles: Record<string, ShardRecord>
    }
    db.exec('BEGIN')
    for (const [id, a] of Object.entries(articles)) {
      let body = ''
      try {
        body = readFileSync(join(root, 'content', `${id}.html`), 'utf8').replace(/<[^>]*>/g, ' ')
      } catch {
        // no body: the record alone
      }
      const notes = [a.note, ...a.annotations.map((x) => x.note)].join(VALUE_BARRIER)
      insert.run(
        a.title,
        a.subtitle ?? '',
        a.authors.join(VALUE_BARRIER),
        a.source ?? '',
        body,
        a.tags.join(VALUE_BARRIER),
        notes,
      )
      docs++
    }
    db.exec('COMMIT')
  }
  db.close()
  return docs
}

/** The FTS5 MATCH expression of a query's words, as the index compiles it; null for none. */
export function matchOf(query: string): string | null {
  const parsed = parseQuery(query)
  if (!parsed.ok) throw new Error(`bench query does not parse: ${query}`)
  return compileQuery(parsed.query, 'all', { narrow: true }).match
}

/** A bare FTS5 table opened for searching: `search(match)` is one ranked top-50 query. */
export function bareFtsSearcher(dbPath: string) {
  const db = new DatabaseSync(dbPath, { readOnly: true })
  const stmt = db.prepare('SELECT rowid FROM fts WHERE fts MATCH ? ORDER BY bm25(fts) LIMIT 50')
  return {
    search: (match: string) => stmt.all(match).length,
    close: () => db.close(),
  }
}

/**
 * One durable replacement of a file: temp file written and fsynced, renamed over the
 * file, the folder fsynced. What a shard write would cost without a journal.
 */
export function durableReplace(path: string, bytes: Buffer): void {
  const temp = `${path}.ref-${process.pid}`
  const fd = openSync(temp, 'w')
  try {
    let off = 0
    while (off < bytes.length) off += writeSync(fd, bytes, off, bytes.length - off)
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
  renameSync(temp, path)
  const dir = openSync(dirname(path), 'r')
  try {
    fsyncSync(dir)
  } finally {
    closeSync(dir)
  }
}

/** An append-only file: `append(bytes)` is one write at its end and one fdatasync. */
export async function journalLikeFile(path: string) {
  const handle: FileHandle = await open(path, 'w')
  let position = 0
  return {
    async append(bytes: Buffer): Promise<void> {
      await handle.write(bytes, 0, bytes.length, position)
      await handle.datasync()
      position += bytes.length
    },
    close: () => handle.close(),
  }
}
