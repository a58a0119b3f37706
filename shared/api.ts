// The API contract: every operation the UI or CLI can ask of the archive, declared once with
// zod input and output schemas. IPC (main/app), HTTP (main/serve) and the renderer's client
// are all built from this one table, so a missing handler is a compile error.
import { z } from 'zod'
import {
  AnnotationSchema,
  ArchiveOptionsSchema,
  FeedSchema,
  ArticleIdSchema,
  ArticleSchema,
  HighlightColorSchema,
  ArticleSummarySchema,
  ImportReportSchema,
  ReadStatusSchema,
  SavedSearchSchema,
  TagNameSchema,
  TagWithCountSchema,
} from './model.ts'
import type { ApiError } from './errors.ts'
import { SuggestInputSchema, SuggestionSchema } from './suggest.ts'
import type { EventName, EventPayload } from './events.ts'

export const MAX_PAGE_SIZE = 500
/** Uploads arrive base64-encoded; this caps one file at about 48 MB of raw bytes. */
export const MAX_UPLOAD_BASE64_CHARS = 64 * 1024 * 1024

export const LibraryViewSchema = z.enum(['inbox', 'all', 'favorites', 'archived', 'trash'])
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

export const TagColorSchema = z.string().regex(/^#[0-9a-f]{6}$/i, 'not a colour like #rrggbb')

const AnnotationIdSchema = z.string().regex(/^[0-9a-f]{16}$/, 'not an annotation id')
const NoteSchema = z.string().max(100_000, 'note is longer than 100,000 characters')

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

const IdsSchema = z.object({ ids: z.array(ArticleIdSchema).min(1).max(100_000) }).strict()
const CountSchema = z.object({ count: z.number().int().nonnegative() })
const Empty = z.object({}).strict()

export const UploadFileSchema = z
  .object({
    name: z.string().min(1).max(1000),
    dataBase64: z.string().max(MAX_UPLOAD_BASE64_CHARS, 'file is too large to upload'),
  })
  .strict()

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

export const ArchiveInfoSchema = z.object({
  name: z.string(),
  schemaVersion: z.number().int(),
  articleCount: z.number().int(),
  trashCount: z.number().int(),
  readOnly: z.boolean(),
})
export type ArchiveInfo = z.infer<typeof ArchiveInfoSchema>

/** What the desktop app keeps in its own settings; `desktop` is false in the browser shell. */
export const DesktopSettingsSchema = z.object({
  desktop: z.boolean(),
  /** Spelling checked as you type; off unless turned on (dictionaries are downloaded). */
  spellcheck: z.boolean(),
})
export type DesktopSettings = z.infer<typeof DesktopSettingsSchema>

export const ChooseArchiveResultSchema = z.object({
  /** True when a new folder was picked and the app is about to reopen on it. */
  changed: z.boolean(),
})

/** The notebook's filters over every annotation in the archive (trashed articles left out). */
const DaySchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'not a date like YYYY-MM-DD')
export const NotebookQuerySchema = z
  .object({
    filters: z
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
      .default({}),
    offset: z.number().int().nonnegative().default(0),
    limit: z.number().int().min(1).max(MAX_PAGE_SIZE).default(100),
  })
  .strict()
export type NotebookQuery = z.input<typeof NotebookQuerySchema>

/** One annotation with its article's title and source; items come grouped by article. */
export const NotebookItemSchema = z.object({
  articleId: ArticleIdSchema,
  title: z.string(),
  source: z.string().optional(),
  annotation: AnnotationSchema,
})
export type NotebookItem = z.infer<typeof NotebookItemSchema>

