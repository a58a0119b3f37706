// Pocket's current export: a zip of part_*.csv files and annotations/part_*.json highlights.
import { ImportFailure, type ImportedHighlight } from '../extracted.ts'
import { readZip } from '../zip/read-zip.ts'
import { decodeExport } from './decode.ts'
import { parseJsonExport } from './json.ts'
import { MAX_CSV_BYTES, MAX_JSON_BYTES, MAX_ZIP_BYTES } from './limits.ts'
import { pocketCsvEntries } from './pocket-rows.ts'
import { defineService, type ServiceParse } from './result.ts'
import { zipEntryNamesInHead } from './sniff-text.ts'
import { isRecord, text, unixTime, isoDate } from './values.ts'

const PART_CSV = /(^|\/)part_\d+\.csv$/i
const ANNOTATIONS = /(^|\/)annotations\/part_\d+\.json$/i

export const pocketZipImporter = defineService({
  id: 'pocket-zip',
  label: 'Pocket export (.zip)',
  maxBytes: MAX_ZIP_BYTES,
  matches: (s) => s.ext === '.zip' && zipEntryNamesInHead(s).some((n) => PART_CSV.test(n)),
  parse: (bytes, name) => {
    const files = readZip(bytes, { accept: (p) => PART_CSV.test(p) || ANNOTATIONS.test(p) })
    const parts = files
      .filter((f) => PART_CSV.test(f.path))
      .sort((a, b) => a.path.localeCompare(b.path))
    if (parts.length === 0)
      throw new ImportFailure('INVALID_INPUT', 'the zip has no Pocket part_*.csv file')
    const result: ServiceParse = { entries: [], problems: [] }
    for (const part of parts) {
      const label = `${name} › ${part.path}`
      const { entries, problems } = pocketCsvEntries(
        decodeExport(part.bytes, MAX_CSV_BYTES, 'a CSV export'),
        label,
      )
      result.entries.push(...entries)
      result.problems.push(...problems)
    }
    const highlights = new Map<string, ImportedHighlight[]>()
    for (const file of files.filter((f) => ANNOTATIONS.test(f.path))) {
      readAnnotations(parseJsonExport(file.bytes, MAX_JSON_BYTES), highlights)
    }
    for (const entry of result.entries)
      entry.highlights.push(...(highlights.get(entry.url ?? '') ?? []))
    return result
  },
})

/** [{ url, title, highlights: [{ quote, created_at }] }]; anything else in it is ignored. */
function readAnnotations(value: unknown, into: Map<string, ImportedHighlight[]>): void {
  if (!Array.isArray(value)) return
  for (const item of value) {
    if (!isRecord(item) || !Array.isArray(item.highlights)) continue
    const url = text(item.url)
    if (!url) continue
    const list = into.get(url) ?? []
    for (const h of item.highlights) {
      const quote = isRecord(h) ? text(h.quote) : undefined
      if (!quote || !isRecord(h)) continue
      const createdAt = unixTime(h.created_at) ?? isoDate(h.created_at)
      list.push({ quote, ...(createdAt ? { createdAt } : {}) })
    }
    into.set(url, list)
  }
}
