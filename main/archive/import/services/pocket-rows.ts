// Pocket's CSV rows (title,url,time_added,[cursor,]tags,status) -> link-only entries.
import type { ImportEntry } from '../extracted.ts'
import { parseCsv } from './csv.ts'
import type { ServiceParse } from './result.ts'
import { cleanTags, httpUrl, text, unixTime } from './values.ts'

export const POCKET_COLUMNS = ['title', 'url', 'time_added', 'tags', 'status']

/** One CSV of a Pocket export; `label` names it in each entry's source ("pocket.csv"). */
export function pocketCsvEntries(csv: string, label: string): ServiceParse {
  const table = parseCsv(csv, label, ['url', 'time_added', 'status'])
  const entries: ImportEntry[] = []
  const problems = [...table.problems]
  for (const { index, cells } of table.rows) {
    const source = `${label} › row ${index}`
    const url = httpUrl(cells.url)
    if (!url) {
      problems.push({ source, reason: `"${cells.url ?? ''}" is not a web address` })
      continue
    }
    const status = (cells.status ?? '').trim().toLowerCase()
    const archived = status === 'archive' || status === 'archived'
    const addedAt = unixTime(cells.time_added)
    const title = text(cells.title)
    entries.push({
      source,
      url,
      ...(title && title !== url ? { title } : {}),
      tags: cleanTags((cells.tags ?? '').split('|')),
      status: archived ? 'read' : 'unread',
      archived,
      ...(addedAt ? { addedAt } : {}),
      highlights: [],
    })
  }
  return { entries, problems }
}