export const NotebookPageSchema = z.object({
  items: z.array(NotebookItemSchema),
  /** Matching annotations, and the articles they are on. */
  total: z.number().int().nonnegative(),
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

export const FeedRefreshReportSchema = z.object({
  feeds: z.array(FeedSchema),
  report: ImportReportSchema,
})
export type FeedRefreshReport = z.infer<typeof FeedRefreshReportSchema>

const FeedIdSchema = z.string().regex(/^[0-9a-f]{16}$/, 'not a feed id')
/** An address the user typed: http(s) only, checked again by the fetcher. */
const WebAddressSchema = z
  .string()
  .trim()
  .max(4096)
  .refine((s) => /^https?:\/\/[^\s]+$/i.test(s), 'not a web address (http:// or https://)')

/** Every format the export dialog offers (the CLI's, plus PDF where a printer exists). */
export const ExportFormatSchema = z.enum([
  'markdown',
  'readwise',
  'jsonld',
  'html',
  'pdf',
  'epub',
  'bibtex',
  'ris',
  'csl',
  'quire-json',
  'backup',
])
export type ExportFormat = z.infer<typeof ExportFormatSchema>

/** What to export; `all` is every article not in the trash. */
export const ExportSelectionSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('ids'), ids: z.array(ArticleIdSchema).min(1).max(100_000) }).strict(),
  z.object({ kind: z.literal('tag'), tag: TagNameSchema }).strict(),
  z.object({ kind: z.literal('search'), query: z.string().max(2000) }).strict(),
  z.object({ kind: z.literal('all') }).strict(),
])
export type ExportSelection = z.infer<typeof ExportSelectionSchema>

/**
 * The user's Markdown template. Mirrors main/archive/export/markdown-template.ts's
 * MarkdownTemplateSchema (shared/ may not import main/; a unit test keeps the two equal).
 */
export const ExportTemplateSchema = z
  .object({
    title: z.string().max(500),
    fileName: z.string().max(500),
    highlight: z.string().max(5000),
  })
  .strict()
export type ExportTemplate = z.infer<typeof ExportTemplateSchema>

const ExportRequestSchema = z
  .object({
    format: ExportFormatSchema,
    selection: ExportSelectionSchema,
    template: ExportTemplateSchema.optional(),
  })
  .strict()

export const ExportPreviewSchema = z.object({
  fileName: z.string(),
  mime: z.string(),
  /** The first articles in the format, cut at about 200 KB (`truncated`). */
  text: z.string(),
  truncated: z.boolean(),
  /** Articles in the export; `capped` when the selection had more than the cap. */
  itemCount: z.number().int().nonnegative(),
  capped: z.boolean(),
  /** Markdown only: the template in use (the default when none was sent). */
  template: ExportTemplateSchema.optional(),
})
export type ExportPreview = z.infer<typeof ExportPreviewSchema>

export const ExportFileSchema = z.object({
  fileName: z.string(),
  mime: z.string(),
  dataBase64: z.string(),
  itemCount: z.number().int().nonnegative(),
  capped: z.boolean(),
})
export type ExportFile = z.infer<typeof ExportFileSchema>

