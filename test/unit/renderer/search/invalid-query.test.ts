import { describe, expect, it } from 'vitest'
import { QuireError } from '../../../../shared/errors.ts'
import { invalidQuery } from '../../../../renderer/src/search/invalid-query.ts'

describe('invalidQuery', () => {
  it('reads the message and span of a refused query', () => {
    const err = new QuireError('INVALID_INPUT', 'is: expects one of unread', { start: 6, end: 9 })
    expect(invalidQuery(err)).toEqual({ message: 'is: expects one of unread', start: 6, end: 9 })
  })

  it('ignores other errors and details without a usable span', () => {
    expect(invalidQuery(new QuireError('IO', 'disk', { start: 0, end: 1 }))).toBeUndefined()
    expect(invalidQuery(new QuireError('INVALID_INPUT', 'bad', [{ path: ['query'] }]))).toBe(
      undefined,
    )
    expect(invalidQuery(new QuireError('INVALID_INPUT', 'bad', { start: 4, end: 2 }))).toBe(
      undefined,
    )
    expect(invalidQuery(new QuireError('INVALID_INPUT', 'bad', { start: '1', end: 2 }))).toBe(
      undefined,
    )
    expect(invalidQuery(new Error('plain'))).toBeUndefined()
  })
})
