// A book's highlights into the archive: onto the record that already holds the book (or the
// article at the row's address), updated in place, or onto a new record. A book without an
// address becomes a record of kind `book` with an empty body; one with an address becomes a
// link record whose text can be fetched. Either way the highlights re-anchor when the text
// arrives (article-versions.ts), with the same code as every orphan.
import { createHash } from 'node:crypto'
import { htmlToText } from '../../../../shared/html-text.ts'
import type { Article, ImportResult } from '../../../../shared/model.ts'
import { buildRecord, carriedState, linkHash, newArticleId } from '../build-record.ts'
import { isBook } from '../../../../shared/book.ts'
import { canonicalUrlKey } from '../canonical-url.ts'
import { matchArticle } from '../match-article.ts'
import { cleanTags } from '../clean-tags.ts'
import type { ImportEntry, ImportedBook } from '../extracted.ts'
import { beginStoring, type PipelineContext } from '../pipeline-context.ts'
import { bookIndexFor, bookKeys } from './book-index.ts'
import { cleanAsin, cleanIsbn } from './identity.ts'
import { upsertBookmarks, upsertHighlights } from './upsert.ts'

export type BookEntry = ImportEntry & { book: ImportedBook }

/** The entry's book stored or merged; one result for the whole book. */
export async function storeBookEntry(
  entry: BookEntry,
  origin: Article['origin'],
  ctx: PipelineContext,
): Promise<ImportResult> {
  const books = bookIndexFor(ctx, ctx.catalog)
  const urlKey = entry.url ? canonicalUrlKey(entry.url) : null
  const url = urlKey ? entry.url : undefined
  const known = () => (url ? ctx.dedupe.find({ urls: [url] }) : undefined) ?? books.find(entry.book)
  // An article already here under this title (Quire's own CSV of a file, a Readwise article).
  const article = known() ? undefined : await articleTitled(entry, ctx)
  // No await between this look-up and the claim below: a twin in the batch must find this one.
  const existing = known() ?? article
  if (existing) {
    await ctx.inFlight.get(existing)
    return mergeBook(existing, entry, ctx)
  }
  const id = newArticleId()
  const kind = url ? 'article' : 'book'
  const hash = urlKey ? linkHash(urlKey) : bookHash(entry.book)
  ctx.dedupe.claim(id, { hash, urls: [url] })
  if (kind === 'book') books.claim(id, entry.book)
  const stored = beginStoring(ctx, id)
  try {
    await ctx.content.write(id, '')
  } catch (err) {
    ctx.dedupe.forget(new Set([id]))
    books.forget(id)
    stored()
    throw err
  }
  try {
    const now = ctx.now()
    const b = entry.book
    const highlights = upsertHighlights([], entry.highlights, '', now)
    const bookmarks = upsertBookmarks([], entry.bookmarks ?? [], now)
    const record: Article = {
      ...buildRecord(
        {
          title: b.title.trim() || url || 'Untitled',
          authors: b.authors,
          paragraphs: [],
          format: kind === 'book' ? 'metadata' : 'link',
          ...(url ? { url } : {}),
          ...(b.source ? { source: b.source } : {}),
          ...(b.language ? { language: b.language } : {}),
          ...(b.publishedAt ? { publishedAt: b.publishedAt } : {}),
        },
        {
          id,
          hash,
          now,
          origin: { ...origin, format: kind === 'book' ? 'metadata' : 'link' },
          tags: cleanTags([...ctx.tags, ...entry.tags]),
          annotations: highlights.items,
          ...carriedState(entry),
        },
      ),
      kind,
      excerpt: b.description?.slice(0, 280) ?? '',
    }
    const identifiers = identifiersOf(b)
    if (identifiers) record.identifiers = identifiers
    if (bookmarks.items.length) record.bookmarks = bookmarks.items
    ctx.catalog.put(record)
    await ctx.catalog.flush()
    const detail = describe(highlights.added, bookmarks.added, 0, entry.detail)
    return {
      status: 'imported',
      source: entry.source,
      id,
      title: record.title,
      ...(detail ? { detail } : {}),
    }
  } finally {
    stored()
  }
}

/** The entry's highlights, bookmarks, tags and missing identifiers added to `id`. */
async function mergeBook(
  id: string,
  entry: BookEntry,
  ctx: PipelineContext,
): Promise<ImportResult> {
  const article = ctx.catalog.get(id)
  if (!article) throw new Error('the first copy of this book in the import could not be saved')
  const now = ctx.now()
  const hasText = article.origin.format !== 'metadata' && article.origin.format !== 'link'
  const text = hasText ? htmlToText((await ctx.content.read(id)) ?? '') : ''
  const highlights = upsertHighlights(article.annotations, entry.highlights, text, now)
  const bookmarks = upsertBookmarks(article.bookmarks ?? [], entry.bookmarks ?? [], now)
  const tags = cleanTags([...article.tags, ...ctx.tags, ...entry.tags])
  const identifiers = { ...identifiersOf(entry.book), ...article.identifiers }
  const next: Article = {
    ...article,
    tags,
    annotations: highlights.items,
    ...(bookmarks.items.length ? { bookmarks: bookmarks.items } : {}),
    ...(Object.keys(identifiers).length ? { identifiers } : {}),
  }
  if (!article.authors.length && entry.book.authors.length) next.authors = entry.book.authors
  const changed = JSON.stringify(next) !== JSON.stringify(article)
  if (changed) {
    ctx.catalog.put({ ...next, updatedAt: now })
    await ctx.catalog.flush()
  }
  const merged = describe(
    highlights.added,
    bookmarks.added,
    highlights.updated + bookmarks.updated,
    undefined,
  )
  return {
    status: 'duplicate',
    source: entry.source,
    id,
    title: article.title,
    ...(changed
      ? { merged: merged ? `${merged} on the copy already here` : 'updated the copy already here' }
      : {}),
  }
}

/** The stored article (never a book: those go by author too) this entry's title names. */
async function articleTitled(entry: BookEntry, ctx: PipelineContext): Promise<string | undefined> {
  const id = await matchArticle({ ...entry, title: entry.book.title }, ctx.catalog, ctx.content)
  const found = id ? ctx.catalog.get(id) : undefined
  return found && !isBook(found) ? found.id : undefined
}

function identifiersOf(b: ImportedBook): Article['identifiers'] | undefined {
  const asin = cleanAsin(b.asin)
  const isbn = cleanIsbn(b.isbn)
  if (!asin && !isbn) return undefined
  return { ...(asin ? { asin } : {}), ...(isbn ? { isbn } : {}) }
}

/** The content hash of a book without text: who the book is, not what it says. */
function bookHash(b: ImportedBook): string {
  const key = bookKeys(b)[0] ?? `untitled:${newArticleId()}`
  return createHash('sha256').update(`book\u0000${key}`).digest('hex')
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`
}

/** "added 12 highlights, 1 bookmark; updated 2", or '' when nothing changed. */
function describe(
  added: number,
  marks: number,
  updated: number,
  extra: string | undefined,
): string {
  const adds = [added ? plural(added, 'highlight') : '', marks ? plural(marks, 'bookmark') : '']
    .filter(Boolean)
    .join(', ')
  return [adds ? `added ${adds}` : '', updated ? `updated ${updated}` : '', extra ?? '']
    .filter(Boolean)
    .join('; ')
}
