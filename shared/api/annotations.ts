// The contract's schemas for highlights and notes: new and changed annotations, where each
// lands in the body, the notebook's query and page, and orphan repair candidates.
import * as z from 'zod'
import { AnnotationSchema, ArticleIdSchema, HighlightColorSchema, TagNameSchema } from '../model.ts'
import { MAX_PAGE_SIZE } from './limits.ts'

export const AnnotationIdSchema = z.string().regex(/^[0-9a-f]{16}$/, 'not an annotation id')
export const NoteSchema = z.string().max(100_000, 'note is longer than 100,000 characters')

/** A new highlight: a range of the body's normalised text (UTF-16 offsets, end exclusive). */
export const NewAnnotationSchema = z
  .object({
    articleId: ArticleIdSchema,
    start: z.number().int().nonnegative(),
    end: z.number().int().nonnegative(),
    color: HighlightColorSchema,
    note: NoteSchema.optional(),
    tags: z.array(TagNameSchema).max(200).optional(),
  })
  .strict()
export type NewAnnotation = z.infer<typeof NewAnnotationSchema>

export const AnnotationChangeSchema = z
  .object({
    color: HighlightColorSchema,
    note: NoteSchema,
    tags: z.array(TagNameSchema).max(200),
  })
  .partial()
  .strict()
export type AnnotationChange = z.infer<typeof AnnotationChangeSchema>

/**
 * Where one annotation lands in the body's current text (shared/html-text's htmlToText),
 * computed on every read; orphans have no range and are listed apart by the UI.
 */
export const AnnotationAnchorSchema = z.object({
  id: z.string(),
  status: z.enum(['exact-position', 'exact-quote', 'fuzzy', 'orphaned']),
  start: z.number().int().nonnegative().optional(),
  end: z.number().int().nonnegative().optional(),
})
export type AnnotationAnchor = z.infer<typeof AnnotationAnchorSchema>

/** The notebook's filters over every annotation in the archive (trashed articles left out). */
const DaySchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'not a date like YYYY-MM-DD')
export const NotebookFiltersSchema = z
  .object({
    tag: TagNameSchema,
    color: HighlightColorSchema,
    source: z.string().max(300),
    /** Created on or after / on or before this day (UTC). */
    from: DaySchema,
    to: DaySchema,
    /** Case-insensitive, in the quote, the note and the article's title. */
    text: z.string().max(500),
  })
  .partial()
  .strict()
export const NotebookQuerySchema = z
  .object({
    filters: NotebookFiltersSchema.default({}),
    offset: z.number().int().nonnegative().default(0),
    limit: z.number().int().min(1).max(MAX_PAGE_SIZE).default(100),
  })
  .strict()
export type NotebookQuery = z.input<typeof NotebookQuerySchema>

/**
 * One annotation, or an article's own note, with the article's title and source; items come
 * grouped by article, the note first.
 */
export const NotebookItemSchema = z.object({
  articleId: ArticleIdSchema,
  title: z.string(),
  source: z.string().optional(),
  annotation: AnnotationSchema.optional(),
  /** Set (and `annotation` absent) on an article note's item. */
  note: z.string().optional(),
})
export type NotebookItem = z.infer<typeof NotebookItemSchema>

export const NotebookPageSchema = z.object({
  items: z.array(NotebookItemSchema),
  /** Matching annotations, and the articles they are on (with their notes, `notes`). */
  total: z.number().int().nonnegative(),
  /** Article notes shown (each one item, besides the `total` annotations). */
  notes: z.number().int().nonnegative(),
  articles: z.number().int().nonnegative(),
  offset: z.number().int().nonnegative(),
  /** Tags and sources of every annotated article, for the filters' choices. */
  facets: z.object({ tags: z.array(z.string()), sources: z.array(z.string()) }),
})
export type NotebookPage = z.infer<typeof NotebookPageSchema>

/** For each orphan of an article, the passage that fits its quote best, if any. */
export const RepairCandidateSchema = z.object({
  id: z.string(),
  candidate: z
    .object({
      start: z.number().int().nonnegative(),
      end: z.number().int().nonnegative(),
      text: z.string(),
      score: z.number(),
    })
    .optional(),
})
export type RepairCandidate = z.infer<typeof RepairCandidateSchema>
