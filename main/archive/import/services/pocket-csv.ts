// Pocket's CSV export (the single file, or one part of the zip) as an entries importer.
import { decodeExport } from './decode.ts'
import { MAX_CSV_BYTES } from './limits.ts'
import { POCKET_COLUMNS, pocketCsvEntries } from './pocket-rows.ts'
import { defineService } from './result.ts'
import { csvHeader } from './sniff-text.ts'

export const pocketCsvImporter = defineService({
  id: 'pocket-csv',
  label: 'Pocket export (.csv)',
  maxBytes: MAX_CSV_BYTES,
  matches: (s) => {
    if (s.ext !== '.csv') return false
    const header = csvHeader(s)
    // The exact column set (plus the zip parts' cursor), so another app's CSV is not claimed.
    const rest = header.filter((c) => c !== 'cursor')
    return rest.length === POCKET_COLUMNS.length && POCKET_COLUMNS.every((c) => rest.includes(c))
  },
  parse: (bytes, name) =>
    pocketCsvEntries(decodeExport(bytes, MAX_CSV_BYTES, 'a CSV export'), name),
})
