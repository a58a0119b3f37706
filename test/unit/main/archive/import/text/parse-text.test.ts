// Tests for parsePlainText: title, subtitle, byline, dateline, paragraphs and trailing furniture.
import { describe, expect, it } from 'vitest'
import { TextImportError } from '../../../../../../main/archive/import/text/errors.ts'
import { parsePlainText } from '../../../../../../main/archive/import/text/parse-text.ts'

const lines = (...rows: string[]): string => rows.join('\n')

describe('parsePlainText: title', () => {
  it('takes the first non-empty line as written, trimmed, tabs made spaces', () => {
    const parsed = parsePlainText(lines('', '  \t', '  Ferry  link\tapproved  ', '', 'Body text.'))
    expect(parsed.title).toBe('Ferry  link approved')
    expect(parsed.paragraphs).toEqual(['Body text.'])
  })

  it('throws EMPTY for text with no lines', () => {
    expect(() => parsePlainText('  \n\t\n')).toThrowError(TextImportError)
    expect(() => parsePlainText('')).toThrowError('the file is empty')
  })

  it('accepts a title with no body', () => {
    expect(parsePlainText('Only a title')).toEqual({
      title: 'Only a title',
      authors: [],
      paragraphs: [],
    })
  })

  it('reads CRLF text like LF text', () => {
    const crlf = parsePlainText('Title\r\n\r\nFirst.\r\n\r\nSecond.\r\n')
    expect(crlf).toEqual({ title: 'Title', authors: [], paragraphs: ['First.', 'Second.'] })
  })
})

describe('parsePlainText: subtitle', () => {
  it('takes a line followed by a byline, even one ending in a full stop', () => {
    const parsed = parsePlainText(lines('Title', 'A dek that ends.', 'By Jane Doe', 'Body.'))
    expect(parsed.subtitle).toBe('A dek that ends.')
    expect(parsed.authors).toEqual(['Jane Doe'])
    expect(parsed.paragraphs).toEqual(['Body.'])
  })

  it('takes a standalone line without final punctuation when more text follows', () => {
    const parsed = parsePlainText(lines('Title', '', 'Ferries return to the island', '', 'Body.'))
    expect(parsed.subtitle).toBe('Ferries return to the island')
    expect(parsed.paragraphs).toEqual(['Body.'])
  })

  it.each([
    ['a full stop', 'The first paragraph ends with a full stop.'],
    ['a question mark in quotes', 'He asked: “Why now?”'],
    ['a colon', 'The committee listed three demands:'],
    ['an ellipsis', 'And then the lights went out…'],
  ])('gives no subtitle when the first line ends with %s', (_name, first) => {
    const parsed = parsePlainText(lines('Title', '', first, '', 'Second paragraph.'))
    expect(parsed.subtitle).toBeUndefined()
    expect(parsed.paragraphs).toEqual([first, 'Second paragraph.'])
  })

  it('gives no subtitle when nothing follows', () => {
    const parsed = parsePlainText(lines('Title', '', 'A lone line without a stop'))
    expect(parsed.subtitle).toBeUndefined()
    expect(parsed.paragraphs).toEqual(['A lone line without a stop'])
  })

  it('gives no subtitle to a line of 300 characters or more', () => {
    const long = 'word '.repeat(60).trim()
    expect(long.length).toBeGreaterThanOrEqual(299)
    const parsed = parsePlainText(lines('Title', '', `${long} more`, '', 'Body.'))
    expect(parsed.subtitle).toBeUndefined()
  })

  it('gives no subtitle to the first line of a block that goes on', () => {
    const parsed = parsePlainText(
      lines('Title', '', 'Short opening line', 'continues here.', '', 'Next.'),
    )
    expect(parsed.subtitle).toBeUndefined()
    expect(parsed.paragraphs).toEqual(['Short opening line', 'continues here.', 'Next.'])
  })

  it('gives no subtitle to a first paragraph that opens with a dateline', () => {
    const parsed = parsePlainText(lines('Title', 'LONDON (Reuters) - Shares fell', 'More.'))
    expect(parsed.subtitle).toBeUndefined()
    expect(parsed.dateline?.place).toBe('LONDON')
    expect(parsed.paragraphs).toEqual(['Shares fell', 'More.'])
  })
})

