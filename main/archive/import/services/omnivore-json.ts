// Omnivore's JSON export (a list of saved items with labels, state and dates) as entries.
import type { ImportEntry } from '../extracted.ts'
import { itemList, parseJsonExport } from './json.ts'
import { MAX_JSON_BYTES } from './limits.ts'
import { collect, omnivoreEntry } from './omnivore-items.ts'
import { defineService, type RowProblem } from './result.ts'
import { headText } from './sniff-text.ts'

export const omnivoreJsonImporter = defineService({
  id: 'omnivore-json',
  label: 'Omnivore export (.json)',
  maxBytes: MAX_JSON_BYTES,
  matches: (s) => {
    // The extension first: every file imported passes here, and decoding the head costs.
    if (s.ext !== '.json') return false
    const head = headText(s)
    return /^\s*\[/.test(head) && /"slug"\s*:/.test(head) && /"savedAt"\s*:/.test(head)
  },
  parse: (bytes, name) => {
    const items = itemList(parseJsonExport(bytes, MAX_JSON_BYTES), 'the Omnivore export')
    const entries: ImportEntry[] = []
    const problems: RowProblem[] = []
    items.forEach((item, i) =>
      collect(omnivoreEntry(item, `${name} › item ${i + 1}`), entries, problems),
    )
    return { entries, problems }
  },
})
