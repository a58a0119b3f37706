// The lexer: text, quoted text, field filters and OR, each with its span.
import { describe, expect, it } from 'vitest'
import { lex } from '../../../../shared/search/tokenizer.ts'

const lexemes = (input: string) => {
  const result = lex(input)
  if (!result.ok) throw new Error(result.error.message)
  return result.lexemes
}

describe('lex', () => {
  it('splits words, quotes and OR with spans', () => {
    expect(lexemes(' rafah "gaza strip" OR -aid')).toEqual([
      { type: 'text', negated: false, quoted: false, text: 'rafah', start: 1, end: 6 },
      { type: 'text', negated: false, quoted: true, text: 'gaza strip', start: 7, end: 19 },
      { type: 'or', start: 20, end: 22 },
      { type: 'text', negated: true, quoted: false, text: 'aid', start: 23, end: 27 },
    ])
  })

  it('reads a field with a bare or quoted value', () => {
    expect(lexemes('-tag:"two words" url:https://aa.com.tr/x')).toEqual([
      {
        type: 'field',
        negated: true,
        name: 'tag',
        value: 'two words',
        quoted: true,
        nameStart: 1,
        valueStart: 5,
        valueEnd: 16,
        start: 0,
        end: 16,
      },
      {
        type: 'field',
        negated: false,
        name: 'url',
        value: 'https://aa.com.tr/x',
        quoted: false,
        nameStart: 17,
        valueStart: 21,
        valueEnd: 40,
        start: 17,
        end: 40,
      },
    ])
  })

  it('keeps URL-like words, times and lower-case or as text', () => {
    expect(lexemes('https://x.org 10:30 or -OR').map((l) => l.type)).toEqual([
      'text',
      'text',
      'text',
      'text',
    ])
  })

  it('reads a known filter name before // as a filter', () => {
    expect(lexemes('url://x TAG://').map((l) => (l.type === 'field' ? l.value : l.type))).toEqual([
      '//x',
      '//',
    ])
  })

  it('ends a bare run at a quote', () => {
    expect(lexemes('ab"cd"').map((l) => (l.type === 'text' ? l.text : l.type))).toEqual([
      'ab',
      'cd',
    ])
  })

  it('keeps a colon inside a quoted phrase as text', () => {
    expect(lexemes('"see https://aa.com.tr today"')).toMatchObject([
      { type: 'text', quoted: true, text: 'see https://aa.com.tr today' },
    ])
  })
})
