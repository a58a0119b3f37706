// The app's export: a selection (ids, a tag, a search, everything) turned into items and
// then into the bytes of one downloadable file, or a short text preview of them. The
// service's reads come in as parameters, so this module never reaches into the store.
import { randomBytes } from 'node:crypto'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { strToU8, zipSync } from 'fflate'
import type { z } from 'zod'
import type {
  ArticlePage,
  ExportFormat,
  ExportPreview,
  ExportSelection,
  ExportTemplate,
  ListQuerySchema,
  SearchInputSchema,
  SearchResults,
} from '../../../shared/api.ts'
import { QuireError } from '../../../shared/errors.ts'
import { annotatedHtml, annotatedHtmlBundle } from './annotated-html.ts'
import { archiveLayout } from '../store/layout.ts'
import { AssetNameSchema, type ArchiveSnapshot } from './archive-snapshot.ts'
import type { BackupZipResult } from './backup-zip.ts'
import { bibtex } from './bibtex.ts'
import { cslJson } from './csl-json.ts'
import { exportEpub } from './epub.ts'
import type { ExportItem } from './export-item.ts'
import { safeFileName } from './file-name.ts'
import { noteFile, renderNote, renderNotes } from './markdown.ts'
import { DEFAULT_TEMPLATE, MarkdownTemplateSchema } from './markdown-template.ts'
import { exportPdf, type PrintToPdf } from './pdf.ts'
import { buildQuireJson } from './quire-json.ts'
import { readwiseCsv } from './readwise-csv.ts'
import { ris } from './ris.ts'
import { webAnnotationCollection } from './web-annotation.ts'

/** More than this and the export stops collecting; the answer says it was capped. */
export const MAX_EXPORT_ITEMS = 100_000
/** Articles rendered for a preview: enough to judge the format, quick at any selection size. */
export const PREVIEW_ITEMS = 10
/** A preview's text is cut here (UTF-16 units, about 200 KB). */
export const PREVIEW_CHARS = 200_000
/** A download travels as base64 in one message; past this the CLI is the way. */
export const MAX_DOWNLOAD_BYTES = 256 * 1024 * 1024
const PAGE = 500

/** What the runner needs of ArchiveService (which satisfies it as it is). */
export interface ExportSource {
  readonly root: string
  get(id: string): Promise<ExportItem>
  list(query: z.output<typeof ListQuerySchema>): Promise<ArticlePage>
  search(input: z.output<typeof SearchInputSchema>): Promise<SearchResults>
  /** Runs `use` on a snapshot taken inside the write queue (no write lands mid-read). */
  snapshot<T>(use: (s: ArchiveSnapshot) => Promise<T>): Promise<T>
  /** Writes the backup zip to `outPath` inside the write queue. */
  backupZip(outPath: string): Promise<BackupZipResult>
}

export interface ExportRequest {
  format: ExportFormat
  selection: ExportSelection
  template?: ExportTemplate | undefined
}

export interface ExportFile {
  fileName: string
  mime: string
  bytes: Uint8Array
  itemCount: number
  capped: boolean
}

/** Formats that always carry the whole archive, whatever the selection. */
export const WHOLE_ARCHIVE = new Set<ExportFormat>(['quire-json', 'backup'])

const EXT: Record<ExportFormat, [ext: string, mime: string]> = {
  markdown: ['.md', 'text/markdown'],
  readwise: ['.csv', 'text/csv'],
  jsonld: ['.jsonld', 'application/ld+json'],
  html: ['.html', 'text/html'],
  pdf: ['.pdf', 'application/pdf'],
  epub: ['.epub', 'application/epub+zip'],
  bibtex: ['.bib', 'application/x-bibtex'],
  ris: ['.ris', 'application/x-research-info-systems'],
  csl: ['.json', 'application/vnd.citationstyles.csl+json'],
  'quire-json': ['.json', 'application/json'],
  backup: ['.zip', 'application/zip'],
}

/**
 * The ids a selection names, in a stable order: the first `max` of them (MAX_EXPORT_ITEMS by
 * default), and how many there are in all. `all` is every article not in the trash; a tag
 * or a search looks in every view but the trash. `capped` when more than MAX_EXPORT_ITEMS.
 */
