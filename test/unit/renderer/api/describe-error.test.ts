import { describe, expect, it } from 'vitest'
import { QuireError } from '../../../../shared/errors.ts'
import { describeError } from '../../../../renderer/src/api/describe-error.ts'

describe('describeError', () => {
  it('makes one sentence of the action and the reason', () => {
    expect(describeError('empty the Trash', new QuireError('IO', 'disk full.'))).toBe(
      "Couldn't empty the Trash: disk full.",
    )
  })

  it('explains terse codes', () => {
    expect(describeError('load the library', new QuireError('FORBIDDEN', 'bad token'))).toMatch(
      /^Couldn't load the library: the archive refused this window .*\(bad token\)\.$/,
    )
  })

  it('copes with anything thrown', () => {
    expect(describeError('star it', 'boom')).toBe("Couldn't star it: something went wrong.")
    expect(describeError('star it', new Error('nope'))).toBe("Couldn't star it: nope.")
  })
})
