import Papa from 'papaparse'
import { describe, expect, it } from 'vitest'
import {
  READWISE_COLUMNS,
  guardFormula,
  readwiseCsv,
} from '../../../../../main/archive/export/readwise-csv.ts'
import { fixtureItems } from './fixture-items.ts'
import { expectGolden } from './golden.ts'

describe('Readwise CSV', () => {
  it('matches the golden file', async () => {
    await expectGolden('readwise.csv', readwiseCsv(fixtureItems()))
  })

  it('passes a strict CSV parse: no errors, the header, same field count on every row', () => {
    const csv = readwiseCsv(fixtureItems())
    const parsed = Papa.parse<string[]>(csv, { header: false, skipEmptyLines: 'greedy' })
    expect(parsed.errors).toEqual([])
    const [header, ...rows] = parsed.data
    expect(header).toEqual(READWISE_COLUMNS)
    expect(rows).toHaveLength(6)
    for (const row of rows) expect(row).toHaveLength(READWISE_COLUMNS.length)
    // Quotes, commas and newlines survive; tags ride in the note as .tag tokens.
    const first = rows[0]!
    expect(first[0]).toBe('"We will build it", and')
    expect(first[1]).toBe('Council says "yes": bridge, road & rail — 東京 🎉 مرحبا')
    expect(first[2]).toBe('Jane Doe, Ahmad Al-Khatib, Zoë Ångström')
    expect(first[4]).toBe(
      'Quote, with "marks",\nand a newline. <!-- quire:end --> <b>x</b> .promise .key_quote',
    )
    expect(Number(first[5])).toBeGreaterThan(0)
    expect(first[6]).toBe('2024-05-02T10:00:00.000Z')
    expect(first[7]).toBe('yellow')
    expect(first[8]).toBe('promise, key quote')
    expect(rows.map((r) => r[0])).toContain('مرحبا بالعالم')
  })

  it('defuses cells a spreadsheet would run as formulas', () => {
    const rows = Papa.parse<string[]>(readwiseCsv(fixtureItems())).data.slice(1)
    for (const cell of rows.flat()) expect(cell).not.toMatch(/^[=+\-@]/)
    expect(rows.some((r) => r[1] === `'=cmd|calc, "two"\nlines`)).toBe(true)
    expect(rows.some((r) => r[4] === `'=HYPERLINK("http://evil") .@mention`)).toBe(true)
    expect(rows.some((r) => r[8] === `'@mention`)).toBe(true)
    expect(guardFormula('@SUM(A1)')).toBe("'@SUM(A1)")
    expect(guardFormula('\t=1')).toBe("'\t=1")
    expect(guardFormula('plain')).toBe('plain')
  })
})
