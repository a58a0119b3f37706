import { describe, expect, it } from 'vitest'
import { formatListDate } from '../../../../../renderer/src/ui/format/dates.ts'

const now = new Date(2024, 5, 12, 15, 0)

describe('formatListDate', () => {
  it('is relative for the last days', () => {
    expect(formatListDate(new Date(2024, 5, 12, 1).toISOString(), now)).toBe('Today')
    expect(formatListDate(new Date(2024, 5, 11, 23).toISOString(), now)).toBe('Yesterday')
  })

  it('names the day within a week, then the date, with the year only when it differs', () => {
    const weekday = formatListDate(new Date(2024, 5, 9).toISOString(), now)
    expect(weekday).not.toMatch(/\d/)
    expect(formatListDate(new Date(2024, 0, 3).toISOString(), now)).not.toMatch(/2024/)
    expect(formatListDate(new Date(2022, 0, 3).toISOString(), now)).toMatch(/2022/)
  })

  it('is empty for a missing or broken date', () => {
    expect(formatListDate(undefined, now)).toBe('')
    expect(formatListDate('not a date', now)).toBe('')
  })
})
