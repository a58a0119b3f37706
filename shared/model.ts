// The data model shared by main and renderer: articles, tags, annotations, import results.
// Every shape is a zod schema so the same definition validates disk, IPC and HTTP input.
import * as z from 'zod'
import { ArticleKindSchema, BookIdentifiersSchema, BookmarkSchema, LocationSchema } from './book.ts'

/** Article ids are 16 lowercase hex chars; the first two pick the catalog shard. */
export const ArticleIdSchema = z.string().regex(/^[0-9a-f]{16}$/, 'not an article id')
export type ArticleId = z.infer<typeof ArticleIdSchema>

export const ReadStatusSchema = z.enum(['unread', 'reading', 'read'])
export type ReadStatus = z.infer<typeof ReadStatusSchema>

/** Tag names: trimmed, no control chars, `/` nests (`region/gaza`). */
export const TagNameSchema = z
  .string()
  .trim()
  .min(1, 'tag name is empty')
  .max(100, 'tag name is longer than 100 characters')
  .refine((s) => !/[\u0000-\u001f\u007f,]/.test(s), 'tag name has a control character or comma')

export const TagSchema = z.object({
  name: TagNameSchema,
  color: z.string().regex(/^#[0-9a-f]{6}$/i),
})
export type Tag = z.infer<typeof TagSchema>

export const TagWithCountSchema = TagSchema.extend({ count: z.number().int().nonnegative() })
export type TagWithCount = z.infer<typeof TagWithCountSchema>

/** W3C Web Annotation selectors over the article's normalised text. */
export const TextQuoteSelectorSchema = z.object({
  type: z.literal('TextQuoteSelector'),
  exact: z.string().min(1),
  prefix: z.string(),
  suffix: z.string(),
})
export const TextPositionSelectorSchema = z.object({
  type: z.literal('TextPositionSelector'),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
})
export type TextQuoteSelector = z.infer<typeof TextQuoteSelectorSchema>
export type TextPositionSelector = z.infer<typeof TextPositionSelectorSchema>

export const HighlightColorSchema = z.enum(['yellow', 'green', 'blue', 'pink', 'purple'])
export type HighlightColor = z.infer<typeof HighlightColorSchema>

export const AnnotationSchema = z.object({
  id: z.string().regex(/^[0-9a-f]{16}$/),
  createdAt: z.string(),
  updatedAt: z.string(),
  color: HighlightColorSchema,
  note: z.string().max(100_000),
  tags: z.array(TagNameSchema),
  target: z.object({
    quote: TextQuoteSelectorSchema,
    position: TextPositionSelectorSchema,
    /** Where the source put it (a page, a Kindle location): a book's highlights have one. */
    location: LocationSchema.optional(),
  }),
  orphaned: z.boolean(),
  /**
   * The highlight's identity in the file it was imported from (a Kobo bookmark id, a
   * Readwise row's book, place and date): importing the file again updates it in place.
   */
  importKey: z.string().max(300).optional(),
  /** A digest of that row as last imported: a re-import changes the highlight only if it did. */
  importHash: z.string().max(100).optional(),
  /** The colour name the source used when Quire has no exact match ("orange"), for exports. */
  sourceColor: z.string().max(50).optional(),
})
export type Annotation = z.infer<typeof AnnotationSchema>

/** A dateline such as "ANKARA (AA) –": the place and the agency, kept out of the body. */
export const DatelineSchema = z.object({
  place: z.string(),
  agency: z.string().optional(),
  date: z.string().optional(),
  raw: z.string(),
})
export type Dateline = z.infer<typeof DatelineSchema>

export const ArticleOriginSchema = z.object({
  /** file/upload: a file the user gave; url: fetched; feed: a feed item; service: another
   * app's export (Pocket, Wallabag…), named in `service`. */
  kind: z.enum(['file', 'upload', 'url', 'feed', 'service']),
  /** The file name or URL as the user knows it (never a full path in the renderer). */
  name: z.string(),
  /**
   * `link`: only the address is known yet; the body is fetched later, when online.
   * `metadata`: a book known by its title and identifiers only, holding highlights.
   */
  format: z.enum(['text', 'html', 'markdown', 'feed', 'link', 'metadata']),
  encoding: z.string().optional(),
  service: z.string().optional(),
  /** Feed items: the feed's id and the item's guid, so an item is imported once. */
  feedId: z.string().optional(),
  guid: z.string().optional(),
})

/** An earlier body of an article: content/<id>.v<n>.html. */
export const ArticleVersionSchema = z.object({
  n: z.number().int().positive(),
  /** When this body was replaced by a newer one. */
  replacedAt: z.string(),
  title: z.string(),
  wordCount: z.number().int().nonnegative(),
})
export type ArticleVersion = z.infer<typeof ArticleVersionSchema>

/** Metadata fields a person can edit; re-extraction never overwrites one edited by hand. */
export const EditableFieldSchema = z.enum([
  'title',
  'subtitle',
  'authors',
  'source',
  'publishedAt',
  'url',
])
export type EditableField = z.infer<typeof EditableFieldSchema>

/**
 * What a merge of two copies of a record needs (two devices edited it while apart; see
 * main/archive/store/sync/). Stamps are `<ISO time>/<device id>`, compared as strings: the
 * later time wins, the device id breaks a tie. A field without a stamp was last changed
 * at the record's updatedAt.
 */
export const RecordClockSchema = z.object({
  /** Field name -> when it was last changed. */
  f: z.record(z.string(), z.string()).optional(),
  /** Tag -> when it was last added or removed (whether it is on the record says which). */
  t: z.record(z.string(), z.string()).optional(),
  /** Annotation id -> when it was deleted (a tombstone: the highlight stays deleted). */
  x: z.record(z.string(), z.string()).optional(),
  /** Text ('note', 'a:<annotation id>') -> short hashes of its earlier texts, newest first. */
  h: z.record(z.string(), z.array(z.string())).optional(),
})
export type RecordClock = z.infer<typeof RecordClockSchema>

export const ArticleSchema = z.object({
  id: ArticleIdSchema,
  /** Absent in records from before schema 3: an article (see shared/book.ts). */
  kind: ArticleKindSchema.optional(),
  title: z.string(),
  subtitle: z.string().optional(),
  byline: z.string().optional(),
  /** People credited, in order ("Ann Lee"). */
  authors: z.array(z.string()),
  /** Organisations credited as authors ("BBC News", "Reuters"): cited as organisations. */
  organizations: z.array(z.string()).optional(),
  dateline: DatelineSchema.optional(),
  source: z.string().optional(),
  url: z.string().optional(),
  canonicalUrl: z.string().optional(),
  publishedAt: z.string().optional(),
  importedAt: z.string(),
  updatedAt: z.string(),
  language: z.string().optional(),
  modifiedAt: z.string().optional(),
  /** A local asset URL (assets/<sha256>.<ext>) or data: URI; never fetched at reading time. */
  leadImage: z.string().optional(),
  wordCount: z.number().int().nonnegative(),
  readingMinutes: z.number().int().nonnegative(),
  excerpt: z.string(),
  contentHash: z.string().regex(/^[0-9a-f]{64}$/),
  origin: ArticleOriginSchema,
  tags: z.array(TagNameSchema),
  status: ReadStatusSchema,
  progress: z.number().min(0).max(1),
  favorite: z.boolean(),
  archivedAt: z.string().nullable(),
  deletedAt: z.string().nullable(),
  annotations: z.array(AnnotationSchema),
  note: z.string(),
  /** Earlier bodies, kept when the article was fetched or extracted again (oldest first). */
  versions: z.array(ArticleVersionSchema).optional(),
  /** A book's ASIN or ISBN, as its source gave them. */
  identifiers: BookIdentifiersSchema.optional(),
  /** Places marked without a highlight (e-reader bookmarks, notes without their passage). */
  bookmarks: z.array(BookmarkSchema).optional(),
  /** Metadata fields the user edited by hand, which re-extraction keeps. */
  edited: z.array(EditableFieldSchema).optional(),
  /** When each part last changed, for merging copies from two devices (absent until edited). */
  clock: RecordClockSchema.optional(),
})
export type Article = z.infer<typeof ArticleSchema>

/** What the library list needs: the record without annotations bodies or notes. */
export const ArticleSummarySchema = ArticleSchema.omit({
  annotations: true,
  note: true,
  clock: true,
}).extend({
  annotationCount: z.number().int().nonnegative(),
})
export type ArticleSummary = z.infer<typeof ArticleSummarySchema>

export const ImportErrorCodeSchema = z.enum([
  'EMPTY',
  'BINARY',
  'TOO_LARGE',
  'UNSUPPORTED_FORMAT',
  'NOT_FOUND',
  'IO',
  'INVALID_INPUT',
  'NETWORK',
])

export const ImportResultSchema = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('imported'),
    source: z.string(),
    id: ArticleIdSchema,
    title: z.string(),
    /** What was imported with it ("12 highlights, 3 notes"), when that is worth saying. */
    detail: z.string().optional(),
    /**
     * The page could not be fetched now (the reason, such as no network): its address was kept
     * as a link record, whose text is fetched later.
     */
    fetchLater: z.string().optional(),
  }),
  z.object({
    status: z.literal('duplicate'),
    source: z.string(),
    id: ArticleIdSchema,
    title: z.string(),
    /** What the new copy added to the one already in the archive (tags, highlights). */
    merged: z.string().optional(),
  }),
  z.object({ status: z.literal('skipped'), source: z.string(), reason: z.string() }),
  z.object({
    status: z.literal('failed'),
    source: z.string(),
    error: z.object({ code: ImportErrorCodeSchema, message: z.string() }),
  }),
])
export type ImportResult = z.infer<typeof ImportResultSchema>

