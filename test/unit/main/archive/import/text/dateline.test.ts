// Tests for splitDateline: wire datelines in their usual shapes, and sentences that only look like one.
import { describe, expect, it } from 'vitest'
import { splitDateline } from '../../../../../../main/archive/import/text/dateline.ts'

describe('splitDateline: datelines', () => {
  it.each([
    [
      'ANKARA (AA) – US Secretary of State said on Wednesday.',
      { place: 'ANKARA', agency: 'AA', raw: 'ANKARA (AA) –' },
      'US Secretary of State said on Wednesday.',
    ],
    [
      'LONDON (Reuters) - Shares fell on Monday.',
      { place: 'LONDON', agency: 'Reuters', raw: 'LONDON (Reuters) -' },
      'Shares fell on Monday.',
    ],
    [
      'WASHINGTON — The Senate voted.',
      { place: 'WASHINGTON', raw: 'WASHINGTON —' },
      'The Senate voted.',
    ],
    [
      'NEW YORK, March 3 (Reuters) - Oil rose.',
      {
        place: 'NEW YORK',
        agency: 'Reuters',
        date: 'March 3',
        raw: 'NEW YORK, March 3 (Reuters) -',
      },
      'Oil rose.',
    ],
    [
      'GAZA CITY, Gaza Strip (AP) — Crowds gathered.',
      { place: 'GAZA CITY, Gaza Strip', agency: 'AP', raw: 'GAZA CITY, Gaza Strip (AP) —' },
      'Crowds gathered.',
    ],
    [
      'BEIRUT, Lebanon — Power returned.',
      { place: 'BEIRUT, Lebanon', raw: 'BEIRUT, Lebanon —' },
      'Power returned.',
    ],
    [
      'İSTANBUL (AA) -- Ferries resumed.',
      { place: 'İSTANBUL', agency: 'AA', raw: 'İSTANBUL (AA) --' },
      'Ferries resumed.',
    ],
    [
      "ST. JOHN'S, Newfoundland, Oct. 7, 2024 (CP) — Snow fell.",
      {
        place: "ST. JOHN'S, Newfoundland",
        agency: 'CP',
        date: 'Oct. 7, 2024',
        raw: "ST. JOHN'S, Newfoundland, Oct. 7, 2024 (CP) —",
      },
      'Snow fell.',
    ],
    ['PARIS—Talks resumed.', { place: 'PARIS', raw: 'PARIS—' }, 'Talks resumed.'],
  ])('%s', (paragraph, dateline, rest) => {
    expect(splitDateline(paragraph)).toEqual({ dateline, rest })
  })

  it('leaves nothing behind for a dateline on its own', () => {
    expect(splitDateline('WASHINGTON —')).toEqual({
      dateline: { place: 'WASHINGTON', raw: 'WASHINGTON —' },
      rest: '',
    })
  })
})

describe('splitDateline: sentences that are not datelines', () => {
  it.each([
    'US officials said - without giving details - that talks would resume.',
    'US - China talks resumed on Monday.',
    'UK — EU talks resumed on Monday.',
    'EADS - Airbus majority owner - admitted the project was late.',
    'EADS — the Airbus owner — admitted the project was late.',
    'NATO — the alliance — met in Brussels.',
    'BREAKING — A ferry has sunk.',
    'LONDON - Shares fell on Monday.',
    'Ankara (AA) – US Secretary of State said.',
    'BEIRUT, officials said — power returned.',
    'The ANKARA (AA) – office said.',
    'ANKARA (AA) US Secretary of State said.',
  ])('%s', (paragraph) => {
    expect(splitDateline(paragraph)).toBeUndefined()
  })
})
