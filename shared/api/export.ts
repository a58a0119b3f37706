// The contract's schemas for exports: formats, what to export, the Markdown template, the
// preview and the file.
import * as z from 'zod'
import { ArticleIdSchema, TagNameSchema } from '../model.ts'
import { NotebookFiltersSchema } from './annotations.ts'

/** Every format the export dialog offers (the CLI's, plus PDF where a printer exists). */
export const ExportFormatSchema = z.enum([
  'markdown',
  'readwise',
  'jsonld',
  'html',
  'pdf',
  'epub',
  'bibtex',
  'biblatex',
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
  /** What the notebook shows for these filters: its articles, with the matching highlights. */
  z.object({ kind: z.literal('notebook'), filters: NotebookFiltersSchema }).strict(),
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

export const ExportRequestSchema = z
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
