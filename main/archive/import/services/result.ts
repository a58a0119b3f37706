// What a service importer hands back: the entries, plus what went wrong with single items.
import type { ImportEntry } from '../extracted.ts'
import type { EntriesImporter } from '../importer.ts'

/**
 * One item of an export that was skipped (a row without a web address) or imported in part
 * (an article body that could not be sanitised); the reason says which. The rest goes on.
 */
export interface RowProblem {
  /** "pocket.csv › row 12", as ImportEntry.source. */
  source: string
  reason: string
}

export interface ServiceParse {
  entries: ImportEntry[]
  problems: RowProblem[]
}

/** An EntriesImporter that can also tell what went wrong per item (for the report and tools). */
export interface ServiceImporter extends EntriesImporter {
  /** Throws ImportFailure for a file it cannot read at all; bad items go to `problems`. */
  parse(bytes: Uint8Array, name: string): ServiceParse
}

export function defineService(def: Omit<ServiceImporter, 'kind' | 'entries'>): ServiceImporter {
  return {
    ...def,
    kind: 'entries',
    entries: (bytes, ctx) => withProblems(def.parse(bytes, ctx.name)),
  }
}

/**
 * The entries, plus one failed entry per skipped item so the report names it and says why.
 * Items imported in part (only their link) are imported; their problem is not repeated.
 */
function withProblems({ entries, problems }: ServiceParse): ImportEntry[] {
  const imported = new Set(entries.map((e) => e.source))
  const skipped = problems
    .filter((p) => !imported.has(p.source))
    .map((p): ImportEntry => ({ source: p.source, tags: [], highlights: [], problem: p.reason }))
  return [...entries, ...skipped]
}
