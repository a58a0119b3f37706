// `quire export`: every export format from the command line, for one selection (ids, a
// search, or every article not in the trash), streamed to a file or stdout with a progress
// line on a terminal. PDF is left to the app (it needs Chromium). Ctrl-C cancels cleanly.
import { stat } from 'node:fs/promises'
import { Writable } from 'node:stream'
import { ExportFormatSchema, type ExportFormat, type ExportSelection } from '../../shared/api.ts'
import { ArticleIdSchema } from '../../shared/model.ts'
import { QuireError } from '../../shared/errors.ts'
import { ArchiveService } from '../archive/service.ts'
import { createBackupZip } from '../archive/export/backup-zip.ts'
import { acquireArchiveLock } from '../archive/store/lock.ts'
import { openArchiveStore } from '../archive/store/archive-store.ts'
import { journalHasPendingChanges } from '../archive/store/journal-pending.ts'
import { archiveLayout } from '../archive/store/layout.ts'
import { throttledProgress, type ExportProgress } from '../archive/export/export-progress.ts'
import { selectEntries } from '../archive/export/export-select.ts'
import { exportMarkdownFolder } from '../archive/export/markdown-folder.ts'
import { writeExport, writeExportFile } from '../archive/export/write-export.ts'
import { UsageError } from './usage.ts'

export const EXPORT_FORMATS = ExportFormatSchema.options.filter((f) => f !== 'pdf')
type Format = Exclude<ExportFormat, 'pdf'>

/** Formats that can go to stdout when --out is absent (text). */
const TO_STDOUT = new Set<Format>([
  'readwise',
  'jsonld',
  'html',
  'bibtex',
  'biblatex',
  'ris',
  'csl',
  'quire-json',
])

export interface ExportCommandOptions {
  format?: string
  query?: string
  /** Comma-separated article ids. */
  ids?: string
  out?: string
  json?: boolean
}

export interface CommandIo {
  stdout: (text: string) => void
  stderr: (text: string) => void
  /** Whether stderr is a terminal (a progress line is drawn there). */
  isTTY?: boolean
  /** Where a streamed export goes (process.stdout, with its backpressure); else via stdout(). */
  stdoutStream?: Writable
}

const PROCESS_IO: CommandIo = {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  isTTY: process.stderr.isTTY,
  stdoutStream: process.stdout,
}

/** Runs `quire export`; returns the exit code. Throws UsageError for bad options. */
export async function exportCommand(
  root: string,
  opts: ExportCommandOptions,
  io: CommandIo = PROCESS_IO,
): Promise<number> {
  const format = opts.format as Format
  if (!(EXPORT_FORMATS as string[]).includes(format)) {
    throw new UsageError(`--format must be one of ${EXPORT_FORMATS.join(', ')}`)
  }
  if (opts.query !== undefined && opts.ids !== undefined) {
    throw new UsageError('give --query or --ids, not both')
  }
  if ((format === 'quire-json' || format === 'backup') && (opts.query || opts.ids)) {
    throw new UsageError(`${format} exports the whole archive; drop --query and --ids`)
  }
  if (!opts.out && !TO_STDOUT.has(format)) throw new UsageError(`${format} needs --out PATH`)
  if (!(await isDirectory(root))) throw new UsageError(`there is no archive at ${root}`)
  const selection = selectionOf(opts)

  // Ctrl-C (or a kill) cancels: the writer stops at the next article and removes its temp file.
  const abort = new AbortController()
  const onSignal = () => abort.abort()
  process.once('SIGINT', onSignal)
  process.once('SIGTERM', onSignal)
  const draw = io.isTTY && !opts.json ? progressLine(io, format) : undefined
  try {
    if (format === 'backup') return await backupCommand(root, opts.out!, io, abort.signal, draw)
    return await exportWith(root, format, selection, opts, io, abort.signal, draw)
  } finally {
    process.off('SIGINT', onSignal)
    process.off('SIGTERM', onSignal)
  }
}

/**
 * The backup holds the archive's lock (no other Quire writes meanwhile) but never loads the
 * catalog: it copies files, so its memory stays flat at any size.
 */
