import { describe, expect, it } from 'vitest'
import { snippetParts } from '../../../../renderer/src/search/snippet.ts'

const S = '\u{E000}'
const E = '\u{E001}'

describe('snippetParts', () => {
  it('splits matched and plain runs in order', () => {
    expect(snippetParts(`…a ${S}whale${E} song and ${S}whales${E}…`)).toEqual([
      { text: '…a ', match: false },
      { text: 'whale', match: true },
      { text: ' song and ', match: false },
      { text: 'whales', match: true },
      { text: '…', match: false },
    ])
  })

  it('keeps markup as text (the UI never parses it as HTML)', () => {
    expect(snippetParts(`<b>${S}x${E}</b>`)).toEqual([
      { text: '<b>', match: false },
      { text: 'x', match: true },
      { text: '</b>', match: false },
    ])
  })

  it('copes with an unclosed mark, a stray end mark and the barrier character', () => {
    expect(snippetParts(`a${E}b ${S}cut`)).toEqual([
      { text: 'a', match: false },
      { text: 'b ', match: false },
      { text: 'cut', match: true },
    ])
    expect(snippetParts('one\u{E002}two')).toEqual([{ text: 'one two', match: false }])
    expect(snippetParts('')).toEqual([])
  })
})
