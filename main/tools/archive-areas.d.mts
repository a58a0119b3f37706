// Types of archive-areas.mjs, for the tests that import it.
import type { Rule } from 'eslint'

export interface ArchiveArea {
  uses: string[]
  public: string[]
}
export declare const ARCHIVE_DIR: string
export declare const ARCHIVE_AREAS: Record<string, ArchiveArea>
export declare function archiveAreaViolation(
  from: { area: string | null; module: string },
  target: { area: string | null; module: string } | null,
): string | null
export declare const archiveAreasPlugin: { rules: { 'archive-areas': Rule.RuleModule } }