async function backupCommand(
  root: string,
  out: string,
  io: CommandIo,
  signal: AbortSignal,
  draw: ((p: ExportProgress) => void) | undefined,
): Promise<number> {
  // After a kill the journal holds changes the files lack: an open replays them and
  // checkpoints (loading the catalog once); a cleanly closed archive is zipped as it is.
  if (await journalHasPendingChanges(archiveLayout(root))) {
    const store = await openArchiveStore(root)
    if (store.readOnly) {
      await store.close()
      throw new QuireError(
        'READ_ONLY',
        `${store.readOnlyReason ?? 'The archive is read-only here.'} Make the backup from that Quire (Export › Backup), or close it first.`,
      )
    }
    await store.close()
  }
  const attempt = await acquireArchiveLock(root)
  if (!attempt.lock) {
    throw new QuireError(
      'READ_ONLY',
      `${attempt.reason} Make the backup from that Quire (Export › Backup), or close it first.`,
    )
  }
  try {
    const made = await createBackupZip(root, out, { signal, ...(draw ? { onProgress: draw } : {}) })
    if (draw) io.stderr('\r\x1b[K')
    io.stderr(
      `backup of ${made.files} files (${made.bytes.toLocaleString('en')} bytes) written to ${made.path}\n`,
    )
    return 0
  } finally {
    await attempt.lock.release()
  }
}

async function exportWith(
  root: string,
  format: Exclude<Format, 'backup'>,
  selection: ExportSelection,
  opts: ExportCommandOptions,
  io: CommandIo,
  signal: AbortSignal,
  draw: ((p: ExportProgress) => void) | undefined,
): Promise<number> {
  // A search needs the index, which only a writer can build; plain reads go read-only.
  const service = await ArchiveService.open(
    root,
    opts.query !== undefined ? {} : { readOnly: true },
  )
  try {
    for (const r of service.recoveries) io.stderr(`quire: ${r.message}\n`)
    const options = {
      ...(draw ? { onProgress: draw } : {}),
      signal,
    }
    if (format === 'markdown') {
      const { entries } = await selectEntries(service, selection)
      async function* items() {
        let done = 0
        for (const e of entries) {
          if (signal.aborted) throw new Error('The export was cancelled.')
          yield await service.get(e.id)
          draw?.({ phase: 'writing', done: ++done, total: entries.length })
        }
      }
      const r = await exportMarkdownFolder(items(), opts.out!)
      if (draw) io.stderr('\r\x1b[K')
      const summary = `${r.created.length} created, ${r.updated.length} updated, ${r.unchanged.length} unchanged`
      if (opts.json) io.stdout(JSON.stringify(r, null, 2) + '\n')
      else io.stderr(`${summary} in ${opts.out}\n`)
      for (const f of r.failed) io.stderr(`quire: ${f.reason}\n`)
      return r.failed.length ? 1 : 0
    }
    const request = { format, selection }
    if (opts.out) {
      const made = await writeExportFile(service, request, opts.out, options)
      if (draw) io.stderr('\r\x1b[K')
      const what = count(made.itemCount)
      if (opts.json) io.stdout(JSON.stringify({ ...made }, null, 2) + '\n')
      else io.stderr(`${what} (${made.bytes.toLocaleString('en')} bytes) written to ${made.path}\n`)
    } else {
      const sink =
        io.stdoutStream ??
        new Writable({
          write(chunk: Buffer, _enc, done) {
            io.stdout(chunk.toString('utf8'))
            done()
          },
        })
      const made = await writeExport(service, request, sink, options)
      if (draw) io.stderr('\r\x1b[K')
      io.stderr(`${count(made.itemCount)} written\n`)
    }
    return 0
  } finally {
    await service.close()
  }
}

function selectionOf(opts: ExportCommandOptions): ExportSelection {
  if (opts.ids !== undefined) {
    const ids = opts.ids
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean)
    if (!ids.length) throw new UsageError('--ids names no article')
    for (const id of ids) {
      if (!ArticleIdSchema.safeParse(id).success)
        throw new UsageError(`"${id}" is not an article id`)
    }
    return { kind: 'ids', ids }
  }
  if (opts.query !== undefined) return { kind: 'search', query: opts.query }
  return { kind: 'all' }
}

function count(n: number): string {
  return `${n.toLocaleString('en')} article${n === 1 ? '' : 's'}`
}

function progressLine(io: CommandIo, format: string) {
  return throttledProgress((p: ExportProgress) => {
    const pct = p.total ? Math.floor((100 * p.done) / p.total) : 0
    io.stderr(
      `\r\x1b[Kexporting ${format}: ${p.done.toLocaleString('en')}/${p.total.toLocaleString('en')} (${pct}%)`,
    )
  })
}

async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory()
  } catch {
    return false
  }
}
