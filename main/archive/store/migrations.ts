// Schema versions and the migration hook. Each step upgrades the raw JSON of the manifest
// and of every article record by one version, before validation, so old archives open.
import { markArticleKind } from './migrate-kinds.ts'
import { splitPeopleFromOrganizations } from './migrate-credits.ts'

export const CURRENT_SCHEMA_VERSION = 3

export interface MigrationStep {
  /** The version this step produces (from `to - 1`). */
  to: number
  manifest?: (raw: Record<string, unknown>) => Record<string, unknown>
  record?: (raw: Record<string, unknown>) => Record<string, unknown>
}

/** Steps from version 1 onward; append one per schema change, never edit a shipped one. */
export const MIGRATIONS: readonly MigrationStep[] = [
  // 2: organisations credited as authors move from `authors` (people) to `organizations`.
  { to: 2, record: splitPeopleFromOrganizations },
  // 3: every record says whether it is an article or a book (shared/book.ts).
  { to: 3, record: markArticleKind },
]

/** The steps that take an archive at `from` to `CURRENT_SCHEMA_VERSION`, in order. */
export function stepsFrom(from: number, steps: readonly MigrationStep[] = MIGRATIONS) {
  return steps.filter((s) => s.to > from).sort((a, b) => a.to - b.to)
}

export function upgradeRecord(
  raw: Record<string, unknown>,
  steps: readonly MigrationStep[],
): Record<string, unknown> {
  return steps.reduce((r, s) => (s.record ? s.record(r) : r), raw)
}

export function upgradeManifest(
  raw: Record<string, unknown>,
  steps: readonly MigrationStep[],
): Record<string, unknown> {
  return steps.reduce((m, s) => ({ ...(s.manifest ? s.manifest(m) : m), schemaVersion: s.to }), raw)
}
