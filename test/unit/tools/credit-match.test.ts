// The extraction check's author rule: both sides split on the same separators, people first,
// organisations only when no person is credited, and never partial credit.
import { describe, expect, it } from 'vitest'
import { creditsMatch, splitCredit } from '../../tools/extraction/credit-match.ts'

describe('splitCredit', () => {
  it('splits on semicolons, ampersands, slashes and the word "and" in the corpus languages', () => {
    expect(splitCredit('Lars Fischer und Alina Schadwinkel')).toEqual([
      'Lars Fischer',
      'Alina Schadwinkel',
    ])
    expect(splitCredit('A. Roe & B. Doe; C. Poe')).toEqual(['A. Roe', 'B. Doe', 'C. Poe'])
    expect(splitCredit('dpa/lno')).toEqual(['dpa', 'lno'])
    expect(splitCredit('Ana Ruiz y Luis Gil')).toEqual(['Ana Ruiz', 'Luis Gil'])
  })

  it('splits on commas only between full names', () => {
    expect(splitCredit('Daniel Braun, Davor Pasoski')).toEqual(['Daniel Braun', 'Davor Pasoski'])
    expect(splitCredit('Fischer, Lars')).toEqual(['Fischer, Lars'])
    expect(splitCredit('Michael Rädel, Redaktion')).toEqual(['Michael Rädel, Redaktion'])
  })
})

describe('creditsMatch', () => {
  it('accepts the same people in another order or written as one string', () => {
    expect(
      creditsMatch(['Lars Fischer und Alina Schadwinkel'], ['Alina Schadwinkel', 'Lars Fischer']),
    ).toBe(true)
  })

  it('refuses a missing, an extra or a partial name', () => {
    expect(creditsMatch(['A. Roe & B. Doe'], ['A. Roe'])).toBe(false)
    expect(creditsMatch(['A. Roe'], ['A. Roe', 'B. Doe'])).toBe(false)
    expect(creditsMatch(['Jane Roe'], ['Roe'])).toBe(false)
    expect(creditsMatch(['dpa/lno'], ['dpa'])).toBe(false)
  })

  it('counts organisations only when no person is credited', () => {
    expect(creditsMatch(['Redaktion'], [], ['Redaktion'])).toBe(true)
    expect(creditsMatch(['Redaktion'], ['Jane Roe'], ['Redaktion'])).toBe(false)
  })

  it('never matches an empty expectation', () => {
    expect(creditsMatch([], [])).toBe(false)
  })
})