export const api = {
  'archive:info': { input: Empty, output: ArchiveInfoSchema },
  'articles:list': { input: ListQuerySchema, output: ArticlePageSchema },
  /** The sources in the archive (not in the trash), most articles first: filter suggestions. */
  'articles:sources': {
    input: Empty,
    output: z.array(z.object({ name: z.string(), count: z.number().int().positive() })),
  },
  'articles:get': {
    input: z.object({ id: ArticleIdSchema }).strict(),
    output: ArticleWithBodySchema,
  },
  'articles:update': {
    input: z.object({ id: ArticleIdSchema, patch: ArticlePatchSchema }).strict(),
    output: ArticleSchema,
  },
  'articles:setNote': {
    input: z.object({ id: ArticleIdSchema, note: NoteSchema }).strict(),
    output: ArticleSchema,
  },
  'articles:delete': { input: IdsSchema, output: CountSchema },
  'articles:restore': { input: IdsSchema, output: CountSchema },
  'trash:empty': { input: Empty, output: CountSchema },
  'annotations:create': { input: NewAnnotationSchema, output: AnnotationSchema },
  'annotations:update': {
    input: z
      .object({
        articleId: ArticleIdSchema,
        id: AnnotationIdSchema,
        ...AnnotationChangeSchema.shape,
      })
      .strict(),
    output: AnnotationSchema,
  },
  'annotations:delete': {
    input: z.object({ articleId: ArticleIdSchema, id: AnnotationIdSchema }).strict(),
    output: CountSchema,
  },
  /** Undo of a delete: the annotation comes back as it was, with the same id. */
  'annotations:restore': {
    input: z.object({ articleId: ArticleIdSchema, annotation: AnnotationSchema }).strict(),
    output: AnnotationSchema,
  },
  'import:upload': {
    input: z
      .object({
        files: z.array(UploadFileSchema).min(1).max(10_000),
        tags: z.array(TagNameSchema).max(50).default([]),
      })
      .strict(),
    output: ImportReportSchema,
  },
  'articles:bulkUpdate': {
    input: z
      .object({ ids: z.array(ArticleIdSchema).min(1).max(100_000), change: BulkChangeSchema })
      .strict(),
    output: CountSchema,
  },
  'tags:list': { input: Empty, output: z.array(TagWithCountSchema) },
  'tags:rename': {
    input: z.object({ from: TagNameSchema, to: TagNameSchema }).strict(),
    output: CountSchema,
  },
  'tags:merge': {
    input: z.object({ from: z.array(TagNameSchema).min(1).max(200), into: TagNameSchema }).strict(),
    output: CountSchema,
  },
  'tags:setColor': {
    input: z.object({ name: TagNameSchema, color: TagColorSchema }).strict(),
    output: CountSchema,
  },
  'tags:delete': { input: z.object({ name: TagNameSchema }).strict(), output: CountSchema },
  'articles:search': { input: SearchInputSchema, output: SearchResultsSchema },
  'search:suggest': { input: SuggestInputSchema, output: z.array(SuggestionSchema) },
  'index:status': { input: Empty, output: IndexStatusSchema },
  'searches:list': { input: Empty, output: z.array(SavedSearchSchema) },
  'searches:save': {
    input: z
      .object({
        /** Given to rename or change an existing saved search. */
        id: z
          .string()
          .regex(/^[0-9a-f]{16}$/)
          .optional(),
        name: z.string().trim().min(1, 'give the search a name').max(200),
        query: z.string().max(2000),
      })
      .strict(),
    output: SavedSearchSchema,
  },
  'searches:delete': {
    input: z.object({ id: z.string().regex(/^[0-9a-f]{16}$/) }).strict(),
    output: CountSchema,
  },
  /** Every annotation across the archive, filtered, grouped by article, a page at a time. */
  'annotations:list': { input: NotebookQuerySchema, output: NotebookPageSchema },
  /** The best passage for each orphaned annotation of an article (the repair view). */
  'annotations:candidates': {
    input: z.object({ articleId: ArticleIdSchema }).strict(),
    output: z.array(RepairCandidateSchema),
  },
  /** Anchor an annotation anew on a range of the current text (a confirmed repair). */
  'annotations:reanchor': {
    input: z
      .object({
        articleId: ArticleIdSchema,
        id: AnnotationIdSchema,
        start: z.number().int().nonnegative(),
        end: z.number().int().nonnegative(),
      })
      .strict(),
    output: AnnotationSchema,
  },
  /** Web pages by address, fetched now (the user typed them: local addresses allowed). */
  'import:urls': {
    input: z
      .object({
        urls: z.array(WebAddressSchema).min(1).max(1000),
        tags: z.array(TagNameSchema).max(50).default([]),
      })
      .strict(),
    output: ImportReportSchema,
  },
  /** Fetch the text of link records, or fetch pages again (the old body is kept). */
  'articles:fetch': {
    input: z.object({ ids: z.array(ArticleIdSchema).min(1).max(100_000) }).strict(),
    output: ImportReportSchema,
  },
  /**
   * Metadata extracted again with today's rules (people and organisations, sites as sources,
   * titles without the site's name, dates in addresses); fields edited by hand are kept.
   * No ids: every article. Progress as 'import:progress'.
   */
  'articles:reextract': {
    input: z.object({ ids: z.array(ArticleIdSchema).min(1).max(100_000).optional() }).strict(),
    output: ReextractReportSchema,
  },
  /** Merge copies of one article into the first; the others go to the trash. */
  'articles:merge': {
    input: z.object({ ids: z.array(ArticleIdSchema).min(2).max(100) }).strict(),
    output: ArticleSchema,
  },
  /** An earlier body of an article, kept when it was fetched again. */
  'articles:getVersion': {
    input: z.object({ id: ArticleIdSchema, n: z.number().int().min(1).max(10_000) }).strict(),
    output: ArticleWithBodySchema,
  },
  'options:get': { input: Empty, output: ArchiveOptionsSchema },
  'options:set': { input: ArchiveOptionsSchema.partial().strict(), output: ArchiveOptionsSchema },
  'feeds:list': { input: Empty, output: z.array(FeedSchema) },
  'feeds:subscribe': {
    input: z
      .object({ url: WebAddressSchema, tags: z.array(TagNameSchema).max(50).default([]) })
      .strict(),
    output: FeedRefreshReportSchema,
  },
  /** Without ids: every subscription. */
  'feeds:refresh': {
    input: z.object({ ids: z.array(FeedIdSchema).max(10_000).optional() }).strict(),
    output: FeedRefreshReportSchema,
  },
  'feeds:unsubscribe': { input: z.object({ id: FeedIdSchema }).strict(), output: CountSchema },
  'feeds:importOpml': {
    input: z.object({ text: z.string().max(8 * 1024 * 1024) }).strict(),
    output: z.object({ added: z.number().int(), feeds: z.array(FeedSchema) }),
  },
  'feeds:exportOpml': { input: Empty, output: z.object({ opml: z.string() }) },
  /** A text preview of an export (the first articles), and how many articles it holds. */
  'export:preview': { input: ExportRequestSchema, output: ExportPreviewSchema },
  /** The export file itself, base64, for the page to download; PDF only where Chromium prints. */
  'export:run': { input: ExportRequestSchema, output: ExportFileSchema },
  /** Pick another archive folder and reopen the app on it (desktop app only). */
  'app:chooseArchive': { input: Empty, output: ChooseArchiveResultSchema },
  /** The page saved what was pending after an `app:flush` event (the window may now close). */
  'app:flushed': {
    input: z.object({ id: z.number().int().nonnegative() }).strict(),
    output: z.object({ known: z.boolean() }),
  },
  'app:getSettings': { input: Empty, output: DesktopSettingsSchema },
  /** Desktop app only; spellcheck applies from the next start. */
  'app:setSettings': {
    input: z.object({ spellcheck: z.boolean() }).strict(),
    output: DesktopSettingsSchema,
  },
} as const satisfies Record<string, { input: z.ZodType; output: z.ZodType }>

export type Api = typeof api
export type Op = keyof Api
export type OpInput<K extends Op> = z.input<Api[K]['input']>
export type OpParsedInput<K extends Op> = z.output<Api[K]['input']>
export type OpOutput<K extends Op> = z.output<Api[K]['output']>

export const OPS = Object.keys(api) as Op[]

export function isOp(name: unknown): name is Op {
  return typeof name === 'string' && Object.hasOwn(api, name)
}

/** The envelope every transport answers with. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError }

/** Handlers for every operation: a mapped type, so forgetting one fails the compile. */
export type Handlers = { [K in Op]: (input: OpParsedInput<K>) => Promise<OpOutput<K>> }

/** What `window.quire` offers the renderer, whatever the transport. */
export interface QuireClient {
  call<K extends Op>(op: K, input: OpInput<K>): Promise<OpOutput<K>>
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void
}
