// Writes that fail (a full disk, a folder turned read-only): words for the user, and undoing
// an import's items whose records never reached the disk.
import type { ImportResult } from '../../../shared/model.ts'
import type { UnsavedChanges } from './catalog.ts'
import type { ContentStore } from './content-store.ts'

/** A write error in a few words for the user ('the disk is full'). */
export function describeWriteError(err: unknown): string {
  const code = (err as NodeJS.ErrnoException | undefined)?.code
  if (code === 'ENOSPC' || code === 'EDQUOT') return 'the disk is full'
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied'
  if (code === 'EROFS') return 'the disk is read-only'
  if (code === 'EIO') return 'the disk reported an error'
  return (err as Error | undefined)?.message ?? String(err)
}

/**
 * Turn the results of items whose records were not saved into failures, and remove what
 * they left behind (bodies, dedupe entries), so the archive is as if they never came.
 */
export async function failUnsavedImports(
  results: ImportResult[],
  unsaved: UnsavedChanges,
  content: ContentStore,
  dedupe: { forget(ids: Set<string>): void },
): Promise<ImportResult[]> {
  const lost = new Set(unsaved.ids)
  const error = { code: 'IO' as const, message: `not saved: ${describeWriteError(unsaved.error)}` }
  dedupe.forget(lost)
  const out: ImportResult[] = []
  for (const r of results) {
    if ((r.status === 'imported' || r.status === 'duplicate') && lost.has(r.id)) {
      if (r.status === 'imported') await content.remove(r.id).catch(() => {})
      out.push({ status: 'failed', source: r.source, error })
    } else {
      out.push(r)
    }
  }
  return out
}