export async function selectIds(
  source: ExportSource,
  selection: ExportSelection,
  max = MAX_EXPORT_ITEMS,
): Promise<{ ids: string[]; total: number; capped: boolean }> {
  const limit = Math.min(max, MAX_EXPORT_ITEMS)
  if (selection.kind === 'ids') {
    const ids = [...new Set(selection.ids)]
    return { ids: ids.slice(0, limit), total: ids.length, capped: ids.length > MAX_EXPORT_ITEMS }
  }
  const ids: string[] = []
  let total = 0
  for (let offset = 0; ids.length < limit; offset += PAGE) {
    const size = Math.min(PAGE, limit - ids.length)
    const page =
      selection.kind === 'search'
        ? await source.search({
            query: selection.query,
            view: 'all',
            sort: 'published',
            order: 'asc',
            offset,
            limit: size,
          })
        : await source.list({
            view: 'all',
            ...(selection.kind === 'tag' ? { tag: selection.tag } : {}),
            sort: 'published',
            order: 'asc',
            offset,
            limit: size,
          })
    total = page.total
    ids.push(...page.items.map((a) => a.id))
    if (page.items.length < size || ids.length >= total) break
  }
  return { ids: ids.slice(0, limit), total, capped: total > MAX_EXPORT_ITEMS }
}

/** The file for a request. Throws QuireError: UNSUPPORTED (PDF without a printer), INVALID_INPUT (nothing selected), IO (too large). */
export async function runExport(
  source: ExportSource,
  request: ExportRequest,
  printToPdf?: PrintToPdf,
): Promise<ExportFile> {
  const { format } = request
  if (format === 'pdf' && !printToPdf) {
    throw new QuireError(
      'UNSUPPORTED',
      'This window cannot make PDF files itself; use “PDF (print to PDF)” and choose “Save as PDF” in the print dialog.',
    )
  }
  if (WHOLE_ARCHIVE.has(format)) return wholeArchive(source, format)
  const { ids, capped } = await selectIds(source, request.selection)
  if (ids.length === 0) throw new QuireError('INVALID_INPUT', 'No articles to export.')
  const items = await load(source, ids)
  const name = baseName(request.selection, items)
  const file = (ext: string, mime: string, data: string | Uint8Array): ExportFile => {
    const bytes = typeof data === 'string' ? strToU8(data) : data
    if (bytes.length > MAX_DOWNLOAD_BYTES) throw tooLarge(bytes.length)
    return { fileName: name + ext, mime, bytes, itemCount: items.length, capped }
  }
  const [ext, mime] = EXT[format]
  const template = templateOf(request)
  const readAsset = assetReader(source.root)
  switch (format) {
    case 'markdown': {
      if (items.length === 1) return file(ext, mime, noteFile(renderNote(items[0]!, template)))
      const zip = Object.fromEntries(
        renderNotes(items, template).map((n) => [n.name, strToU8(n.text)]),
      )
      return file('.zip', 'application/zip', zipSync(zip, { level: 6 }))
    }
    case 'html':
      return file(ext, mime, await htmlOf(items, readAsset))
    case 'pdf':
      return file(ext, mime, await exportPdf(items, printToPdf!, { readAsset }))
    case 'epub':
      return file(ext, mime, await exportEpub(items, { readAsset }))
    default:
      return file(ext, mime, textOf(format, items))
  }
}

/** A text preview: the first PREVIEW_ITEMS articles in the format (a summary for binary ones). */
export async function previewExport(
  source: ExportSource,
  request: ExportRequest,
): Promise<ExportPreview> {
  const { format } = request
  const [ext, mime] = EXT[format]
  if (WHOLE_ARCHIVE.has(format)) {
    const stamp = new Date().toISOString().slice(0, 10)
    const text =
      format === 'backup'
        ? 'A zip of the whole archive folder: catalog, article bodies and images (not the search index). Restore it with “quire restore <file>”.'
        : 'The whole archive (every article, trash included, with tags, notes, highlights and saved searches) as one JSON document that Quire can import again.'
    const count = (await selectIds(source, { kind: 'all' }, 1)).total
    return {
      fileName: `quire-${format}-${stamp}${ext}`,
      mime,
      text,
      truncated: false,
      itemCount: count,
      capped: false,
    }
  }
  // Only the first articles are read: a preview costs the same for 3 articles or 100,000.
  const { ids, total, capped } = await selectIds(source, request.selection, PREVIEW_ITEMS)
  const itemCount = Math.min(total, MAX_EXPORT_ITEMS)
  const items = await load(source, ids)
  const name = baseName(request.selection, itemCount === 1 ? items : [])
  const template = templateOf(request)
  let text: string
  let fileName = name + ext
  let fileMime = mime
  switch (format) {
    case 'markdown': {
      const notes = renderNotes(items, template)
      text =
        notes.length === 1
          ? notes[0]!.text
          : notes.map((n) => `━━━ ${n.name} ━━━\n\n${n.text}`).join('\n')
      if (itemCount > 1) [fileName, fileMime] = [`${name}.zip`, 'application/zip']
      break
    }
    case 'html':
    case 'pdf':
      text = items.length ? await htmlOf(items, async () => null) : ''
      break
    case 'epub':
      text = items.length
        ? `An EPUB book with a chapter per article and its highlights:\n\n${items.map((i, n) => `${n + 1}. ${i.article.title}`).join('\n')}`
        : ''
      break
    default:
      text = textOf(format, items)
  }
  const more = itemCount - items.length
  if (more && text) text += `\n\n… and ${more.toLocaleString('en')} more in the export.`
  const truncated = text.length > PREVIEW_CHARS
  return {
    fileName,
    mime: fileMime,
    text: truncated ? text.slice(0, PREVIEW_CHARS) : text,
    truncated,
    itemCount,
    capped,
    ...(format === 'markdown' ? { template } : {}),
  }
}

