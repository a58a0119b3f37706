// The import pipeline every source goes through:
// read -> detect format -> extract -> sanitise -> normalise -> dedupe -> store (-> index).
// Each item gets its own result; one bad file never stops the batch.
import type { ImportResult } from '../../../shared/model.ts'
import { ImportFailure, type ImportEntry } from './extracted.ts'
import { sniffOf, type ImportContext } from './importer.ts'
import type { PipelineContext } from './pipeline-context.ts'
import { importerFor, supportedFormats } from './registry.ts'
import { storeArticle } from './store-article.ts'
import { storeEntry, type EntrySource } from './store-entry.ts'
import { TextImportError } from './text/errors.ts'
import { loadLinkedom } from './html/linkedom-runtime.ts'
import { unsupportedReason } from './unclaimed.ts'
import { byteBudget } from './byte-budget.ts'

export type { ImageSource, ImportProgress, PipelineContext } from './pipeline-context.ts'

export interface ImportItem {
  name: string
  size(): Promise<number>
  read(): Promise<Uint8Array>
  /** Files next to this one (a saved page's images); absent for uploads. */
  readSibling?: ImportContext['readSibling']
  origin?: 'file' | 'upload'
}

/** Items in flight at once: enough to overlap fsyncs, few enough to bound memory. */
const CONCURRENCY = 16
/** No importer takes a bigger file; checked before anything is read. */
const MAX_FILE_BYTES = 1024 * 1024 * 1024

export async function runImport(
  items: ImportItem[],
  ctx: PipelineContext,
): Promise<ImportResult[]> {
  const results: ImportResult[][] = new Array(items.length)
  let next = 0
  let done = 0
  const budget = byteBudget()
  const worker = async () => {
    while (next < items.length) {
      const index = next++
      const item = items[index]!
      if (ctx.signal?.aborted) {
        results[index] = [{ status: 'skipped', source: item.name, reason: 'import cancelled' }]
        continue
      }
      // Each item's record is committed before importOne returns (see store-article.ts).
      const release = await budget.take(await item.size().catch(() => 0))
      try {
        results[index] = await importOne(item, ctx)
      } finally {
        release()
      }
      done++
      ctx.onProgress?.({ done, total: items.length, current: item.name })
    }
  }
  try {
    await Promise.all(Array.from({ length: Math.min(CONCURRENCY, items.length) }, worker))
  } finally {
    await ctx.catalog.flush()
  }
  return results.flat()
}

async function importOne(item: ImportItem, ctx: PipelineContext): Promise<ImportResult[]> {
  try {
    const size = await item.size()
    if (size > MAX_FILE_BYTES) throw tooLarge(size, MAX_FILE_BYTES, 'any file')
    const bytes = await item.read()
    const sniff = sniffOf(item.name, bytes)
    const importer = importerFor(sniff)
    if (!importer)
      throw new ImportFailure('UNSUPPORTED_FORMAT', unsupportedReason(sniff, supportedFormats()))
    if (size > importer.maxBytes) throw tooLarge(size, importer.maxBytes, importer.label)
    // Plain text never needs an HTML parser; everything else may (see linkedom-runtime.ts).
    if (importer.id !== 'text') await loadLinkedom()
    const importCtx: ImportContext = {
      name: item.name,
      ...(item.readSibling ? { readSibling: item.readSibling } : {}),
    }
    const fileName = baseName(item.name)
    if (importer.kind === 'article') {
      const extracted = await importer.extract(bytes, importCtx)
      const origin = {
        kind: item.origin ?? 'file',
        name: fileName,
        format: extracted.format,
        ...(extracted.encoding ? { encoding: extracted.encoding } : {}),
      } as const
      return [
        await storeArticle(extracted, { source: item.name, origin, importContext: importCtx }, ctx),
      ]
    }
    const entries = await importer.entries(bytes, importCtx)
    if (entries.length === 0) {
      return [
        { status: 'skipped', source: item.name, reason: `no items in this ${importer.label}` },
      ]
    }
    return await storeEntries(entries, { fileName, importerId: importer.id }, ctx)
  } catch (err) {
    return [{ status: 'failed', source: item.name, error: describeFailure(err) }]
  }
}

/**
 * Entries that did not come from a file the pipeline read (a feed refresh): each stored or
 * failed on its own, in order, stopping when cancelled. The caller flushes the catalog.
 */
export async function storeEntries(
  entries: ImportEntry[],
  from: EntrySource,
  ctx: PipelineContext,
): Promise<ImportResult[]> {
  const results: ImportResult[] = []
  for (const entry of entries) {
    if (ctx.signal?.aborted) {
      results.push({ status: 'skipped', source: entry.source, reason: 'import cancelled' })
      continue
    }
    if (entry.problem) {
      results.push({
        status: 'failed',
        source: entry.source,
        error: { code: 'INVALID_INPUT', message: entry.problem },
      })
      continue
    }
    try {
      results.push(await storeEntry(entry, from, ctx))
    } catch (err) {
      results.push({ status: 'failed', source: entry.source, error: describeFailure(err) })
    }
  }
  return results
}

function tooLarge(size: number, limit: number, what: string): ImportFailure {
  const mb = (n: number) => (n / (1024 * 1024)).toFixed(1)
  return new ImportFailure(
    'TOO_LARGE',
    `the file is ${mb(size)} MB, larger than the ${mb(limit)} MB limit for ${what}`,
  )
}

export function describeFailure(err: unknown): { code: ImportFailure['code']; message: string } {
  if (err instanceof ImportFailure || err instanceof TextImportError) {
    return { code: err.code, message: err.message }
  }
  const code = (err as NodeJS.ErrnoException).code
  if (code === 'ENOENT') return { code: 'NOT_FOUND', message: 'the file disappeared' }
  if (code === 'EACCES' || code === 'EPERM') return { code: 'IO', message: 'permission denied' }
  if (code === 'ENOSPC') return { code: 'IO', message: 'the disk is full' }
  if (code === 'EISDIR') return { code: 'IO', message: 'this is a folder, not a file' }
  return { code: 'IO', message: (err as Error).message ?? String(err) }
}

function baseName(name: string): string {
  return name.split(/[\\/]/).pop() ?? name
}
