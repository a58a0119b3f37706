// An address the person typed whose page cannot be reached now (offline, host down): kept as a
// link record, whose text `articles:fetch` brings in later, instead of failing the import.
import type { ImportResult } from '../../../shared/model.ts'
import type { PipelineContext } from './pipeline-context.ts'
import { storeEntry } from './store-entry.ts'

/**
 * Stores `url` as a link record (a duplicate of an article already holding that address merges
 * into it, as any import does; the batch's tags are added as to any item). `reason` says why the page could not be fetched now; it comes
 * back in the result's `fetchLater`.
 */
export async function keepAsLink(
  url: string,
  reason: string,
  ctx: PipelineContext,
): Promise<ImportResult> {
  const result = await storeEntry(
    { source: url, url, tags: [], highlights: [] },
    {
      fileName: url,
      importerId: 'url',
      origin: { kind: 'url', name: url, format: 'link' },
    },
    ctx,
  )
  return result.status === 'imported' ? { ...result, fetchLater: reason } : result
}
