// Reading progress: scroll position to progress and back, and the status it implies.
import { describe, expect, it } from 'vitest'
import { progressOf, scrollTopFor, statusFor } from '../../../../renderer/src/reader/progress.ts'

const box = { viewport: 800, bodyEnd: 4800 }

describe('reading progress', () => {
  it('runs from 0 at the top to 1 when the end of the body is on screen', () => {
    expect(progressOf({ ...box, scrollTop: 0 })).toBe(0)
    expect(progressOf({ ...box, scrollTop: 2000 })).toBe(0.5)
    expect(progressOf({ ...box, scrollTop: 4000 })).toBe(1)
    expect(progressOf({ ...box, scrollTop: 4200 })).toBe(1)
  })

  it('counts a body that fits on screen as read', () => {
    expect(progressOf({ scrollTop: 0, viewport: 800, bodyEnd: 600 })).toBe(1)
  })

  it('restores the position a progress stands for, and a finished article at its top', () => {
    expect(scrollTopFor(0.5, box)).toBe(2000)
    expect(scrollTopFor(0, box)).toBe(0)
    expect(scrollTopFor(0.99, box)).toBe(0)
    expect(progressOf({ ...box, scrollTop: scrollTopFor(0.37, box) })).toBeCloseTo(0.37, 3)
  })

  it('moves an unread article to reading, and to read at the end when asked', () => {
    expect(statusFor(0.03, 'unread', true)).toBeUndefined()
    expect(statusFor(0.2, 'unread', true)).toBe('reading')
    expect(statusFor(0.2, 'reading', true)).toBeUndefined()
    expect(statusFor(0.98, 'reading', true)).toBe('read')
    expect(statusFor(0.98, 'unread', true)).toBe('read')
    expect(statusFor(0.98, 'reading', false)).toBeUndefined()
    expect(statusFor(0.98, 'unread', false)).toBe('reading')
    expect(statusFor(0.2, 'read', true)).toBeUndefined()
  })
})
