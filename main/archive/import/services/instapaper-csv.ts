// Instapaper's CSV export (URL,Title,Selection,Folder[,Timestamp][,Tags]) as entries.
import { parseCsv } from './csv.ts'
import { linkRowEntries } from './link-rows.ts'
import { hasColumns } from './sniff-text.ts'
import { defineCsvService } from './text-services.ts'
import { cleanTags, jsonList, text, unixTime } from './values.ts'

const REQUIRED = ['url', 'title', 'selection', 'folder']

export const instapaperCsvImporter = defineCsvService({
  id: 'instapaper-csv',
  label: 'Instapaper export (.csv)',
  matches: (header) => hasColumns(header, REQUIRED),
  parse: (csv, name) => {
    return linkRowEntries(parseCsv(csv, name, REQUIRED), name, (cells, url, source) => {
      const folder = text(cells.folder) ?? 'Unread'
      const archived = folder.toLowerCase() === 'archive'
      const favorite = folder.toLowerCase() === 'starred'
      const isFolder = !['unread', 'archive', 'starred'].includes(folder.toLowerCase())
      const selection = text(cells.selection)
      const title = text(cells.title)
      const addedAt = unixTime(cells.timestamp)
      return {
        source,
        url,
        ...(title && title !== url ? { title } : {}),
        tags: cleanTags([...(isFolder ? [folder] : []), ...instapaperTags(cells.tags)]),
        status: archived ? 'read' : 'unread',
        archived,
        favorite,
        ...(addedAt ? { addedAt } : {}),
        highlights: selection ? [{ quote: selection }] : [],
      }
    })
  },
})

/** Newer exports add a Tags column holding a JSON list; older tools wrote a comma list. */
function instapaperTags(cell: string | undefined): string[] {
  const t = text(cell)
  if (!t) return []
  // A JSON list that does not parse holds no tags: its commas are JSON's, not separators.
  if (t.startsWith('['))
    return (jsonList(t) ?? []).filter((x): x is string => typeof x === 'string')
  return t.split(',')
}
