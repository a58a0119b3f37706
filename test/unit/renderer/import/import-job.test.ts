import { describe, expect, it } from 'vitest'
import type { ImportReport } from '../../../../shared/model.ts'
import { chunk, runImportJob, type ImportStep } from '../../../../renderer/src/import/import-job.ts'
import { summarise } from '../../../../renderer/src/import/import-outcome.ts'

function imported(names: string[]): ImportReport {
  return {
    results: names.map((source, i) => ({
      status: 'imported' as const,
      source,
      id: `${i}`.padStart(16, 'a'),
      title: source,
    })),
    imported: names.length,
    duplicates: 0,
    skipped: 0,
    failed: 0,
  }
}

function steps(batches: string[][], sent: string[][]): ImportStep[] {
  return batches.map((names) => ({
    names,
    run: async () => {
      sent.push(names)
      return { report: imported(names) }
    },
  }))
}

describe('runImportJob', () => {
  it('sends every batch and adds up the reports', async () => {
    const sent: string[][] = []
    const o = await runImportJob(steps([['a', 'b'], ['c']], sent), {
      isCancelled: () => false,
      onProgress: () => {},
    })
    expect(sent).toEqual([['a', 'b'], ['c']])
    expect(o).toMatchObject({ imported: 3, cancelled: 0 })
  })

  it('stops sending after Cancel: what was imported stays, the rest is counted cancelled', async () => {
    const sent: string[][] = []
    let cancelled = false
    const batches = steps([['a', 'b'], ['c', 'd'], ['e']], sent)
    // The person presses Cancel while the first batch is in flight.
    const first = batches[0]!
    batches[0] = {
      names: first.names,
      run: async () => {
        cancelled = true
        return first.run()
      },
    }
    const progress: number[] = []
    const o = await runImportJob(batches, {
      isCancelled: () => cancelled,
      onProgress: (p) => progress.push(p.done),
    })
    expect(sent).toEqual([['a', 'b']])
    expect(o).toMatchObject({ imported: 2, cancelled: 3, failed: 0 })
    expect(summarise(o)).toBe('2 imported, 0 duplicates, 0 failed, 3 cancelled')
    expect(Math.max(...progress)).toBe(2)
  })

  it('fails only the items of a batch whose call throws, and goes on', async () => {
    const sent: string[][] = []
    const batches = steps([['a'], ['b']], sent)
    batches.unshift({
      names: ['x', 'y'],
      run: () => Promise.reject(new Error('the archive is read-only')),
    })
    const o = await runImportJob(batches, { isCancelled: () => false, onProgress: () => {} })
    expect(o.failures).toEqual([
      { name: 'x', reason: 'the archive is read-only' },
      { name: 'y', reason: 'the archive is read-only' },
    ])
    expect(o).toMatchObject({ imported: 2, failed: 2 })
  })

  it('follows the archive’s progress inside a batch, offset by the batches before', async () => {
    const seen: number[] = []
    let emit: (p: { done: number; current: string }) => void = () => {}
    const o = await runImportJob(
      [
        { names: ['a', 'b'], run: async () => ({ report: imported(['a', 'b']) }) },
        {
          names: ['c', 'd'],
          run: async () => {
            emit({ done: 1, current: 'c' })
            return { report: imported(['c', 'd']) }
          },
        },
      ],
      {
        isCancelled: () => false,
        onProgress: (p) => seen.push(p.done),
        follow: (listener) => {
          emit = listener
          return () => (emit = () => {})
        },
      },
    )
    expect(seen).toContain(3)
    expect(o.imported).toBe(4)
  })
})

describe('chunk', () => {
  it('splits in order with a short last run', () => {
    expect(chunk([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]])
    expect(chunk([], 3)).toEqual([])
  })
})
