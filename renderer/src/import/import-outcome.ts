// What one import by the user came to, across all its upload calls, and how to say it.
import type { ImportReport } from '../../../shared/model.ts'
import { plural } from '../ui/format/article-meta.ts'

export interface ImportFailure {
  name: string
  reason: string
}

export interface ImportOutcome {
  imported: number
  duplicates: number
  skipped: number
  failed: number
  /** Items never sent because the person pressed Cancel; what was imported stays. */
  cancelled: number
  failures: ImportFailure[]
  /** The first article this import added, to offer opening it. */
  firstImportedId?: string | undefined
}

export function emptyOutcome(): ImportOutcome {
  return { imported: 0, duplicates: 0, skipped: 0, failed: 0, cancelled: 0, failures: [] }
}

export function addReport(outcome: ImportOutcome, report: ImportReport): ImportOutcome {
  const failures = [...outcome.failures]
  let firstImportedId = outcome.firstImportedId
  for (const r of report.results) {
    if (r.status === 'failed') failures.push({ name: r.source, reason: r.error.message })
    else if (r.status === 'skipped') failures.push({ name: r.source, reason: r.reason })
    else if (r.status === 'imported') firstImportedId ??= r.id
  }
  return {
    imported: outcome.imported + report.imported,
    duplicates: outcome.duplicates + report.duplicates,
    skipped: outcome.skipped + report.skipped,
    failed: outcome.failed + report.failed,
    cancelled: outcome.cancelled,
    failures,
    firstImportedId,
  }
}

export function addFailures(outcome: ImportOutcome, failures: ImportFailure[]): ImportOutcome {
  return {
    ...outcome,
    failed: outcome.failed + failures.length,
    failures: [...outcome.failures, ...failures],
  }
}

export function addCancelled(outcome: ImportOutcome, count: number): ImportOutcome {
  return { ...outcome, cancelled: outcome.cancelled + count }
}

/**
 * "3 imported, 1 duplicate, 0 failed" (skipped and cancelled items are counted only when
 * there are some). `verb` names what happened to the good ones: "fetched" for link records.
 */
export function summarise(o: ImportOutcome, verb = 'imported'): string {
  const parts = [`${o.imported.toLocaleString()} ${verb}`, plural(o.duplicates, 'duplicate')]
  if (o.skipped > 0) parts.push(`${o.skipped.toLocaleString()} skipped`)
  parts.push(`${o.failed.toLocaleString()} failed`)
  if (o.cancelled > 0) parts.push(`${o.cancelled.toLocaleString()} cancelled`)
  return parts.join(', ')
}
