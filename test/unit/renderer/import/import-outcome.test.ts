import { describe, expect, it } from 'vitest'
import type { ImportReport } from '../../../../shared/model.ts'
import {
  addFailures,
  addReport,
  emptyOutcome,
  summarise,
} from '../../../../renderer/src/import/import-outcome.ts'

const report: ImportReport = {
  results: [
    { status: 'imported', source: 'a.txt', id: '0123456789abcdef', title: 'A' },
    { status: 'duplicate', source: 'b.txt', id: '1123456789abcdef', title: 'B' },
    { status: 'failed', source: 'c.bin', error: { code: 'BINARY', message: 'not text' } },
    { status: 'skipped', source: 'd.txt', reason: 'hidden file' },
  ],
  imported: 1,
  duplicates: 1,
  skipped: 1,
  failed: 1,
}

describe('import outcome', () => {
  it('adds up reports and keeps every failure with its reason', () => {
    const o = addFailures(addReport(emptyOutcome(), report), [{ name: 'e.txt', reason: 'too big' }])
    expect(o).toMatchObject({ imported: 1, duplicates: 1, skipped: 1, failed: 2 })
    expect(o.firstImportedId).toBe('0123456789abcdef')
    expect(o.failures).toEqual([
      { name: 'c.bin', reason: 'not text' },
      { name: 'd.txt', reason: 'hidden file' },
      { name: 'e.txt', reason: 'too big' },
    ])
  })

  it('says it in one line', () => {
    expect(summarise(emptyOutcome())).toBe('0 imported, 0 duplicates, 0 failed')
    expect(summarise(addReport(emptyOutcome(), report))).toBe(
      '1 imported, 1 duplicate, 1 skipped, 1 failed',
    )
  })
  it('counts addresses kept as links apart from the articles imported', () => {
    const offline: ImportReport = {
      results: [
        {
          status: 'imported',
          source: 'https://a.example/1',
          id: '2123456789abcdef',
          title: 'https://a.example/1',
          fetchLater: 'could not reach a.example: no network or the host does not exist',
        },
        { status: 'imported', source: 'https://b.example/2', id: '3123456789abcdef', title: 'B' },
      ],
      imported: 2,
      duplicates: 0,
      skipped: 0,
      failed: 0,
    }
    const o = addFailures(addReport(emptyOutcome(), offline), [
      { name: 'Line 3: “not a url”', reason: 'is not a web address' },
    ])
    expect(o.links).toEqual([
      {
        id: '2123456789abcdef',
        name: 'https://a.example/1',
        reason: 'could not reach a.example: no network or the host does not exist',
      },
    ])
    expect(summarise(o)).toBe('1 imported, 1 link kept to fetch later, 0 duplicates, 1 failed')
  })
})
