// What one import by the user came to, across all its upload calls, and how to say it.
import type { ImportReport } from '../../../shared/model.ts'
import { plural } from '../ui/format/article-meta.ts'

export interface ImportFailure {
  name: string
  reason: string
}

/** An address kept as a link record because its page could not be fetched now. */
export interface KeptLink {
  id: string
  name: string
  reason: string
}

export interface ImportOutcome {
  /** Articles added, link records kept for later included. */
  imported: number
  duplicates: number
  skipped: number
  failed: number
  /** Items never sent because the person pressed Cancel; what was imported stays. */
  cancelled: number
  failures: ImportFailure[]
  /** Addresses kept as links to fetch later (offline, the site down). */
  links: KeptLink[]
  /** The first article this import added, to offer opening it. */
  firstImportedId?: string | undefined
}

export function emptyOutcome(): ImportOutcome {
  return {
    imported: 0,
    duplicates: 0,
    skipped: 0,
    failed: 0,
    cancelled: 0,
    failures: [],
    links: [],
  }
}

export function addReport(outcome: ImportOutcome, report: ImportReport): ImportOutcome {
  const failures = [...outcome.failures]
  const links = [...outcome.links]
  let firstImportedId = outcome.firstImportedId
  for (const r of report.results) {
    if (r.status === 'failed') failures.push({ name: r.source, reason: r.error.message })
    else if (r.status === 'skipped') failures.push({ name: r.source, reason: r.reason })
    else if (r.status === 'imported') {
      firstImportedId ??= r.id
      if (r.fetchLater) links.push({ id: r.id, name: r.source, reason: r.fetchLater })
    }
  }
  return {
    imported: outcome.imported + report.imported,
    duplicates: outcome.duplicates + report.duplicates,
    skipped: outcome.skipped + report.skipped,
    failed: outcome.failed + report.failed,
    cancelled: outcome.cancelled,
    failures,
    links,
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
 * "3 imported, 1 duplicate, 0 failed" (links kept for later, skipped and cancelled items are
 * counted only when there are some). `verb` names what happened to the good ones: "fetched"
 * for link records.
 */
export function summarise(o: ImportOutcome, verb = 'imported'): string {
  const parts = [`${(o.imported - o.links.length).toLocaleString()} ${verb}`]
  if (o.links.length > 0) parts.push(`${plural(o.links.length, 'link')} kept to fetch later`)
  parts.push(plural(o.duplicates, 'duplicate'))
  if (o.skipped > 0) parts.push(`${o.skipped.toLocaleString()} skipped`)
  parts.push(`${o.failed.toLocaleString()} failed`)
  if (o.cancelled > 0) parts.push(`${o.cancelled.toLocaleString()} cancelled`)
  return parts.join(', ')
}
