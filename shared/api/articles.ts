// The contract's schemas for the library and its articles: list queries and pages, one
// article with its body, edits one at a time or in bulk.
import * as z from 'zod'
import {
  ArticleIdSchema,
  ArticleSchema,
  ArticleSummarySchema,
  ReadStatusSchema,
  TagNameSchema,
} from '../model.ts'
import { AnnotationAnchorSchema } from './annotations.ts'
import { MAX_PAGE_SIZE } from './limits.ts'

/** `books`: records known by their metadata, holding highlights (shared/book.ts). */
export const LibraryViewSchema = z.enum(['inbox', 'all', 'favorites', 'books', 'archived', 'trash'])
export type LibraryView = z.infer<typeof LibraryViewSchema>

/** `source` orders by source name (then host); `readingTime` by word count. */
export const SortFieldSchema = z.enum(['imported', 'published', 'title', 'source', 'readingTime'])
export type SortField = z.infer<typeof SortFieldSchema>

export const ListQuerySchema = z
  .object({
    view: LibraryViewSchema.default('inbox'),
    status: ReadStatusSchema.optional(),
    tag: TagNameSchema.optional(),
    /** Case-insensitive match on title, subtitle, authors and source. */
    text: z.string().max(500).optional(),
    sort: SortFieldSchema.default('imported'),
    order: z.enum(['asc', 'desc']).default('desc'),
    offset: z.number().int().nonnegative().default(0),
    limit: z.number().int().min(1).max(MAX_PAGE_SIZE).default(100),
  })
  .strict()
export type ListQuery = z.input<typeof ListQuerySchema>

export const ArticlePageSchema = z.object({
  items: z.array(ArticleSummarySchema),
  total: z.number().int().nonnegative(),
  offset: z.number().int().nonnegative(),
})
export type ArticlePage = z.infer<typeof ArticlePageSchema>

export const ArticleWithBodySchema = z.object({
  article: ArticleSchema,
  /** Sanitised HTML written by Quire's importers. */
  body: z.string(),
  /** One per annotation, in the article's order. */
  anchors: z.array(AnnotationAnchorSchema),
})
export type ArticleWithBody = z.infer<typeof ArticleWithBodySchema>

export const ReextractReportSchema = z.object({
  checked: z.number().int().nonnegative(),
  changed: z.number().int().nonnegative(),
  changes: z.array(
    z.object({ id: ArticleIdSchema, title: z.string(), fields: z.array(z.string()) }),
  ),
})
export type ReextractReport = z.infer<typeof ReextractReportSchema>

export const ArticlePatchSchema = z
  .object({
    title: z.string().trim().min(1).max(1000),
    tags: z.array(TagNameSchema).max(200),
    status: ReadStatusSchema,
    progress: z.number().min(0).max(1),
    favorite: z.boolean(),
    archived: z.boolean(),
    /** Metadata edits: an empty string (or null) clears the field. */
    subtitle: z.string().trim().max(2000),
    authors: z.array(z.string().trim().min(1).max(300)).max(50),
    source: z.string().trim().max(300),
    publishedAt: z
      .string()
      .trim()
      .refine(
        (s) =>
          /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(s) && !isNaN(Date.parse(s)),
        'not a date (YYYY-MM-DD or ISO 8601)',
      )
      .nullable(),
    url: z.string().trim().max(4000).refine(isWebUrl, 'not an http or https address').nullable(),
  })
  .partial()
  .strict()
export type ArticlePatch = z.infer<typeof ArticlePatchSchema>

function isWebUrl(s: string): boolean {
  try {
    const u = new URL(s)
    return u.protocol === 'http:' || u.protocol === 'https:'
  } catch {
    return false
  }
}

/** A change applied to many articles at once (the library's bulk action bar). */
export const BulkChangeSchema = z
  .object({
    addTags: z.array(TagNameSchema).max(200),
    removeTags: z.array(TagNameSchema).max(200),
    status: ReadStatusSchema,
    favorite: z.boolean(),
    archived: z.boolean(),
  })
  .partial()
  .strict()
export type BulkChange = z.infer<typeof BulkChangeSchema>
