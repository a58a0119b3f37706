// The API contract: every operation the UI or CLI can ask of the archive, declared once with
// zod input and output schemas. IPC (main/app), HTTP (main/serve) and the renderer's client
// are all built from this one table, so a missing handler is a compile error.
import * as z from 'zod'
import {
  AnnotationSchema,
  ArchiveOptionsSchema,
  FeedSchema,
  ArticleIdSchema,
  ArticleSchema,
  ImportReportSchema,
  SavedSearchSchema,
  TagNameSchema,
  TagWithCountSchema,
} from './model.ts'
import type { ApiError } from './errors.ts'
import type { EventName, EventPayload } from './events.ts'
import {
  ArticlePageSchema,
  ArticlePatchSchema,
  ArticleWithBodySchema,
  BulkChangeSchema,
  ListQuerySchema,
  ReextractReportSchema,
} from './api/articles.ts'
import {
  AnnotationChangeSchema,
  AnnotationIdSchema,
  NewAnnotationSchema,
  NoteSchema,
  NotebookPageSchema,
  NotebookQuerySchema,
  RepairCandidateSchema,
} from './api/annotations.ts'
import { ExportFileSchema, ExportPreviewSchema, ExportRequestSchema } from './api/export.ts'
import { MAX_UPLOAD_BASE64_CHARS } from './api/limits.ts'
import {
  IndexStatusSchema,
  SearchInputSchema,
  SearchResultsSchema,
  SuggestInputSchema,
  SuggestionSchema,
} from './api/search.ts'
import { RevealResultSchema, SyncStatusSchema } from './sync.ts'
import { PairingCodeSchema } from './capture.ts'

// The schemas of each area's operations, for everyone who imports the contract.
export * from './api/annotations.ts'
export * from './api/articles.ts'
export * from './api/export.ts'
export * from './api/limits.ts'
export * from './api/search.ts'
export * from './sync.ts'

export const TagColorSchema = z.string().regex(/^#[0-9a-f]{6}$/i, 'not a colour like #rrggbb')

const IdsSchema = z.object({ ids: z.array(ArticleIdSchema).min(1).max(100_000) }).strict()
const CountSchema = z.object({ count: z.number().int().nonnegative() })
const Empty = z.object({}).strict()

export const UploadFileSchema = z
  .object({
    name: z.string().min(1).max(1000),
    dataBase64: z.string().max(MAX_UPLOAD_BASE64_CHARS, 'file is too large to upload'),
  })
  .strict()

export const ArchiveInfoSchema = z.object({
  /** The folder's name ("Quire"). */
  name: z.string(),
  /** Where the folder is, for showing the person ("~/Quire"); never used to reach it. */
  location: z.string(),
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
  /** Where the archive is synced, its devices and the last merge (Settings > Sync). */
  'sync:status': { input: Empty, output: SyncStatusSchema },
  /** Show the folder of copies that could not be merged in the file manager (desktop app). */
  'sync:revealUnmerged': { input: Empty, output: RevealResultSchema },
  /** Pick another archive folder and reopen the app on it (desktop app only). */
  'app:chooseArchive': { input: Empty, output: ChooseArchiveResultSchema },
  /** The page saved what was pending after an `app:flush` event (the window may now close). */
  'app:flushed': {
    input: z.object({ id: z.number().int().nonnegative() }).strict(),
    output: z.object({ known: z.boolean() }),
  },
  'app:getSettings': { input: Empty, output: DesktopSettingsSchema },
  /** A new one-time code for pairing the browser extension (shown in the pairing dialog). */
  'capture:pairingCode': { input: Empty, output: PairingCodeSchema },
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
