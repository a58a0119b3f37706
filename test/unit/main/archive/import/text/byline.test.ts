// Tests for parseByline and titleCaseName.
import { describe, expect, it } from 'vitest'
import { parseByline, titleCaseName } from '../../../../../../main/archive/import/text/byline.ts'

describe('parseByline: recognised bylines', () => {
  it.each([
    ['By Ahmed Asmar', ['Ahmed Asmar'], undefined],
    ['By Jane Doe and John Roe', ['Jane Doe', 'John Roe'], undefined],
    ['By Jane Doe, John Roe and Ali Demir', ['Jane Doe', 'John Roe', 'Ali Demir'], undefined],
    ['By Jane Doe, John Roe, and Ali Demir', ['Jane Doe', 'John Roe', 'Ali Demir'], undefined],
    ['By JANE DOE, Associated Press', ['Jane Doe'], 'Associated Press'],
    ['BY JANE DOE', ['Jane Doe'], undefined],
    ['By Jane Doe | Reuters', ['Jane Doe'], 'Reuters'],
    ['By Jane Doe - AFP', ['Jane Doe'], 'AFP'],
    ['Written by Maria Lopez', ['Maria Lopez'], undefined],
    ['By: Maria Lopez', ['Maria Lopez'], undefined],
    ['By Jane Doe, Staff Writer', ['Jane Doe'], 'Staff Writer'],
    [
      'By Jane Doe, Political Correspondent, BBC News',
      ['Jane Doe'],
      'Political Correspondent, BBC News',
    ],
    ['By Jane Doe and John Roe, Reuters', ['Jane Doe', 'John Roe'], 'Reuters'],
    ['By Jane Doe in Washington', ['Jane Doe'], undefined],
    ['By Ursula von der Leyen', ['Ursula von der Leyen'], undefined],
    [
      'By AHMED AL-ASMAR and JEAN-PIERRE DE LA FONTAINE',
      ['Ahmed al-Asmar', 'Jean-Pierre de la Fontaine'],
      undefined,
    ],
    ["By SEAN O'BRIEN", ["Sean O'Brien"], undefined],
    ['By İSMAİL YILMAZ', ['İsmail Yilmaz'], undefined],
    ['By Reuters', [], 'Reuters'],
  ])('%s', (line, authors, affiliation) => {
    const byline = parseByline(line)
    expect(byline).toEqual({
      raw: line,
      authors,
      ...(affiliation === undefined ? {} : { affiliation }),
    })
  })

  it('keeps the raw line with its spaces collapsed', () => {
    expect(parseByline('  By   Jane\tDoe  ')?.raw).toBe('By Jane Doe')
  })
})

describe('parseByline: lines that are not bylines', () => {
  it.each([
    'By the time the ferry arrived, the port was closed.',
    'By Monday the plan had been dropped',
    'By late Monday, officials had counted 40 dead',
    'By Friday, Reuters reported the deal',
    'Bypass roads are closed',
    'Jane Doe',
    `By ${'Jane Doe and '.repeat(10)}John Roe`,
    'By 2025 the project will be finished',
  ])('%s', (line) => {
    expect(parseByline(line)).toBeUndefined()
  })
})

describe('titleCaseName', () => {
  it('title-cases words and hyphen or apostrophe parts', () => {
    expect(titleCaseName("JEAN-LUC D'ARCY")).toBe("Jean-Luc D'Arcy")
  })

  it('lower-cases particles after the first word, not as the first word', () => {
    expect(titleCaseName('VAN GOGH')).toBe('Van Gogh')
    expect(titleCaseName('VINCENT VAN GOGH')).toBe('Vincent van Gogh')
    expect(titleCaseName('AL-ASMAR AHMED')).toBe('Al-Asmar Ahmed')
  })
})
