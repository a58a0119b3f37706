// The search index's SQLite schema (index/search.sqlite). Derived data: deleting the file
// only costs a rebuild. Bump INDEX_VERSION whenever the schema or tokenizer changes.
export const INDEX_VERSION = 5

/**
 * Joins the values of a multi-valued field (authors, tags, notes) in the FTS text. It is a
 * token of its own (a private-use character made a token character), which no query can
 * produce, so a phrase can never run from one value into the next.
 */
export const VALUE_BARRIER = ' \u{E002} '

/**
 * Prefixes up to this many characters have their own lists in the FTS index (its `prefix`
 * option), so a short word, which the query language matches as a prefix, is one lookup
 * instead of a merge of every word it begins (the 4-letter `vimi` of the bench stands for 35
 * words: ~15 ms at 100k articles without it).
 */
export const MAX_PREFIX_INDEXED = 4

export const INDEX_SCHEMA = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
-- The catalog shard stamps (size:mtime) the index was last synced with; a mismatch on open
-- means the shard changed without the index hearing of it (crash, another tool).
CREATE TABLE IF NOT EXISTS shards (key TEXT PRIMARY KEY, stamp TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS articles (
  rowid INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  shard TEXT NOT NULL,
  status TEXT NOT NULL,
  favorite INTEGER NOT NULL,
  book INTEGER NOT NULL,
  archived INTEGER NOT NULL,
  deleted INTEGER NOT NULL,
  imported TEXT NOT NULL,
  published TEXT,
  sort_date TEXT NOT NULL,
  title_key TEXT NOT NULL,
  words INTEGER NOT NULL,
  source TEXT NOT NULL,
  authors TEXT NOT NULL,
  url TEXT NOT NULL,
  lang TEXT NOT NULL,
  notes INTEGER NOT NULL,
  highlights INTEGER NOT NULL,
  colors TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS articles_view_imported ON articles (deleted, archived, imported);
-- The views without an archived condition (all, favorites, trash) walk this one newest first.
CREATE INDEX IF NOT EXISTS articles_deleted_imported ON articles (deleted, imported);
CREATE INDEX IF NOT EXISTS articles_view_sort_date ON articles (deleted, archived, sort_date);
CREATE INDEX IF NOT EXISTS articles_view_title ON articles (deleted, archived, title_key);
CREATE INDEX IF NOT EXISTS articles_shard ON articles (shard);
-- The filter columns a full-text query checks on each of its matches, again, a few bytes a
-- row: looking them up here instead of in the wide articles rows makes that check several
-- times cheaper (the whole table stays in the page cache). Same rowids as articles.
CREATE TABLE IF NOT EXISTS filters (
  rowid INTEGER PRIMARY KEY,
  deleted INTEGER NOT NULL,
  archived INTEGER NOT NULL,
  favorite INTEGER NOT NULL,
  book INTEGER NOT NULL,
  status TEXT NOT NULL,
  words INTEGER NOT NULL,
  notes INTEGER NOT NULL,
  highlights INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS article_tags (
  tag TEXT NOT NULL,
  article INTEGER NOT NULL,
  PRIMARY KEY (tag, article)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS article_tags_article ON article_tags (article);
CREATE VIRTUAL TABLE IF NOT EXISTS fts USING fts5(
  title, subtitle, authors, source, body, tags, notes,
  tokenize = "unicode61 remove_diacritics 2 tokenchars '\u{E002}'",
  prefix = '${Array.from({ length: MAX_PREFIX_INDEXED - 1 }, (_, i) => i + 2).join(' ')}'
);
`
