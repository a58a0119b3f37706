// parseQuery on malformed input: a message and the exact span the UI underlines.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseQuery, queryChips } from '../../../../shared/search/parser.ts'

function error(input: string) {
  const result = parseQuery(input)
  if (result.ok) throw new Error(`expected an error for ${input}`)
  return result.error
}

/** The underlined text, which is what a reader of the test can check at a glance. */
const underlined = (input: string) => {
  const { start, end } = error(input)
  return input.slice(start, end)
}

describe('parseQuery errors', () => {
  it.each([
    // [input, underlined part, start, a word of the message]
    ['rafah "gaza strip', '"gaza strip', 6, 'never closed'],
    ['tag:"gaza', '"gaza', 4, 'never closed'],
    ['a "b" "c', '"c', 6, 'never closed'],
    ['rafah tag:', 'tag:', 6, 'needs a value'],
    ['tag: gaza', 'tag:', 0, 'needs a value'],
    ['tag:""', 'tag:""', 0, 'needs a value'],
    ['-is:', '-is:', 0, 'needs a value'],
    ['before:2024-13-45', '2024-13-45', 7, 'not a real date'],
    ['after:2023-02-29', '2023-02-29', 6, 'not a real date'],
    ['before:24-1-1', '24-1-1', 7, 'YYYY'],
    ['after:yesterday', 'yesterday', 6, 'YYYY'],
    ['words:>x', '>x', 6, 'expects a count'],
    ['words:<0', '<0', 6, 'fewer than 0'],
    ['words:800-100', '800-100', 6, 'backwards'],
    ['words:>99999999999', '>99999999999', 6, 'expects a count'],
    ['words:>200 words:<100', 'words:<100', 11, 'no possible count'],
    ['is:flying', 'flying', 3, 'expects one of unread'],
    ['is:unred', 'unred', 3, 'did you mean is:unread?'],
    ['color:teal', 'teal', 6, 'expects one of yellow'],
    ['has:comments', 'comments', 4, 'expects one of notes, highlights'],
    ['lang:english', 'english', 5, 'language code'],
    ['tag:a,b', 'a,b', 4, 'comma'],
    ['OR rafah', 'OR', 0, 'before it'],
    ['rafah OR', 'OR', 6, 'after it'],
    ['a OR OR b', 'OR', 5, 'twice'],
    ['a OR -b', '-b', 5, 'only join words'],
    ['a OR tag:x', 'tag:x', 5, 'only join words'],
    ['tag:x OR a', 'OR', 6, 'only join words'],
    ['-', '-', 0, 'lone "-"'],
    ['rafah - gaza', '-', 6, 'lone "-"'],
    ['rafah -', '-', 6, 'lone "-"'],
    ['foo:bar', 'foo:', 0, 'unknown filter foo:'],
    ['rafah -tags:gaza', 'tags:', 7, 'did you mean tag:?'],
    ['Colour:blue', 'Colour:', 0, 'did you mean color:?'],
    ['language:en', 'language:', 0, 'did you mean lang:?'],
    ['-source:bbc', '-', 0, 'cannot be excluded'],
    ['-before:2024', '-', 0, 'cannot be excluded'],
    ['is:read -is:read', '-is:read', 8, 'contradicts is:read'],
    ['-has:notes has:notes', 'has:notes', 11, 'contradicts -has:notes'],
    ['!!!', '!!!', 0, 'no letters or numbers'],
    ['a ""', '""', 2, 'no letters or numbers'],
    ['-"?"', '-"?"', 0, 'no letters or numbers'],
  ])('%s underlines %s', (input, part, start, words) => {
    const e = error(input)
    expect(underlined(input)).toBe(part)
    expect(e.start).toBe(start)
    expect(e.message).toContain(words)
  })

  it('suggests nothing for a filter far from every name, and says how to search the text', () => {
    expect(error('zzzzz:1').message).toMatch(
      /^unknown filter zzzzz: — filters are tag: is: .*quotes/,
    )
  })

  it('quoting an unknown filter makes it text', () => {
    expect(parseQuery('"foo:bar"').ok).toBe(true)
  })

  it('queryChips fails exactly as parseQuery does', () => {
    expect(queryChips('is:read -is:read')).toEqual(parseQuery('is:read -is:read'))
  })

  it('never throws, and every error span lies inside the input', () => {
    const syntax = fc.constantFrom(
      ' ',
      '"',
      '-',
      ':',
      'OR',
      'tag',
      'is',
      'words',
      '>',
      'x',
      '2024',
      'é',
    )
    const input = fc.oneof(
      fc.string({ unit: 'binary' }),
      fc.array(syntax, { maxLength: 12 }).map((parts) => parts.join('')),
    )
    fc.assert(
      fc.property(input, (s) => {
        const result = parseQuery(s)
        if (result.ok) return true
        const { start, end, message } = result.error
        return message.length > 0 && 0 <= start && start < end && end <= s.length
      }),
      { numRuns: 3000 },
    )
  })
})