async function wholeArchive(source: ExportSource, format: ExportFormat): Promise<ExportFile> {
  const stamp = new Date().toISOString().slice(0, 10)
  const [ext, mime] = EXT[format]
  const fileName = `quire-${format === 'backup' ? 'backup' : 'archive'}-${stamp}${ext}`
  if (format === 'quire-json') {
    const { text, count } = await source.snapshot(async (snap) => {
      const doc = await buildQuireJson(snap)
      return { text: JSON.stringify(doc, null, 1) + '\n', count: doc.articles.length }
    })
    const bytes = strToU8(text)
    if (bytes.length > MAX_DOWNLOAD_BYTES) throw tooLarge(bytes.length)
    return { fileName, mime, bytes, itemCount: count, capped: false }
  }
  // createBackupZip streams to a file (it is built for archives of any size); read it back.
  const dir = await mkdtemp(join(tmpdir(), 'quire-backup-'))
  try {
    const out = join(dir, `backup-${randomBytes(4).toString('hex')}.zip`)
    const made = await source.backupZip(out)
    if (made.bytes > MAX_DOWNLOAD_BYTES) throw tooLarge(made.bytes)
    const bytes = new Uint8Array(await readFile(out))
    return { fileName, mime, bytes, itemCount: made.files, capped: false }
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

function textOf(format: ExportFormat, items: ExportItem[]): string {
  const articles = items.map((i) => i.article)
  switch (format) {
    case 'readwise':
      return readwiseCsv(items)
    case 'jsonld':
      return JSON.stringify(webAnnotationCollection(items), null, 2) + '\n'
    case 'bibtex':
      return bibtex(articles)
    case 'ris':
      return ris(articles)
    case 'csl':
      return JSON.stringify(cslJson(articles), null, 2) + '\n'
    default:
      throw new QuireError('INTERNAL', `No text form for ${format}.`)
  }
}

async function htmlOf(
  items: ExportItem[],
  readAsset: (name: string) => Promise<Uint8Array | null>,
): Promise<string> {
  return items.length === 1
    ? annotatedHtml(items[0]!, { readAsset })
    : annotatedHtmlBundle(items, { readAsset })
}

async function load(source: ExportSource, ids: string[]): Promise<ExportItem[]> {
  const items: ExportItem[] = []
  for (const id of ids) items.push(await source.get(id))
  return items
}

function templateOf(request: ExportRequest) {
  // Parsed again here: the op's schema mirrors MarkdownTemplateSchema (shared/ cannot import it).
  return request.template ? MarkdownTemplateSchema.parse(request.template) : DEFAULT_TEMPLATE
}

/** One article: its title; several: what was selected and the day. */
function baseName(selection: ExportSelection, items: ExportItem[]): string {
  if (items.length === 1) return safeFileName(items[0]!.article.title, 'quire-export')
  const day = new Date().toISOString().slice(0, 10)
  const what =
    selection.kind === 'tag'
      ? `tag ${selection.tag.replace(/\//g, ' ')}`
      : selection.kind === 'search'
        ? 'search'
        : selection.kind === 'all'
          ? 'all'
          : 'selection'
  return safeFileName(`quire ${what} ${day}`, 'quire-export')
}

/** Archive images by name, for HTML and EPUB; null for a bad name or a missing file. */
function assetReader(root: string) {
  const dir = archiveLayout(root).assetsDir
  return async (name: string): Promise<Uint8Array | null> => {
    if (!AssetNameSchema.safeParse(name).success) return null
    return readFile(join(dir, name)).catch(() => null)
  }
}

function tooLarge(bytes: number): QuireError {
  const mb = Math.round(bytes / 1024 / 1024)
  return new QuireError(
    'IO',
    `The export is ${mb} MB, too large to download from this window; use “quire export --out FILE” on the command line.`,
  )
}
