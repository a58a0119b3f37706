import { describe, expect, it } from 'vitest'
import { isRefreshDue, nextRefreshAt } from '../../../../renderer/src/feeds/refresh-schedule.ts'

const HOUR = 3_600_000
const t0 = Date.parse('2026-01-01T12:00:00Z')
const at = (ms: number) => new Date(ms).toISOString()

describe('feed refresh schedule', () => {
  it('is never due with "only when I ask" or without feeds', () => {
    expect(isRefreshDue({ minutes: 0, feeds: [{}], lastAttemptAt: undefined, now: t0 })).toBe(false)
    expect(isRefreshDue({ minutes: 60, feeds: [], lastAttemptAt: undefined, now: t0 })).toBe(false)
  })

  it('is due at once for a feed never checked', () => {
    expect(isRefreshDue({ minutes: 60, feeds: [{}], lastAttemptAt: undefined, now: t0 })).toBe(true)
  })

  it('waits the interval from the oldest check', () => {
    const feeds = [{ lastCheckedAt: at(t0 - 30 * 60_000) }, { lastCheckedAt: at(t0 - 10_000) }]
    expect(nextRefreshAt({ minutes: 60, feeds, lastAttemptAt: undefined })).toBe(t0 + 30 * 60_000)
    expect(isRefreshDue({ minutes: 60, feeds, lastAttemptAt: undefined, now: t0 })).toBe(false)
    expect(isRefreshDue({ minutes: 30, feeds, lastAttemptAt: undefined, now: t0 })).toBe(true)
  })

  it('does not retry a failing feed on every tick: the last attempt restarts the clock', () => {
    const feeds = [{ lastCheckedAt: at(t0 - 5 * HOUR) }]
    expect(isRefreshDue({ minutes: 60, feeds, lastAttemptAt: t0 - 60_000, now: t0 })).toBe(false)
    expect(isRefreshDue({ minutes: 60, feeds, lastAttemptAt: t0 - HOUR, now: t0 })).toBe(true)
  })

  it('treats an unreadable date as never checked', () => {
    expect(
      isRefreshDue({
        minutes: 60,
        feeds: [{ lastCheckedAt: 'soon' }],
        lastAttemptAt: undefined,
        now: t0,
      }),
    ).toBe(true)
  })
})
