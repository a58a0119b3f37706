// The contract's schemas for full-text search and the index's status.
import * as z from 'zod'
import { ArticleSummarySchema } from '../model.ts'
import { LibraryViewSchema } from './articles.ts'
import { MAX_PAGE_SIZE } from './limits.ts'

export const SearchInputSchema = z
  .object({
    /** The query language of shared/search (`rafah tag:gaza is:unread`). */
    query: z.string().max(2000),
    view: LibraryViewSchema.default('all'),
    sort: z
      .enum(['relevance', 'imported', 'published', 'title', 'source', 'readingTime'])
      .default('relevance'),
    order: z.enum(['asc', 'desc']).default('desc'),
    offset: z.number().int().nonnegative().default(0),
    limit: z.number().int().min(1).max(MAX_PAGE_SIZE).default(50),
  })
  .strict()
export type SearchInput = z.input<typeof SearchInputSchema>

export const SearchResultsSchema = z.object({
  items: z.array(
    ArticleSummarySchema.extend({
      /** Body text around the matches; matched words sit between U+E000 and U+E001. */
      snippet: z.string().optional(),
    }),
  ),
  total: z.number().int().nonnegative(),
  offset: z.number().int().nonnegative(),
  /** `newest` when relevance was asked for but every word is in most articles. */
  orderedBy: z.enum(['relevance', 'newest']).optional(),
})
export type SearchResults = z.infer<typeof SearchResultsSchema>

export const IndexStatusSchema = z.object({
  state: z.enum(['stopped', 'syncing', 'ready', 'failed']),
  done: z.number().int(),
  total: z.number().int(),
  message: z.string().optional(),
})

// The search box's suggestions: tags, sources and authors of the archive whose name (or a
// word of it) begins with what is being typed.
export const SuggestKindSchema = z.enum(['tag', 'source', 'author'])
export type SuggestKind = z.infer<typeof SuggestKindSchema>

export const SuggestInputSchema = z
  .object({
    /** What is being typed: the last word of the query, or the value after `tag:` and the like. */
    prefix: z.string().max(200),
    /** Only these kinds (after `tag:`, only tags); all three by default. */
    kinds: z.array(SuggestKindSchema).min(1).max(3).optional(),
    limit: z.number().int().min(1).max(50).default(8),
  })
  .strict()
export type SuggestInput = z.input<typeof SuggestInputSchema>

export const SuggestionSchema = z.object({
  kind: SuggestKindSchema,
  /** The tag, source or author as the archive has it. */
  value: z.string(),
  /** Articles outside the Trash that have it. */
  count: z.number().int().nonnegative(),
})
export type Suggestion = z.infer<typeof SuggestionSchema>
