import { describe, expect, it } from 'vitest'
import { tokenFromHash } from '../../../../renderer/src/api/session-token.ts'

describe('tokenFromHash', () => {
  it('reads the token from the fragment', () => {
    expect(tokenFromHash('#token=abc123')).toBe('abc123')
    expect(tokenFromHash('#view=inbox&token=abc123')).toBe('abc123')
  })

  it('is undefined when there is no token', () => {
    expect(tokenFromHash('')).toBeUndefined()
    expect(tokenFromHash('#token=')).toBeUndefined()
    expect(tokenFromHash('#other=1')).toBeUndefined()
  })
})