describe('parsePlainText: byline', () => {
  it('reads a byline right after the title', () => {
    expect(parsePlainText(lines('Title', 'BY JANE DOE, Associated Press', 'Body.'))).toEqual({
      title: 'Title',
      byline: 'BY JANE DOE, Associated Press',
      authors: ['Jane Doe'],
      affiliation: 'Associated Press',
      paragraphs: ['Body.'],
    })
  })

  it('reads a byline after a blank line following the dek', () => {
    const parsed = parsePlainText(
      lines('Title', '', 'Dek here', '', 'By Jane Doe | Reuters', '', 'Body.'),
    )
    expect(parsed).toEqual({
      title: 'Title',
      subtitle: 'Dek here',
      byline: 'By Jane Doe | Reuters',
      authors: ['Jane Doe'],
      affiliation: 'Reuters',
      paragraphs: ['Body.'],
    })
  })

  it('does not look for a byline inside the body', () => {
    const parsed = parsePlainText(lines('Title', 'First.', 'Second.', 'By Jane Doe', 'Last.'))
    expect(parsed.byline).toBeUndefined()
    expect(parsed.subtitle).toBeUndefined()
    expect(parsed.authors).toEqual([])
    expect(parsed.paragraphs).toEqual(['First.', 'Second.', 'By Jane Doe', 'Last.'])
  })
})

describe('parsePlainText: dateline', () => {
  it('moves the dateline out of the first paragraph', () => {
    const parsed = parsePlainText(
      lines('Title', 'By Jane Doe', 'ANKARA (AA) – US Secretary of State spoke.', 'Second.'),
    )
    expect(parsed.dateline).toEqual({ place: 'ANKARA', agency: 'AA', raw: 'ANKARA (AA) –' })
    expect(parsed.paragraphs).toEqual(['US Secretary of State spoke.', 'Second.'])
  })

  it('drops a paragraph that held only the dateline', () => {
    const parsed = parsePlainText(lines('Title', '', 'WASHINGTON —', '', 'The Senate voted.'))
    expect(parsed.dateline).toEqual({ place: 'WASHINGTON', raw: 'WASHINGTON —' })
    expect(parsed.paragraphs).toEqual(['The Senate voted.'])
  })

  it('leaves a sentence that opens with an acronym alone', () => {
    const first = 'US officials said - without giving details - that talks would resume.'
    const parsed = parsePlainText(lines('Title', first, 'Second.'))
    expect(parsed.dateline).toBeUndefined()
    expect(parsed.paragraphs).toEqual([first, 'Second.'])
  })

  it('only looks at the first paragraph', () => {
    const parsed = parsePlainText(lines('Title', 'First.', 'LONDON (Reuters) - Later.'))
    expect(parsed.dateline).toBeUndefined()
    expect(parsed.paragraphs).toEqual(['First.', 'LONDON (Reuters) - Later.'])
  })
})

describe('parsePlainText: trailing furniture', () => {
  it('drops furniture after the last paragraph but keeps look-alikes in the body', () => {
    const parsed = parsePlainText(
      lines(
        'Title',
        '',
        'First paragraph.',
        '',
        'Source: Reuters',
        '',
        'A source close to the talks said a deal was near.',
        '',
        'Kaynak:',
        'Bu haber 140 kez okundu',
        '',
        'Follow us on Twitter',
        '© 2024 Harbour Wire',
      ),
    )
    expect(parsed.paragraphs).toEqual([
      'First paragraph.',
      'Source: Reuters',
      'A source close to the talks said a deal was near.',
    ])
  })
})
