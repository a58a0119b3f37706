// Every export format written as a stream: articles are read one at a time and their text
// written as it is made, so an export of 100,000 articles costs the memory of one. To a file,
// the export goes to a temp file renamed into place: an error or a cancel leaves nothing.
import { randomBytes } from 'node:crypto'
import { createReadStream, createWriteStream } from 'node:fs'
import { open, rename, unlink } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { basename, dirname, join } from 'node:path'
import type { Writable } from 'node:stream'
import { finished, pipeline } from 'node:stream/promises'
import yazl from 'yazl'
import type { ExportFormat, ExportSelection } from '../../../shared/api.ts'
import { QuireError } from '../../../shared/errors.ts'
import { syncDirectory } from '../store/atomic-write.ts'
import { archiveLayout } from '../store/layout.ts'
import { readAssetOrNull } from './archive-snapshot.ts'
import { writeEpub } from './epub.ts'
import type { ExportItem } from './export-item.ts'
import type { OnExportProgress } from './export-progress.ts'
import { exportFormatInfo, exportName, type ExportSource, selectEntries } from './export-select.ts'
import { noteFile, renderNote } from './markdown.ts'
import { DEFAULT_TEMPLATE, type MarkdownTemplate } from './markdown-template.ts'
import { uniqueName } from './file-name.ts'
import { exportPdf, type PrintToPdf } from './pdf.ts'
import { quireJsonText } from './quire-json.ts'
import { TEXT_FORMATS, textFormat } from './text-formats.ts'

export interface ExportRequest {
  format: ExportFormat
  selection: ExportSelection
}

export interface WriteExportOptions {
  template?: MarkdownTemplate
  onProgress?: OnExportProgress
  signal?: AbortSignal
  printToPdf?: PrintToPdf
  /** Most articles an export takes (the app's cap); none by default. */
  max?: number
  /** For stable output in tests. */
  exportedAt?: string
}

export interface WrittenExport {
  fileName: string
  mime: string
  itemCount: number
  capped: boolean
}

/**
 * Write the export of `request` to `out` and end it. Throws QuireError: INVALID_INPUT when
 * nothing is selected, UNSUPPORTED for PDF without a printer, IO when cancelled.
 */
export async function writeExport(
  source: ExportSource,
  request: ExportRequest,
  out: Writable,
  opts: WriteExportOptions = {},
): Promise<WrittenExport> {
  const { format } = request
  if (format === 'backup') {
    // The backup is built as a file (it is checked and renamed into place); then copied over.
    const tmp = join(tmpdir(), `quire-backup-${process.pid}-${randomBytes(6).toString('hex')}.zip`)
    try {
      const made = await writeExportFile(source, request, tmp, opts)
      await pipeline(createReadStream(tmp), out)
      return made
    } finally {
      await unlink(tmp).catch(() => {})
    }
  }
  if (format === 'pdf' && !opts.printToPdf) {
    throw new QuireError(
      'UNSUPPORTED',
      'This window cannot make PDF files itself; use “PDF (print to PDF)” and choose “Save as PDF” in the print dialog.',
    )
  }
  const [ext, mime] = exportFormatInfo(format)
  const write = writer(out)
  if (format === 'quire-json') {
    const count = await source.snapshot(async (snap) => {
      const total = snap.count
      for await (const chunk of quireJsonText(snap, total, {
        ...(opts.exportedAt ? { exportedAt: opts.exportedAt } : {}),
        onArticle: (done) => {
          checkAborted(opts.signal)
          opts.onProgress?.({ phase: 'writing', done, total })
        },
      })) {
        await write(chunk)
      }
      return total
    })
    await endStream(out)
    return {
      fileName: exportName(format, request.selection, null) + ext,
      mime,
      itemCount: count,
      capped: false,
    }
  }

  const { entries, capped } = await selectEntries(source, request.selection, opts.max)
  if (entries.length === 0) throw new QuireError('INVALID_INPUT', 'No articles to export.')
  const single = entries.length === 1 ? entries[0]!.title : null
  const total = entries.length
  async function* items(): AsyncGenerator<ExportItem> {
    let done = 0
    for (const e of entries) {
      checkAborted(opts.signal)
      yield onlyShown(await source.get(e.id), e.only)
      opts.onProgress?.({ phase: 'writing', done: ++done, total })
    }
  }
  const readAsset = (name: string) => readAssetOrNull(archiveLayout(source.root).assetsDir, name)
  const template = opts.template ?? DEFAULT_TEMPLATE
  let fileName = exportName(format, request.selection, single) + ext
  let fileMime = mime

  if (TEXT_FORMATS.has(format)) {
    const f = textFormat(format, {
      readAsset,
      toc: entries,
      ...(opts.exportedAt ? { exportedAt: opts.exportedAt } : {}),
    })
    await write(f.head())
    for await (const item of items()) await write(await f.item(item))
    await write(f.tail())
    await endStream(out)
  } else if (format === 'epub') {
    await writeEpub(items(), out, { readAsset })
  } else if (format === 'markdown' && single !== null) {
    for await (const item of items()) await write(noteFile(renderNote(item, template)))
    await endStream(out)
  } else if (format === 'markdown') {
    fileName = exportName(format, request.selection, null) + '.zip'
    fileMime = 'application/zip'
    await writeNotesZip(items(), out, template)
  } else if (format === 'pdf') {
    const all: ExportItem[] = []
    for await (const item of items()) all.push(item)
    await write(await exportPdf(all, opts.printToPdf!, { readAsset }))
    await endStream(out)
  } else {
    throw new QuireError('INTERNAL', `No writer for ${format}.`)
  }
  return { fileName, mime: fileMime, itemCount: total, capped }
}

