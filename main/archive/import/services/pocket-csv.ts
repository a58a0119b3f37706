// Pocket's CSV export (the single file, or one part of the zip) as an entries importer.
import { POCKET_COLUMNS, pocketCsvEntries } from './pocket-rows.ts'
import { defineCsvService } from './text-services.ts'

export const pocketCsvImporter = defineCsvService({
  id: 'pocket-csv',
  label: 'Pocket export (.csv)',
  matches: (header) => {
    // The exact column set (plus the zip parts' cursor), so another app's CSV is not claimed.
    const rest = header.filter((c) => c !== 'cursor')
    return rest.length === POCKET_COLUMNS.length && POCKET_COLUMNS.every((c) => rest.includes(c))
  },
  parse: (csv, name) => pocketCsvEntries(csv, name),
})
