// The app's export: the bytes of one downloadable file (written through the same streaming
// writer as the CLI's, into a temp file, then read back), or a short text preview of it.
import { randomBytes } from 'node:crypto'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type {
  ExportFormat,
  ExportPreview,
  ExportSelection,
  ExportTemplate,
} from '../../../shared/api.ts'
import { QuireError } from '../../../shared/errors.ts'
import type { OnExportProgress } from './export-progress.ts'
import {
  exportFormatInfo,
  exportName,
  MAX_EXPORT_ITEMS,
  selectIds,
  WHOLE_ARCHIVE,
  type ExportSource,
} from './export-select.ts'
import type { ExportItem } from './export-item.ts'
import { renderNotes } from './markdown.ts'
import { DEFAULT_TEMPLATE, MarkdownTemplateSchema } from './markdown-template.ts'
import type { PrintToPdf } from './pdf.ts'
import { TEXT_FORMATS, textFormat } from './text-formats.ts'
import { writeExportFile } from './write-export.ts'

export { MAX_EXPORT_ITEMS, selectIds, WHOLE_ARCHIVE, type ExportSource } from './export-select.ts'

/** Articles rendered for a preview: enough to judge the format, quick at any selection size. */
export const PREVIEW_ITEMS = 10
/** A preview's text is cut here (UTF-16 units, about 200 KB). */
export const PREVIEW_CHARS = 200_000
/** A download travels as base64 in one message; past this the CLI is the way. */
export const MAX_DOWNLOAD_BYTES = 256 * 1024 * 1024

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

export interface RunExportOptions {
  onProgress?: OnExportProgress
  signal?: AbortSignal
}

/**
 * The file for a request. Throws QuireError: UNSUPPORTED (PDF without a printer),
 * INVALID_INPUT (nothing selected), IO (too large to download, or cancelled).
 */
export async function runExport(
  source: ExportSource,
  request: ExportRequest,
  printToPdf?: PrintToPdf,
  opts: RunExportOptions = {},
): Promise<ExportFile> {
  const dir = await mkdtemp(join(tmpdir(), 'quire-export-'))
  try {
    const made = await writeExportFile(
      source,
      request,
      join(dir, `export-${randomBytes(4).toString('hex')}`),
      {
        template: templateOf(request),
        max: MAX_EXPORT_ITEMS,
        ...(printToPdf ? { printToPdf } : {}),
        ...(opts.onProgress ? { onProgress: opts.onProgress } : {}),
        ...(opts.signal ? { signal: opts.signal } : {}),
      },
    )
    if (made.bytes > MAX_DOWNLOAD_BYTES) throw tooLarge(made.bytes)
    const bytes = new Uint8Array(await readFile(made.path))
    return {
      fileName: made.fileName,
      mime: made.mime,
      bytes,
      itemCount: made.itemCount,
      capped: made.capped,
    }
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

/** A text preview: the first PREVIEW_ITEMS articles in the format (a summary for binary ones). */
export async function previewExport(
  source: ExportSource,
  request: ExportRequest,
): Promise<ExportPreview> {
  const { format } = request
  const [ext, mime] = exportFormatInfo(format)
  if (WHOLE_ARCHIVE.has(format)) {
    const text =
      format === 'backup'
        ? 'A zip of the whole archive folder: catalog, article bodies and images (not the search index). Restore it with “quire restore <file>”.'
        : 'The whole archive (every article, trash included, with tags, notes, highlights and saved searches) as one JSON document that Quire can import again.'
    const count = (await selectIds(source, { kind: 'all' }, 1)).total
    return {
      fileName: exportName(format, request.selection, null) + ext,
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
  const items: ExportItem[] = []
  for (const id of ids) items.push(await source.get(id))
  const single = itemCount === 1 && items[0] ? items[0].article.title : null
  const template = templateOf(request)
  let text: string
  let fileName = exportName(format, request.selection, single) + ext
  let fileMime = mime
  if (format === 'markdown') {
    const notes = renderNotes(items, template)
    text =
      notes.length === 1
        ? notes[0]!.text
        : notes.map((n) => `━━━ ${n.name} ━━━\n\n${n.text}`).join('\n')
    if (itemCount > 1) {
      fileName = exportName(format, request.selection, null) + '.zip'
      fileMime = 'application/zip'
    }
  } else if (format === 'epub') {
    text = items.length
      ? `An EPUB book with a chapter per article and its highlights:\n\n${items.map((i, n) => `${n + 1}. ${i.article.title}`).join('\n')}`
      : ''
  } else if (TEXT_FORMATS.has(format) || format === 'pdf') {
    const f = textFormat(format === 'pdf' ? 'html' : format, {
      toc: items.map((i) => ({
        id: i.article.id,
        title: i.article.title,
        annotations: i.article.annotations.length,
      })),
    })
    const parts = [f.head()]
    for (const item of items) parts.push(await f.item(item))
    parts.push(f.tail())
    text = items.length ? parts.join('') : ''
  } else {
    throw new QuireError('INTERNAL', `No preview for ${format}.`)
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

function templateOf(request: ExportRequest) {
  // Parsed again here: the op's schema mirrors MarkdownTemplateSchema (shared/ cannot import it).
  return request.template ? MarkdownTemplateSchema.parse(request.template) : DEFAULT_TEMPLATE
}

function tooLarge(bytes: number): QuireError {
  const mb = Math.round(bytes / 1024 / 1024)
  return new QuireError(
    'IO',
    `The export is ${mb} MB, too large to download from this window; use “quire export --out FILE” on the command line.`,
  )
}
