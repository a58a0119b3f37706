// The report of an import batch: its per-item results and how many ended each way.
import type { ImportReport, ImportResult } from '../../../shared/model.ts'

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
