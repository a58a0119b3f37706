// CSV exports -> rows keyed by lower-cased column name; quote errors fail the file, short rows skip.
import Papa from 'papaparse'
import { ImportFailure } from '../extracted.ts'
import { MAX_ENTRIES } from './limits.ts'
import type { RowProblem } from './result.ts'

export interface CsvRow {
  /** 1-based, not counting the header: what the user sees as "row 3". */
  index: number
  cells: Record<string, string>
}

export interface CsvTable {
  header: string[]
  rows: CsvRow[]
  problems: RowProblem[]
}

/**
 * Parses a whole CSV export. Throws ImportFailure 'INVALID_INPUT' when the quoting is broken
 * (a quote left open swallows every later row, so nothing after it can be trusted), when a
 * required column is missing, and 'TOO_LARGE' past MAX_ENTRIES rows. A row with the wrong
 * number of fields is skipped and reported in `problems`.
 */
export function parseCsv(textIn: string, name: string, required: string[]): CsvTable {
  const result = Papa.parse<string[]>(textIn, { delimiter: ',', skipEmptyLines: 'greedy' })
  const quoteError = result.errors.find((e) => e.type === 'Quotes')
  if (quoteError) {
    const where = quoteError.row === undefined ? '' : ` near row ${quoteError.row}`
    throw new ImportFailure(
      'INVALID_INPUT',
      `malformed CSV${where}: ${quoteError.message.toLowerCase()}`,
    )
  }
  const [head, ...body] = result.data
  const header = (head ?? []).map((c) =>
    c
      .replace(/^\uFEFF/, '')
      .trim()
      .toLowerCase(),
  )
  const missing = required.filter((c) => !header.includes(c))
  if (missing.length > 0) {
    throw new ImportFailure(
      'INVALID_INPUT',
      `the CSV has no ${missing.map((m) => `"${m}"`).join(', ')} column`,
    )
  }
  if (body.length > MAX_ENTRIES) {
    throw new ImportFailure(
      'TOO_LARGE',
      `the CSV has ${body.length} rows, more than the ${MAX_ENTRIES} allowed`,
    )
  }
  const rows: CsvRow[] = []
  const problems: RowProblem[] = []
  body.forEach((fields, i) => {
    const index = i + 1
    // Trailing empty fields are a spreadsheet habit, not damage.
    while (fields.length > header.length && fields[fields.length - 1] === '') fields.pop()
    if (fields.length !== header.length) {
      problems.push({
        source: `${name} › row ${index}`,
        reason: `has ${fields.length} fields where the header has ${header.length}`,
      })
      return
    }
    const cells: Record<string, string> = {}
    header.forEach((h, k) => (cells[h] = fields[k]!))
    rows.push({ index, cells })
  })
  return { header, rows, problems }
}
