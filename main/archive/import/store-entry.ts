// One item of a multi-item source (an app's export, a feed): stored as an article when it
// carries its text, else as a link record whose text is fetched later, when online.
import type { Article, ImportResult } from '../../../shared/model.ts'
import { buildRecord, carriedState, linkHash, newArticleId } from './build-record.ts'
import { canonicalUrlKey } from './canonical-url.ts'
import { cleanTags } from './clean-tags.ts'
import { itemOf } from './dedupe-index.ts'
import type { ImportEntry } from './extracted.ts'
import { importedAnnotations } from './imported-highlights.ts'
import { matchArticle } from './match-article.ts'
import { beginStoring, mergeWhenStored, type PipelineContext } from './pipeline-context.ts'
import { storeArticle } from './store-article.ts'
import { storeBookEntry } from './highlights/store-book.ts'

/** Where the entries came from: the file and the importer that read it. */
export interface EntrySource {
  fileName: string
  importerId: string
  feedId?: string
  /** Items fetched from the web (a feed refresh): their images are downloaded too. */
  remoteImages?: { allowPrivate: boolean }
  /** The origin to record, when not the file's (an address typed in, kept as a link). */
  origin?: Article['origin']
}

export async function storeEntry(
  entry: ImportEntry,
  from: EntrySource,
  ctx: PipelineContext,
): Promise<ImportResult> {
  const { source, article, readSibling, ...carried } = entry
  const origin = from.origin ?? originOf(entry, from)
  if (entry.book) return storeBookEntry({ ...entry, book: entry.book }, origin, ctx)
  if (article) {
    const extracted = { ...article, url: article.url ?? entry.url }
    return storeArticle(
      extracted,
      {
        source,
        origin,
        entry: carried,
        ...(readSibling ? { importContext: { name: source, readSibling } } : {}),
        ...(from.remoteImages ? { remoteImages: from.remoteImages } : {}),
      },
      ctx,
    )
  }
  const key = entry.url ? canonicalUrlKey(entry.url) : null
  const keys = { urls: [entry.url], ...itemOf(origin) }
  const existing =
    (key ? ctx.dedupe.find(keys) : undefined) ??
    (await matchArticle(entry, ctx.catalog, ctx.content))
  if (existing) return mergeWhenStored(ctx, existing, { source, origin, entry: carried })
  if (!entry.url || !key || !hasUrl(entry)) {
    return {
      status: 'failed',
      source,
      error: {
        code: 'INVALID_INPUT',
        message: entry.title
          ? `no article titled “${entry.title}” is in the archive, and the item has no web address`
          : 'the item has no text and no web address',
      },
    }
  }
  const id = newArticleId()
  const hash = linkHash(key)
  ctx.dedupe.claim(id, { ...keys, hash })
  const stored = beginStoring(ctx, id)
  try {
    return await storeLink(entry, origin, ctx, id, hash)
  } finally {
    stored()
  }
}

/** A link record: no text yet; its highlights are kept, orphaned, with their quotes. */
async function storeLink(
  entry: ImportEntry & { url: string },
  origin: Article['origin'],
  ctx: PipelineContext,
  id: string,
  hash: string,
): Promise<ImportResult> {
  const { source } = entry
  const now = ctx.now()
  await ctx.content.write(id, '').catch((err: unknown) => {
    ctx.dedupe.forget(new Set([id]))
    throw err
  })
  const title = entry.title?.trim() || entry.url
  const { excerpt = '', ...details } = entry.details ?? {}
  const record = buildRecord(
    { authors: [], ...details, title, paragraphs: [], url: entry.url, format: 'link' },
    {
      id,
      hash,
      now,
      origin,
      tags: cleanTags([...ctx.tags, ...entry.tags]),
      annotations: importedAnnotations('', entry.highlights, now),
      ...carriedState(entry),
    },
  )
  ctx.catalog.put({ ...record, excerpt: clip(excerpt) })
  await ctx.catalog.flush()
  return { status: 'imported', source, id, title }
}

/** A summary as the library shows it: one line of at most 280 characters. */
function clip(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim()
  return line.length > 280 ? `${line.slice(0, 277).trimEnd()}…` : line
}

function hasUrl(entry: ImportEntry): entry is ImportEntry & { url: string } {
  return typeof entry.url === 'string'
}

function originOf(entry: ImportEntry, from: EntrySource): Article['origin'] {
  // A file inside a zip is a file: named by its path in the zip, like a file in a folder.
  if (from.importerId === 'zip' && entry.article) {
    const { format, encoding } = entry.article
    return { kind: 'file', name: entry.source, format, ...(encoding ? { encoding } : {}) }
  }
  const isFeed = from.importerId === 'feed'
  return {
    kind: isFeed ? 'feed' : 'service',
    name: from.fileName,
    format: entry.article ? entry.article.format : 'link',
    ...(isFeed ? {} : { service: from.importerId }),
    ...(from.feedId ? { feedId: from.feedId } : {}),
    ...(entry.guid ? { guid: entry.guid } : {}),
  }
}
