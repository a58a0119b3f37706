// The two shapes most service exports take: a CSV told by its header line, and a JSON file
// told by keys in its head. Each claims a file by its extension first (every file imported
// passes every importer's `matches`, and decoding the head costs), and its parser receives
// the decoded text or value, refused past the size limit.
import { decodeExport } from './decode.ts'
import { parseJsonExport } from './json.ts'
import { MAX_CSV_BYTES, MAX_JSON_BYTES } from './limits.ts'
import { defineService, type ServiceImporter, type ServiceParse } from './result.ts'
import { csvHeader, headText } from './sniff-text.ts'

interface TextService<Input, Head> {
  id: string
  label: string
  /** Told from the sniffed head only, for a file of the right extension. */
  matches(head: Head): boolean
  /** Throws ImportFailure for a file it cannot read at all; bad items go to `problems`. */
  parse(input: Input, name: string): ServiceParse
}

/** A .csv export; `matches` sees the lower-cased, unquoted column names of its first line. */
export function defineCsvService(def: TextService<string, string[]>): ServiceImporter {
  return defineService({
    id: def.id,
    label: def.label,
    maxBytes: MAX_CSV_BYTES,
    matches: (s) => s.ext === '.csv' && def.matches(csvHeader(s)),
    parse: (bytes, name) => def.parse(decodeExport(bytes, MAX_CSV_BYTES, 'a CSV export'), name),
  })
}

/** A JSON export (.json unless `exts` says more); `matches` sees the head as text. */
export function defineJsonService(
  def: TextService<unknown, string> & { exts?: readonly string[] },
): ServiceImporter {
  const exts = def.exts ?? ['.json']
  return defineService({
    id: def.id,
    label: def.label,
    maxBytes: MAX_JSON_BYTES,
    matches: (s) => exts.includes(s.ext) && def.matches(headText(s)),
    parse: (bytes, name) => def.parse(parseJsonExport(bytes, MAX_JSON_BYTES), name),
  })
}
