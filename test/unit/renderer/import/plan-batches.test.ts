import { describe, expect, it } from 'vitest'
import { MAX_UPLOAD_BASE64_CHARS } from '../../../../shared/api.ts'
import {
  MAX_BYTES_PER_CALL,
  MAX_FILES_PER_CALL,
  base64Length,
  planBatches,
} from '../../../../renderer/src/import/plan-batches.ts'

const file = (name: string, size: number) => ({ name, size })

describe('planBatches', () => {
  it('keeps every file, in order, at most 20 to a call', () => {
    const files = Array.from({ length: 45 }, (_, i) => file(`${i}.txt`, 1000))
    const { batches, tooLarge } = planBatches(files)
    expect(batches.map((b) => b.length)).toEqual([MAX_FILES_PER_CALL, MAX_FILES_PER_CALL, 5])
    expect(batches.flat()).toEqual(files)
    expect(tooLarge).toEqual([])
  })

  it('starts a new call before the byte budget would be passed', () => {
    const big = MAX_BYTES_PER_CALL / 2
    const { batches } = planBatches([file('a', big), file('b', big), file('c', 1)])
    expect(batches.map((b) => b.map((f) => f.name))).toEqual([['a', 'b'], ['c']])
  })

  it('sends a file larger than the per-call budget on its own', () => {
    const { batches } = planBatches([
      file('a', 10),
      file('huge', MAX_BYTES_PER_CALL + 1),
      file('b', 10),
    ])
    expect(batches.map((b) => b.map((f) => f.name))).toEqual([['a'], ['huge'], ['b']])
  })

  it('sets aside files whose base64 text the contract would refuse', () => {
    const limit = (MAX_UPLOAD_BASE64_CHARS / 4) * 3
    const { batches, tooLarge } = planBatches([file('ok', limit), file('too-big', limit + 1)])
    expect(batches.flat().map((f) => f.name)).toEqual(['ok'])
    expect(tooLarge.map((f) => f.name)).toEqual(['too-big'])
  })

  it('computes base64 lengths with padding', () => {
    expect([0, 1, 2, 3, 4].map(base64Length)).toEqual([0, 4, 4, 4, 8])
  })
})
