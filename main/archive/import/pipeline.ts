// The import pipeline every source goes through:
// read -> detect format -> extract -> normalise -> dedupe (content hash) -> store.
// Each item gets its own result; one bad file never stops the batch.
import type { ImportResult } from '../../../shared/model.ts'
import type { Catalog } from '../store/catalog.ts'
import type { ContentStore } from '../store/content-store.ts'
import { bodyHtml, buildRecord, contentHash, newArticleId } from './build-record.ts'
import { detectFormat } from './detect-format.ts'
import { ImportFailure } from './extracted.ts'
import { extractPlainText } from './plain-text.ts'
import { checkTextSize } from './text/decode.ts'
import { TextImportError } from './text/errors.ts'

export interface ImportItem {
  name: string
  size(): Promise<number>
  read(): Promise<Uint8Array>
}

export interface ImportProgress {
  done: number
  total: number
  current: string
}

export interface PipelineContext {
  catalog: Catalog
  content: ContentStore
  /** content hash -> article id, kept up to date by the pipeline. */
  hashes: Map<string, string>
  tags: string[]
  now: () => string
  onProgress?: (p: ImportProgress) => void
}

/** Items in flight at once: enough to overlap fsyncs, few enough to bound memory. */
const CONCURRENCY = 16
/** Records are flushed to the catalog at least this often during long imports. */
const FLUSH_EVERY = 1000

export async function runImport(
  items: ImportItem[],
  ctx: PipelineContext,
): Promise<ImportResult[]> {
  const results: ImportResult[] = new Array(items.length)
  let next = 0
  let done = 0
  let sinceFlush = 0
  const worker = async () => {
    while (next < items.length) {
      const index = next++
      const item = items[index]!
      results[index] = await importOne(item, ctx)
      done++
      if (results[index].status === 'imported' && ++sinceFlush >= FLUSH_EVERY) {
        sinceFlush = 0
        await ctx.catalog.flush()
      }
      ctx.onProgress?.({ done, total: items.length, current: item.name })
    }
  }
  try {
    await Promise.all(Array.from({ length: Math.min(CONCURRENCY, items.length) }, worker))
  } finally {
    await ctx.catalog.flush()
  }
  return results
}

async function importOne(item: ImportItem, ctx: PipelineContext): Promise<ImportResult> {
  try {
    detectFormat(item.name)
    checkTextSize(await item.size())
    const extracted = extractPlainText(await item.read())
    const hash = contentHash(extracted)
    const existing = ctx.hashes.get(hash)
    if (existing) {
      const title = ctx.catalog.get(existing)?.title ?? extracted.title
      return { status: 'duplicate', source: item.name, id: existing, title }
    }
    const id = newArticleId()
    // Claimed before the first await, so a twin later in the same batch is a duplicate.
    ctx.hashes.set(hash, id)
    try {
      await ctx.content.write(id, bodyHtml(extracted.paragraphs))
    } catch (err) {
      ctx.hashes.delete(hash)
      throw err
    }
    const record = buildRecord(extracted, {
      id,
      hash,
      now: ctx.now(),
      originName: baseName(item.name),
      tags: ctx.tags,
    })
    ctx.catalog.put(record)
    return { status: 'imported', source: item.name, id, title: record.title }
  } catch (err) {
    return { status: 'failed', source: item.name, error: describeFailure(err) }
  }
}

function describeFailure(err: unknown): { code: ImportFailure['code']; message: string } {
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
