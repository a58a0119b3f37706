// Turns an extracted article into a stored record and its body HTML.
import { createHash, randomBytes } from 'node:crypto'
import type { Annotation, Article, ReadStatus } from '../../../shared/model.ts'
import { escapeHtml } from '../../../shared/html-text.ts'
import { countWords, readingMinutes } from './text/word-count.ts'
import { siteNameFromUrl } from './metadata/site-name.ts'
import type { ExtractedArticle, ImportEntry } from './extracted.ts'

export function newArticleId(): string {
  return randomBytes(8).toString('hex')
}

/** Identity of an article's text, independent of the file's encoding or line endings. */
export function contentHash(extracted: ExtractedArticle): string {
  const text = [extracted.title, ...extracted.paragraphs].join('\n\n')
  return sha256(text.normalize('NFC'))
}

/** Identity of a link record (no text yet): its address. */
export function linkHash(urlKey: string): string {
  return sha256(`link\u0000${urlKey}`)
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex')
}

export function bodyHtml(paragraphs: string[]): string {
  return paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n') + '\n'
}

/** Where the article came from and what the user had already done with it elsewhere. */
export interface RecordContext {
  id: string
  hash: string
  now: string
  origin: Article['origin']
  tags: string[]
  /** When the user saved it (another app's export); defaults to now. */
  importedAt?: string
  status?: ReadStatus
  favorite?: boolean
  archived?: boolean
  annotations?: Annotation[]
}

export function buildRecord(extracted: ExtractedArticle, ctx: RecordContext): Article {
  const words = countWords(extracted.paragraphs)
  const first = extracted.paragraphs[0] ?? ''
  const optional = {
    subtitle: extracted.subtitle,
    byline: extracted.byline,
    dateline: extracted.dateline,
    // Never a file name: the site the article's address belongs to when nothing names one.
    source: extracted.source ?? siteNameFromUrl(extracted.canonicalUrl ?? extracted.url),
    url: extracted.url,
    canonicalUrl: extracted.canonicalUrl,
    publishedAt: extracted.publishedAt,
    modifiedAt: extracted.modifiedAt,
    language: extracted.language,
    leadImage: extracted.leadImage,
  }
  const status = ctx.status ?? 'unread'
  return {
    id: ctx.id,
    title: extracted.title,
    ...Object.fromEntries(Object.entries(optional).filter(([, v]) => v !== undefined && v !== '')),
    authors: extracted.authors,
    ...(extracted.organizations?.length ? { organizations: extracted.organizations } : {}),
    importedAt: ctx.importedAt ?? ctx.now,
    updatedAt: ctx.now,
    wordCount: words,
    readingMinutes: readingMinutes(words),
    excerpt: first.length > 280 ? `${first.slice(0, 277).trimEnd()}…` : first,
    contentHash: ctx.hash,
    origin: ctx.origin,
    tags: [...new Set(ctx.tags)],
    status,
    progress: status === 'read' ? 1 : 0,
    favorite: ctx.favorite ?? false,
    archivedAt: ctx.archived ? (ctx.importedAt ?? ctx.now) : null,
    deletedAt: null,
    annotations: ctx.annotations ?? [],
    note: '',
  }
}

/** What another app's export says the user had done with an item: saved when, read, starred. */
export function carriedState(
  entry: Pick<ImportEntry, 'addedAt' | 'status' | 'favorite' | 'archived'> | undefined,
): Pick<RecordContext, 'importedAt' | 'status' | 'favorite' | 'archived'> {
  if (!entry) return {}
  const added = entry.addedAt ? Date.parse(entry.addedAt) : NaN
  return {
    ...(Number.isNaN(added) ? {} : { importedAt: new Date(added).toISOString() }),
    ...(entry.status ? { status: entry.status } : {}),
    ...(entry.favorite ? { favorite: true } : {}),
    ...(entry.archived ? { archived: true } : {}),
  }
}
