// Tests for splitParagraphs and looksHardWrapped.
import { describe, expect, it } from 'vitest'
import {
  looksHardWrapped,
  splitParagraphs,
} from '../../../../../../main/archive/import/text/paragraphs.ts'

const WRAPPED = [
  'The harbour committee met on Thursday evening to discuss the timetable for',
  'the new ferry link, the cost of dredging the outer basin and the future of',
  'the old customs house on the quay.',
]

describe('splitParagraphs', () => {
  it('treats every non-empty line as a paragraph when there are no blank lines', () => {
    expect(splitParagraphs(['One.', 'Two', '  Three  '])).toEqual(['One.', 'Two', 'Three'])
  })

  it('splits on blank lines when the body has them', () => {
    expect(splitParagraphs(['One.', '', 'Two.', '   ', '', 'Three.'])).toEqual([
      'One.',
      'Two.',
      'Three.',
    ])
  })

  it('joins hard-wrapped lines inside a block', () => {
    expect(splitParagraphs([...WRAPPED, '', 'Next.'])).toEqual([WRAPPED.join(' '), 'Next.'])
  })

  it('keeps short lines inside a block as paragraphs of their own', () => {
    expect(splitParagraphs(['Intro.', '', 'Items:', '- fees', '- dates'])).toEqual([
      'Intro.',
      'Items:',
      '- fees',
      '- dates',
    ])
  })

  it('collapses runs of spaces and tabs', () => {
    expect(splitParagraphs(['  Lots \t of   space  '])).toEqual(['Lots of space'])
  })

  it('ignores leading and trailing blank lines', () => {
    expect(splitParagraphs(['', '', 'Only one.', '', ''])).toEqual(['Only one.'])
  })
})

describe('looksHardWrapped', () => {
  it('recognises lines broken at a fixed width mid-sentence', () => {
    expect(looksHardWrapped(WRAPPED)).toBe(true)
  })

  it('rejects a single line', () => {
    expect(looksHardWrapped([WRAPPED[0] ?? ''])).toBe(false)
  })

  it('rejects long lines that each end a sentence', () => {
    const sentence = 'A long line that is its own paragraph and ends with a full stop here.'
    expect(looksHardWrapped([sentence, sentence, sentence])).toBe(false)
  })

  it('rejects lines far longer than a wrap width', () => {
    const long = 'word '.repeat(40).trim()
    expect(looksHardWrapped([long, long])).toBe(false)
  })
})
