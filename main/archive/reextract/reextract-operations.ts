// `quire reextract` and Settings › Re-extract metadata: every article (or the ones named)
// through reextractRecord, in batches that each commit at once, with progress.
import type { Article } from '../../../shared/model.ts'
import type { ArchiveCore } from '../core/archive-core.ts'
import { reextractRecord } from './reextract-record.ts'

export interface ReextractProgress {
  done: number
  total: number
  current: string
}

export interface ReextractReport {
  checked: number
  changed: number
  /** Per changed article, the fields extracted anew (at most the first 1,000). */
  changes: { id: string; title: string; fields: string[] }[]
}

/** Articles per catalog flush: progress moves, and a crash loses at most one batch. */
const BATCH = 500

export async function reextractArticles(
  core: ArchiveCore,
  ids: string[] | 'all',
  onProgress?: (p: ReextractProgress) => void,
  onChanged: (changed: Article[]) => void = (changed) => core.indexChanged(changed),
): Promise<ReextractReport> {
  return core.write(async () => {
    const targets =
      ids === 'all'
        ? [...core.store.catalog.all()]
        : [...new Set(ids)].map((id) => core.require(id))
    const report: ReextractReport = { checked: 0, changed: 0, changes: [] }
    for (let start = 0; start < targets.length; start += BATCH) {
      const now = new Date().toISOString()
      const changed: Article[] = []
      for (const a of targets.slice(start, start + BATCH)) {
        report.checked++
        const result = reextractRecord(a, now)
        if (!result) continue
        core.store.catalog.put(result.article)
        changed.push(result.article)
        report.changed++
        if (report.changes.length < 1000)
          report.changes.push({ id: a.id, title: result.article.title, fields: result.changed })
      }
      if (changed.length) {
        await core.store.catalog.flush()
        onChanged(changed)
      }
      const last = targets[Math.min(start + BATCH, targets.length) - 1]
      onProgress?.({ done: report.checked, total: targets.length, current: last?.title ?? '' })
    }
    return report
  })
}
