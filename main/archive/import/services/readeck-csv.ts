// Readeck's CSV (url,title,created,state,labels; is_archived/is_marked accepted too) as entries.
import { parseCsv } from './csv.ts'
import { linkRowEntries } from './link-rows.ts'
import { defineCsvService } from './text-services.ts'
import { cleanTags, isoDate, jsonList, text, truthy } from './values.ts'

const STATE_COLUMNS = ['state', 'is_archived', 'is_marked']

export const readeckCsvImporter = defineCsvService({
  id: 'readeck-csv',
  label: 'Readeck export (.csv)',
  matches: (h) =>
    h.includes('url') && h.includes('labels') && STATE_COLUMNS.some((c) => h.includes(c)),
  parse: (csv, name) => {
    return linkRowEntries(parseCsv(csv, name, ['url']), name, (cells, url, source) => {
      const state = (cells.state ?? '').toLowerCase()
      const archived = /archive/.test(state) || truthy(cells.is_archived)
      const favorite = /favou?rite|marked|starred/.test(state) || truthy(cells.is_marked)
      const read = archived || /\bread\b/.test(state)
      const title = text(cells.title)
      const addedAt = isoDate(cells.created)
      return {
        source,
        url,
        ...(title ? { title } : {}),
        tags: cleanTags(labelList(cells.labels)),
        status: read ? 'read' : 'unread',
        archived,
        favorite,
        ...(addedAt ? { addedAt } : {}),
        highlights: [],
      }
    })
  },
})

/** A JSON list ('["a","b"]'), else a comma-separated list. */
function labelList(cell: string | undefined): unknown[] {
  const t = text(cell)
  if (!t) return []
  // Else (not JSON after all) a plain list, its brackets and quotes stripped.
  return (
    jsonList(t) ??
    t
      .replace(/^\[|\]$/g, '')
      .split(',')
      .map((x) => x.replace(/^\s*"|"\s*$/g, ''))
  )
}
