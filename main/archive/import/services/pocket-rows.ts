// Pocket's CSV rows (title,url,time_added,[cursor,]tags,status) -> link-only entries.
import { parseCsv } from './csv.ts'
import { linkRowEntries } from './link-rows.ts'
import type { ServiceParse } from './result.ts'
import { cleanTags, text, unixTime } from './values.ts'

export const POCKET_COLUMNS = ['title', 'url', 'time_added', 'tags', 'status']

/** One CSV of a Pocket export; `label` names it in each entry's source ("pocket.csv"). */
export function pocketCsvEntries(csv: string, label: string): ServiceParse {
  return linkRowEntries(
    parseCsv(csv, label, ['url', 'time_added', 'status']),
    label,
    (cells, url, source) => {
      const status = (cells.status ?? '').trim().toLowerCase()
      const archived = status === 'archive' || status === 'archived'
      const addedAt = unixTime(cells.time_added)
      const title = text(cells.title)
      return {
        source,
        url,
        ...(title && title !== url ? { title } : {}),
        tags: cleanTags((cells.tags ?? '').split('|')),
        status: archived ? 'read' : 'unread',
        archived,
        ...(addedAt ? { addedAt } : {}),
        highlights: [],
      }
    },
  )
}
