// Tests for countWords and readingMinutes.
import { describe, expect, it } from 'vitest'
import {
  countWords,
  readingMinutes,
} from '../../../../../../main/archive/import/text/word-count.ts'

describe('countWords', () => {
  it('counts words across paragraphs', () => {
    expect(countWords(['One two three.', 'Four, five; six!'])).toBe(6)
  })

  it('keeps contractions, hyphenated words and grouped numbers whole', () => {
    expect(countWords(["Don't stop the cease-fire: 1,200 people and 3.5 tonnes"])).toBe(9)
  })

  it('counts non-Latin scripts and ignores punctuation-only tokens', () => {
    expect(
      countWords(['Türkçe karakter – “yorumlar” onaylanır …', 'Привет мир', 'नमस्ते दुनिया']),
    ).toBe(8)
  })

  it('counts each Chinese or Japanese character as a word', () => {
    expect(countWords(['北京欢迎你', 'Tokyo 東京'])).toBe(8)
  })

  it('is zero for nothing', () => {
    expect(countWords([])).toBe(0)
    expect(countWords(['', ' — '])).toBe(0)
  })
})

describe('readingMinutes', () => {
  it('is at least one minute for any text', () => {
    expect(readingMinutes(1)).toBe(1)
    expect(readingMinutes(238)).toBe(1)
  })

  it('rounds up at 238 words a minute', () => {
    expect(readingMinutes(239)).toBe(2)
    expect(readingMinutes(2380)).toBe(10)
  })

  it('is zero for no words', () => {
    expect(readingMinutes(0)).toBe(0)
  })
})
