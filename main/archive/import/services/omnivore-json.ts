// Omnivore's JSON export (a list of saved items with labels, state and dates) as entries.
import type { ImportEntry } from '../extracted.ts'
import { itemList } from './json.ts'
import { collect, omnivoreEntry } from './omnivore-items.ts'
import type { RowProblem } from './result.ts'
import { defineJsonService } from './text-services.ts'

export const omnivoreJsonImporter = defineJsonService({
  id: 'omnivore-json',
  label: 'Omnivore export (.json)',
  matches: (head) => /^\s*\[/.test(head) && /"slug"\s*:/.test(head) && /"savedAt"\s*:/.test(head),
  parse: (value, name) => {
    const items = itemList(value, 'the Omnivore export')
    const entries: ImportEntry[] = []
    const problems: RowProblem[] = []
    items.forEach((item, i) =>
      collect(omnivoreEntry(item, `${name} › item ${i + 1}`), entries, problems),
    )
    return { entries, problems }
  },
})
