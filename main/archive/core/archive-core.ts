// What the archive's operation modules (web imports, feeds) need from ArchiveService: the
// store, the write queue, the import batch, and the network settings. The service hands out
// one of these so those modules stay out of its file without reaching into its privates.
import type { Article, ImportReport, ImportResult } from '../../../shared/model.ts'
import type { FeedNet } from '../feeds/feed-sync.ts'
import type { DedupeIndex } from '../import/dedupe-index.ts'
import type { ImportProgress, PipelineContext } from '../import/pipeline.ts'
import type { ArchiveStore } from '../store/archive-store.ts'

export interface ImportOptions {
  tags?: string[]
  onProgress?: (p: ImportProgress) => void
  /** Cancels the batch between items; what was imported stays. */
  signal?: AbortSignal
}

/** What imports from the network need, and the user's "allow local network sources". */
export interface OnlineOptions {
  net?: FeedNet
  localiseImages?: PipelineContext['localiseImages']
  allowLocalNetwork: boolean
}

export interface ArchiveCore {
  readonly store: ArchiveStore
  online(): OnlineOptions
  /** Feed items, their pages and images may come from private addresses only if allowed. */
  allowLocalNetwork(): boolean
  /** The network; throws IO when this Quire has none. */
  requireNet(): FeedNet
  /** A write: queued after the others, refused with READ_ONLY when this process may not. */
  write<T>(fn: () => Promise<T>): Promise<T>
  /** An import inside a catalog batch, index told; call inside write(). */
  importBatch(
    run: (ctx: PipelineContext) => Promise<ImportResult[]>,
    opts: ImportOptions,
  ): Promise<ImportResult[]>
  dedupe(): DedupeIndex
  /** The article, or NOT_FOUND. */
  require(id: string): Article
  /** One changed article: its shard flushed, the index told. */
  save(next: Article): Promise<void>
  /** The article's stored body; NOT_FOUND (naming the file) when it is missing. */
  body(article: Article): Promise<string>
}

/** The report of a batch: its results and how many ended each way. */
export function importReport(results: ImportResult[]): ImportReport {
  const count = (s: ImportResult['status']) => results.filter((r) => r.status === s).length
  return {
    results,
    imported: count('imported'),
    duplicates: count('duplicate'),
    skipped: count('skipped'),
    failed: count('failed'),
  }
}