/**
 * The export written to `path`: a temp file beside it, fsynced and renamed into place. On
 * any error or a cancel the temp file is removed; nothing half-written is ever left.
 */
export async function writeExportFile(
  source: ExportSource,
  request: ExportRequest,
  path: string,
  opts: WriteExportOptions = {},
): Promise<WrittenExport & { path: string; bytes: number }> {
  if (request.format === 'backup') {
    const made = await source.backupZip(path, {
      ...(opts.onProgress ? { onProgress: opts.onProgress } : {}),
      ...(opts.signal ? { signal: opts.signal } : {}),
    })
    const [ext, mime] = exportFormatInfo('backup')
    return {
      fileName: exportName('backup', request.selection, null) + ext,
      mime,
      itemCount: made.files,
      capped: false,
      path,
      bytes: made.bytes,
    }
  }
  const tmp = join(
    dirname(path),
    `.${basename(path)}.${process.pid}.${randomBytes(6).toString('hex')}.partial`,
  )
  const out = createWriteStream(tmp, { flags: 'wx' })
  try {
    const written = await writeExport(source, request, out, opts)
    const handle = await open(tmp, 'r')
    let bytes = 0
    try {
      await handle.sync()
      bytes = (await handle.stat()).size
    } finally {
      await handle.close()
    }
    await rename(tmp, path)
    await syncDirectory(dirname(path))
    return { ...written, path, bytes }
  } catch (err) {
    out.destroy()
    await unlink(tmp).catch(() => {})
    throw err
  }
}

/** The item with only the annotations `only` names (a filtered notebook's), or as it is. */
function onlyShown(item: ExportItem, only: Set<string> | undefined): ExportItem {
  if (!only) return item
  return {
    ...item,
    article: {
      ...item.article,
      annotations: item.article.annotations.filter((a) => only.has(a.id)),
    },
    anchors: item.anchors.filter((a) => only.has(a.id)),
  }
}

/** Markdown notes of many articles as one zip (names unique in it), streamed. */
async function writeNotesZip(
  items: AsyncIterable<ExportItem>,
  out: Writable,
  template: MarkdownTemplate,
): Promise<void> {
  const zip = new yazl.ZipFile()
  let failed: Error | null = null
  zip.outputStream.on('error', (e: Error) => (failed ??= e))
  zip.outputStream.pipe(out)
  const taken = new Set<string>()
  for await (const item of items) {
    const note = renderNote(item, template)
    const name = uniqueName(note.fileBase, '.md', taken)
    zip.addBuffer(Buffer.from(noteFile(note)), name, { forceDosTimestamp: true })
    if (failed) throw failed
  }
  zip.end()
  await finished(out)
  if (failed) throw failed
}

/** Writes with backpressure: waits for `drain` when the stream's buffer is full. */
function writer(out: Writable): (chunk: string | Uint8Array) => Promise<void> {
  let error: Error | null = null
  out.on('error', (e) => (error ??= e))
  return async (chunk) => {
    if (error) throw error
    if (typeof chunk === 'string' ? chunk.length === 0 : chunk.byteLength === 0) return
    if (!out.write(chunk)) {
      await new Promise<void>((resolve, reject) => {
        const done = (e?: Error) => {
          out.off('drain', done)
          out.off('error', done)
          if (e) reject(e)
          else resolve()
        }
        out.on('drain', done)
        out.on('error', done)
      })
    }
  }
}

/** Ends `out` and waits until everything is written (stdout is left open). */
async function endStream(out: Writable): Promise<void> {
  if (out === process.stdout) return
  out.end()
  await finished(out)
}

function checkAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new QuireError('IO', 'The export was cancelled.')
}
