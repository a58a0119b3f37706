// What an export reads: the selection's articles (ids, a tag, a search, everything), in a
// stable order, with what a table of contents needs; and each format's file name and type.
// The service's reads come in as parameters, so this module never reaches into the store.
import type { z } from 'zod'
import type {
  ArticlePage,
  ExportFormat,
  ExportSelection,
  ListQuerySchema,
  NotebookPage,
  NotebookQuerySchema,
  SearchInputSchema,
  SearchResults,
} from '../../../shared/api.ts'
import type { ArchiveSnapshot } from './archive-snapshot.ts'
import type { BackupZipOptions, BackupZipResult } from './backup-zip.ts'
import type { ExportItem } from './export-item.ts'
import { safeFileName } from './file-name.ts'
import type { TocEntry } from './text-formats.ts'

type NotebookFilters = Extract<ExportSelection, { kind: 'notebook' }>['filters']

/** More than this and the app's export stops collecting; the answer says it was capped. */
export const MAX_EXPORT_ITEMS = 100_000
const PAGE = 500

/** What an export needs of ArchiveService (which satisfies it as it is). */
export interface ExportSource {
  readonly root: string
  get(id: string): Promise<ExportItem>
  list(query: z.output<typeof ListQuerySchema>): Promise<ArticlePage>
  search(input: z.output<typeof SearchInputSchema>): Promise<SearchResults>
  listAnnotations(query: z.output<typeof NotebookQuerySchema>): Promise<NotebookPage>
  /** Runs `use` on a snapshot taken inside the write queue (no write lands mid-read). */
  snapshot<T>(use: (s: ArchiveSnapshot) => Promise<T>): Promise<T>
  /** Writes the backup zip to `outPath` inside the write queue. */
  backupZip(outPath: string, opts?: BackupZipOptions): Promise<BackupZipResult>
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
  biblatex: ['.bib', 'application/x-bibtex'],
  ris: ['.ris', 'application/x-research-info-systems'],
  csl: ['.json', 'application/vnd.citationstyles.csl+json'],
  'quire-json': ['.json', 'application/json'],
  backup: ['.zip', 'application/zip'],
}

export function exportFormatInfo(format: ExportFormat): [ext: string, mime: string] {
  return EXT[format]
}

/**
 * The articles a selection names, in a stable order: the first `max` of them (no cap by
 * default), and how many there are in all. `all` is every article not in the trash; a tag
 * or a search looks in every view but the trash. For ids, titles are read with the articles.
 */
export async function selectEntries(
  source: ExportSource,
  selection: ExportSelection,
  max = Number.POSITIVE_INFINITY,
): Promise<{ entries: TocEntry[]; total: number; capped: boolean }> {
  if (selection.kind === 'ids') {
    const ids = [...new Set(selection.ids)]
    const entries: TocEntry[] = []
    for (const id of ids.slice(0, max)) {
      const { article } = await source.get(id)
      entries.push({ id, title: article.title, annotations: article.annotations.length })
    }
    return { entries, total: ids.length, capped: ids.length > max }
  }
  if (selection.kind === 'notebook') return notebookEntries(source, selection.filters, max)
  const entries: TocEntry[] = []
  let total = 0
  for (let offset = 0; entries.length < max; offset += PAGE) {
    const size = Math.min(PAGE, max - entries.length)
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
    for (const a of page.items) {
      entries.push({ id: a.id, title: a.title, annotations: a.annotationCount })
    }
    if (page.items.length < size || entries.length >= total) break
  }
  return { entries: entries.slice(0, max), total, capped: total > max }
}

/** The notebook's articles for `filters`, each with the annotations it shows (in its order). */
async function notebookEntries(
  source: ExportSource,
  filters: NotebookFilters,
  max: number,
): Promise<{ entries: TocEntry[]; total: number; capped: boolean }> {
  const byId = new Map<string, TocEntry & { only: Set<string> }>()
  for (let offset = 0; ; offset += PAGE) {
    const page = await source.listAnnotations({ filters, offset, limit: PAGE })
    for (const item of page.items) {
      let e = byId.get(item.articleId)
      if (!e) {
        if (byId.size >= max) continue
        e = { id: item.articleId, title: item.title, annotations: 0, only: new Set() }
        byId.set(item.articleId, e)
      }
      if (item.annotation) {
        e.only.add(item.annotation.id)
        e.annotations++
      }
    }
    if (page.items.length < PAGE) {
      return { entries: [...byId.values()], total: page.articles, capped: page.articles > max }
    }
  }
}

/**
 * The ids a selection names (the first `max`, MAX_EXPORT_ITEMS at most), how many there are
 * in all, and `capped` when more than MAX_EXPORT_ITEMS. Ids are not looked up.
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
  const { entries, total } = await selectEntries(source, selection, limit)
  return { ids: entries.map((e) => e.id), total, capped: total > MAX_EXPORT_ITEMS }
}

/** One article: its title; several: what was selected and the day; the archive: its kind. */
export function exportName(
  format: ExportFormat,
  selection: ExportSelection,
  singleTitle: string | null,
): string {
  const day = new Date().toISOString().slice(0, 10)
  if (format === 'backup') return `quire-backup-${day}`
  if (format === 'quire-json') return `quire-archive-${day}`
  if (singleTitle !== null) return safeFileName(singleTitle, 'quire-export')
  const what =
    selection.kind === 'tag'
      ? `tag ${selection.tag.replace(/\//g, ' ')}`
      : selection.kind === 'search'
        ? 'search'
        : selection.kind === 'all'
          ? 'all'
          : selection.kind === 'notebook'
            ? 'notebook'
            : 'selection'
  return safeFileName(`quire ${what} ${day}`, 'quire-export')
}
