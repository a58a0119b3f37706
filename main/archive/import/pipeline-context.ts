// What the pipeline needs from the archive while it imports one batch.
import type { ImportResult } from '../../../shared/model.ts'
import type { Catalog } from '../store/catalog.ts'
import type { ContentStore } from '../store/content-store.ts'
import type { DedupeIndex } from './dedupe-index.ts'
import type { ImageRef } from './extracted.ts'
import type { ImportContext } from './importer.ts'
import type { ArticleMeta } from './store-article.ts'

export interface ImportProgress {
  done: number
  total: number
  current: string
}

/** Where a body's images may be read from. */
export interface ImageSource {
  /** Files next to the imported one. */
  readSibling?: ImportContext['readSibling']
  /** Pages fetched from the web: their images are downloaded (once, into assets/). */
  remote?: { allowPrivate: boolean }
  /** Pages captured by the browser extension: their images, by address, as the page's own
   * session fetched them. Nothing is fetched from the network for these. */
  captured?: ReadonlyMap<string, Uint8Array>
}

export interface PipelineContext {
  catalog: Catalog
  content: ContentStore
  dedupe: DedupeIndex
  /** Tags the user asked to put on every imported article. */
  tags: string[]
  now: () => string
  onProgress?: (p: ImportProgress) => void
  /** Stop between items when aborted; the items not reached are reported as skipped. */
  signal?: AbortSignal
  /** Stores the body's images in assets/ and rewrites their srcs (absent: images dropped). */
  localiseImages?: (body: string, images: ImageRef[], from: ImageSource) => Promise<string>
  /** A second copy of an article: what the new one carries is added to the first. */
  mergeInto: (existingId: string, meta: ArticleMeta) => Promise<ImportResult>
  /**
   * Articles of this batch claimed but not yet recorded (their body is being written): a twin
   * waits for its first copy before merging into it.
   */
  inFlight: Map<string, Promise<void>>
}

/** Marks `id` as being stored until the returned function is called. */
export function beginStoring(ctx: PipelineContext, id: string): () => void {
  let done!: () => void
  ctx.inFlight.set(id, new Promise<void>((resolve) => (done = resolve)))
  return () => {
    ctx.inFlight.delete(id)
    done()
  }
}

/** The duplicate found for `existingId`, once its first copy is recorded (or given up). */
export async function mergeWhenStored(
  ctx: PipelineContext,
  existingId: string,
  meta: ArticleMeta,
): Promise<ImportResult> {
  await ctx.inFlight.get(existingId)
  return ctx.mergeInto(existingId, meta)
}
