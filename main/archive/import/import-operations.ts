// Imports as archive operations: files by path (the CLI, the app's menu, drops in Electron),
// bytes uploaded over IPC or HTTP (the renderer's drop and picker), and web pages by address
// (the user typed or pasted them, so local addresses are allowed).
import { readFile, stat } from 'node:fs/promises'
import type { ImportReport, ImportResult } from '../../../shared/model.ts'
import { mapLimit } from '../store/map-limit.ts'
import type { ExtractedArticle } from './extracted.ts'
import type { ImportCore, ImportOptions } from './import-core.ts'
import { importReport } from './import-report.ts'
import { describeFailure, runImport, type ImportItem } from './pipeline.ts'
import { siblingReader } from './sibling-reader.ts'
import { collectSources } from './sources.ts'
import { storeArticle } from './store-article.ts'
import { keepAsLink } from './keep-link.ts'
import { isUnreachable } from '../net/unreachable.ts'

/** Pages fetched at once for imports by address. */
const PAGE_FETCHES = 4

/** A file sent over IPC or HTTP: its bytes, or a file they were streamed to (the shell). */
export type Upload = { name: string; bytes: Uint8Array } | { name: string; path: string }

/** Import files and folders from disk (CLI, app menu, drag and drop in Electron). */
export async function importPaths(
  core: ImportCore,
  paths: string[],
  opts: ImportOptions = {},
): Promise<ImportReport> {
  const { sources, results } = await collectSources(paths)
  const items: ImportItem[] = sources.map((s) => ({
    name: s.name,
    size: async () => (await stat(s.path)).size,
    read: async () => readFile(s.path),
    readSibling: siblingReader(s.path),
    origin: 'file' as const,
  }))
  return importReport([...results, ...(await importItems(core, items, opts))])
}

/** Import files whose bytes arrived over IPC or HTTP (the renderer's drop and picker). */
export async function importUploads(
  core: ImportCore,
  uploads: Upload[],
  opts: ImportOptions = {},
): Promise<ImportReport> {
  const items: ImportItem[] = uploads.map((u) => ({
    name: u.name,
    size: async () => ('bytes' in u ? u.bytes.byteLength : (await stat(u.path)).size),
    read: async () => ('bytes' in u ? u.bytes : readFile(u.path)),
    origin: 'upload' as const,
  }))
  return importReport(await importItems(core, items, opts))
}

function importItems(
  core: ImportCore,
  items: ImportItem[],
  opts: ImportOptions,
): Promise<ImportResult[]> {
  return core.write(() => core.importBatch((ctx) => runImport(items, ctx), opts))
}

/**
 * Import web pages by address (the user typed or pasted them: local addresses allowed). A page
 * that cannot be reached now (offline) is kept as a link record to fetch later.
 */
export async function importUrls(
  core: ImportCore,
  urls: string[],
  opts: ImportOptions = {},
): Promise<ImportReport> {
  core.store.assertWritable()
  const net = core.requireNet()
  const fetched: { url: string; article?: ExtractedArticle; error?: unknown }[] = []
  let done = 0
  await mapLimit([...new Set(urls)], PAGE_FETCHES, async (url) => {
    if (opts.signal?.aborted) return
    try {
      fetched.push({
        url,
        article: (await net.fetchArticle(url, { allowPrivate: true })) ?? undefined,
      })
    } catch (error) {
      fetched.push({ url, error })
    }
    opts.onProgress?.({ done: ++done, total: urls.length, current: url })
  })
  const results = await core.write(() =>
    core.importBatch(async (ctx) => {
      const out: ImportResult[] = []
      for (const f of fetched) {
        if (!f.article && isUnreachable(f.error)) {
          out.push(await keepAsLink(f.url, f.error.message, ctx))
          continue
        }
        if (!f.article) {
          const error = f.error
            ? describeFailure(f.error)
            : { code: 'EMPTY' as const, message: 'the page has no article text' }
          out.push({ status: 'failed', source: f.url, error })
          continue
        }
        const origin = { kind: 'url' as const, name: f.url, format: f.article.format }
        const extracted = { ...f.article, url: f.article.url ?? f.url }
        // The typed page may be on the local network; its images follow the feeds' rule.
        const remoteImages = { allowPrivate: core.allowLocalNetwork() }
        out.push(await storeArticle(extracted, { source: f.url, origin, remoteImages }, ctx))
      }
      return out
    }, opts),
  )
  return importReport(results)
}
