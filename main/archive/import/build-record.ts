// Turns an extracted article into a stored record and its body HTML.
import { createHash, randomBytes } from 'node:crypto'
import type { Article } from '../../../shared/model.ts'
import { escapeHtml } from '../../../shared/html-text.ts'
import { countWords, readingMinutes } from './text/word-count.ts'
import type { ExtractedArticle } from './extracted.ts'

export function newArticleId(): string {
  return randomBytes(8).toString('hex')
}

/** Identity of an article's text, independent of the file's encoding or line endings. */
export function contentHash(extracted: ExtractedArticle): string {
  const text = [extracted.title, ...extracted.paragraphs].join('\n\n')
  return createHash('sha256').update(text.normalize('NFC')).digest('hex')
}

export function bodyHtml(paragraphs: string[]): string {
  return paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n') + '\n'
}

export interface RecordContext {
  id: string
  hash: string
  now: string
  originName: string
  tags: string[]
}

export function buildRecord(extracted: ExtractedArticle, ctx: RecordContext): Article {
  const words = countWords(extracted.paragraphs)
  const first = extracted.paragraphs[0] ?? ''
  return {
    id: ctx.id,
    title: extracted.title,
    ...(extracted.subtitle ? { subtitle: extracted.subtitle } : {}),
    ...(extracted.byline ? { byline: extracted.byline } : {}),
    authors: extracted.authors,
    ...(extracted.dateline ? { dateline: extracted.dateline } : {}),
    ...(extracted.source ? { source: extracted.source } : {}),
    importedAt: ctx.now,
    updatedAt: ctx.now,
    wordCount: words,
    readingMinutes: readingMinutes(words),
    excerpt: first.length > 280 ? `${first.slice(0, 277).trimEnd()}…` : first,
    contentHash: ctx.hash,
    origin: {
      kind: 'file',
      name: ctx.originName,
      format: extracted.format,
      ...(extracted.encoding ? { encoding: extracted.encoding } : {}),
    },
    tags: [...new Set(ctx.tags)],
    status: 'unread',
    progress: 0,
    favorite: false,
    archivedAt: null,
    deletedAt: null,
    annotations: [],
    note: '',
  }
}
