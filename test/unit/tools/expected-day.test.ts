// The extraction check repairs only expected days with one possible reading.
import { describe, expect, it } from 'vitest'
import { expectedDay } from '../../tools/extraction/passages-corpus.ts'

describe('expected days of the extraction corpus', () => {
  it('swaps a day written in the month’s place and pads one digit', () => {
    expect(expectedDay('2022-29-11')).toBe('2022-11-29')
    expect(expectedDay('2022-11-1')).toBe('2022-11-01')
  })

  it('leaves well-formed and ambiguous days as written', () => {
    expect(expectedDay('2022-05-06')).toBe('2022-05-06')
    expect(expectedDay('2022-13-14')).toBe('2022-13-14')
    expect(expectedDay('May 2022')).toBe('May 2022')
  })
})