export const ImportReportSchema = z.object({
  results: z.array(ImportResultSchema),
  imported: z.number().int(),
  duplicates: z.number().int(),
  skipped: z.number().int(),
  failed: z.number().int(),
})
export type ImportReport = z.infer<typeof ImportReportSchema>

/** A named search, shown in the library sidebar; `query` is in the shared/search language. */
export const SavedSearchSchema = z.object({
  id: z.string().regex(/^[0-9a-f]{16}$/),
  name: z.string().trim().min(1).max(200),
  query: z.string().max(2000),
  createdAt: z.string(),
})
export type SavedSearch = z.infer<typeof SavedSearchSchema>

/** A feed the user subscribed to; its items are imported on refresh. */
export const FeedSchema = z.object({
  id: z.string().regex(/^[0-9a-f]{16}$/),
  url: z.string().url(),
  title: z.string(),
  siteUrl: z.string().optional(),
  addedAt: z.string(),
  lastCheckedAt: z.string().optional(),
  /** When the last refresh found new items. */
  lastNewAt: z.string().optional(),
  /** Why the last refresh failed, in words for the user; absent after a good refresh. */
  lastError: z.string().optional(),
  /** For conditional requests: an unchanged feed costs one small answer. */
  etag: z.string().optional(),
  lastModified: z.string().optional(),
  /** Tags put on every item imported from this feed. */
  tags: z.array(TagNameSchema).default([]),
})
export type Feed = z.infer<typeof FeedSchema>

/** Per-archive options kept in quire.json. */
export const ArchiveOptionsSchema = z.object({
  /**
   * Let feed items, their pages and images come from private or loopback addresses (a home
   * server, an intranet). Off by default: a hostile feed must not reach the local network.
   * An address the user types in is always allowed.
   */
  allowLocalNetwork: z.boolean().default(false),
})
export type ArchiveOptions = z.infer<typeof ArchiveOptionsSchema>
