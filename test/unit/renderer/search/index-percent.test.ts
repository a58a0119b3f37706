import { describe, expect, it } from 'vitest'
import { indexPercent } from '../../../../renderer/src/search/use-index-status.ts'

describe('indexPercent', () => {
  it('is the whole percentage of shards done, never above 100', () => {
    expect(indexPercent({ done: 102, total: 256 })).toBe(39)
    expect(indexPercent({ done: 256, total: 256 })).toBe(100)
    expect(indexPercent({ done: 300, total: 256 })).toBe(100)
    expect(indexPercent({ done: 0, total: 0 })).toBe(0)
  })
})
