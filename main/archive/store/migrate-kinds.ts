// Schema 3: records say what they are. Books known only by their metadata (shared/book.ts)
// arrived with this version; every record written before it is an article, and says so.
// The version bump also keeps an older Quire, which would drop a book's locations,
// identifiers and bookmarks on its next write, from opening the archive.

/** The raw record with `kind: 'article'` when it has no kind yet. */
export function markArticleKind(raw: Record<string, unknown>): Record<string, unknown> {
  return raw.kind === undefined ? { ...raw, kind: 'article' } : raw
}
