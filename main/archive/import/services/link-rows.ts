// The rows of a link-list CSV (Pocket, Instapaper, Readeck) as entries: each needs a web
// address in its url column; a row without one is skipped and said why.
import type { ImportEntry } from '../extracted.ts'
import type { CsvTable } from './csv.ts'
import type { ServiceParse } from './result.ts'
import { httpUrl } from './values.ts'

/** `entry` builds one row's entry from its cells, its checked url and its source label. */
export function linkRowEntries(
  table: CsvTable,
  name: string,
  entry: (cells: Record<string, string>, url: string, source: string) => ImportEntry,
): ServiceParse {
  const entries: ImportEntry[] = []
  const problems = [...table.problems]
  for (const { index, cells } of table.rows) {
    const source = `${name} › row ${index}`
    const url = httpUrl(cells.url)
    if (!url) {
      problems.push({ source, reason: `"${cells.url ?? ''}" is not a web address` })
      continue
    }
    entries.push(entry(cells, url, source))
  }
  return { entries, problems }
}
