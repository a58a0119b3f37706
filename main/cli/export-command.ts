// `quire export`: every export format from the command line, for one selection (ids, a
// search, or every article not in the trash). PDF is left to the app (it needs Chromium).
import { readFile, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { SearchInputSchema } from '../../shared/api.ts'
import { ArticleIdSchema } from '../../shared/model.ts'
import { ArchiveService } from '../archive/service.ts'
import { openArchiveStore } from '../archive/store/archive-store.ts'
import { writeFileAtomic } from '../archive/store/atomic-write.ts'
import { archiveLayout } from '../archive/store/layout.ts'
import { AssetNameSchema, snapshotOfStore } from '../archive/export/archive-snapshot.ts'
import type { ExportItem } from '../archive/export/export-item.ts'
import { exportMarkdownFolder } from '../archive/export/markdown-folder.ts'
import { readwiseCsv } from '../archive/export/readwise-csv.ts'
import { webAnnotationCollection } from '../archive/export/web-annotation.ts'
import { annotatedHtml, annotatedHtmlBundle } from '../archive/export/annotated-html.ts'
import { exportEpub } from '../archive/export/epub.ts'
import { bibtex } from '../archive/export/bibtex.ts'
import { ris } from '../archive/export/ris.ts'
import { cslJson } from '../archive/export/csl-json.ts'
import { buildQuireJson } from '../archive/export/quire-json.ts'
import { UsageError } from './usage.ts'

export const EXPORT_FORMATS = [
  'markdown',
  'readwise',
  'jsonld',
  'html',
  'epub',
  'bibtex',
  'ris',
  'csl',
  'quire-json',
  'backup',
] as const
type Format = (typeof EXPORT_FORMATS)[number]

/** Formats written as one file, and whether they can go to stdout when --out is absent. */
const TO_STDOUT = new Set<Format>([
  'readwise',
  'jsonld',
  'html',
  'bibtex',
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
}

const PROCESS_IO: CommandIo = {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
}

/** Runs `quire export`; returns the exit code. Throws UsageError for bad options. */
export async function exportCommand(
  root: string,
  opts: ExportCommandOptions,
  io: CommandIo = PROCESS_IO,
): Promise<number> {
  const format = opts.format as Format
  if (!EXPORT_FORMATS.includes(format)) {
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

  const emit = async (data: string | Uint8Array, what: string) => {
    if (opts.out) {
      await writeFileAtomic(opts.out, data)
      io.stderr(`${what} written to ${opts.out}\n`)
    } else {
      io.stdout(typeof data === 'string' ? data : Buffer.from(data).toString('utf8'))
    }
  }

  if (format === 'backup') {
    // Through the archive, so every committed change is in the files it zips (the journal
    // is checkpointed first); an archive another Quire holds is zipped as its files are.
    const service = await ArchiveService.open(root)
    let made
    try {
      made = await service.backupZip(opts.out!)
    } finally {
      await service.close()
    }
    io.stderr(`backup of ${made.files} files (${made.bytes} bytes) written to ${made.path}\n`)
    return 0
  }
  if (format === 'quire-json') {
    const store = await openArchiveStore(root, { readOnly: true })
    try {
      const doc = await buildQuireJson(await snapshotOfStore(store))
      await emit(JSON.stringify(doc, null, 1) + '\n', `${doc.articles.length} articles`)
    } finally {
      await store.close()
    }
    return 0
  }

  const items = await selectItems(root, opts)
  const highlights = items.reduce((n, i) => n + i.article.annotations.length, 0)
  const what = `${items.length} article${items.length === 1 ? '' : 's'}, ${highlights} highlights`
  const readAsset = assetReader(root)
  const articles = items.map((i) => i.article)
  switch (format) {
    case 'markdown': {
      const r = await exportMarkdownFolder(items, opts.out!)
      const summary = `${r.created.length} created, ${r.updated.length} updated, ${r.unchanged.length} unchanged`
      if (opts.json) io.stdout(JSON.stringify(r, null, 2) + '\n')
      else io.stderr(`${summary} in ${opts.out}\n`)
      for (const f of r.failed) io.stderr(`quire: ${f.reason}\n`)
      return r.failed.length ? 1 : 0
    }
    case 'readwise':
      await emit(readwiseCsv(items), what)
      return 0
    case 'jsonld':
      await emit(JSON.stringify(webAnnotationCollection(items), null, 2) + '\n', what)
      return 0
    case 'html': {
      const html =
        items.length === 1
          ? await annotatedHtml(items[0]!, { readAsset })
          : await annotatedHtmlBundle(items, { readAsset })
      await emit(html, what)
      return 0
    }
    case 'epub':
      if (!items.length) throw new UsageError('nothing to put in the EPUB: no articles selected')
      await emit(await exportEpub(items, { readAsset }), what)
      return 0
    case 'bibtex':
      await emit(bibtex(articles), what)
      return 0
    case 'ris':
      await emit(ris(articles), what)
      return 0
    case 'csl':
      await emit(JSON.stringify(cslJson(articles), null, 2) + '\n', what)
      return 0
  }
  return 0
}

/** The articles to export, as the service reads them (body and anchors included). */
async function selectItems(root: string, opts: ExportCommandOptions): Promise<ExportItem[]> {
  // A search needs the index, which only a writer can build; plain reads go read-only.
  const service = await ArchiveService.open(root, opts.query ? {} : { readOnly: true })
  try {
    let ids: string[]
    if (opts.ids !== undefined) {
      ids = opts.ids
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
      for (const id of ids) {
        if (!ArticleIdSchema.safeParse(id).success)
          throw new UsageError(`"${id}" is not an article id`)
      }
    } else if (opts.query !== undefined) {
      ids = []
      for (let offset = 0; ; offset += 500) {
        const page = await service.search(
          SearchInputSchema.parse({
            query: opts.query,
            view: 'all',
            limit: 500,
            offset,
            sort: 'published',
            order: 'asc',
          }),
        )
        ids.push(...page.items.map((a) => a.id))
        if (ids.length >= page.total || page.items.length === 0) break
      }
    } else {
      ids = []
      for (let offset = 0; ; offset += 500) {
        const page = await service.list({
          view: 'all',
          sort: 'published',
          order: 'asc',
          offset,
          limit: 500,
        })
        ids.push(...page.items.map((a) => a.id))
        if (ids.length >= page.total || page.items.length === 0) break
      }
    }
    const items: ExportItem[] = []
    for (const id of ids) items.push(await service.get(id))
    return items
  } finally {
    await service.close()
  }
}

function assetReader(root: string) {
  const dir = archiveLayout(root).assetsDir
  return async (name: string): Promise<Uint8Array | null> => {
    if (!AssetNameSchema.safeParse(name).success) return null
    return readFile(join(dir, name)).catch(() => null)
  }
}

async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory()
  } catch {
    return false
  }
}
