// formatQuery prints the canonical string; parse(format(q)) gives q back.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { formatQuery } from '../../../../shared/search/formatter.ts'
import { parseQuery } from '../../../../shared/search/parser.ts'
import { QuerySchema, emptyQuery } from '../../../../shared/search/query.ts'
import type { Query } from '../../../../shared/search/query.ts'
import { query } from './arbitraries.ts'

function parse(input: string): Query {
  const result = parseQuery(input)
  if (!result.ok) throw new Error(`${result.error.message} in ${input}`)
  return result.query
}
const canonical = (input: string) => formatQuery(parse(input))

describe('formatQuery', () => {
  it('prints the empty query as an empty string', () => {
    expect(formatQuery(emptyQuery())).toBe('')
  })

  it.each([
    ['  Rafah   tag:gaza  ', 'rafah tag:gaza'],
    ['"Rafah" "Gaza - Strip" e-mail', '"rafah" "gaza strip" "e mail"'],
    ['b OR "c d" a', 'b OR "c d" a'],
    ['-is:read -tag:x a -b', 'a -b -tag:x -is:read'],
    ['tag:"two words" author:"Jane Doe"', 'tag:"two words" author:"Jane Doe"'],
    [
      'color:blue has:notes words:>500 before:2024 after:2023-06 lang:EN',
      'lang:en after:2023-06-01 before:2024-01-01 words:>=501 has:notes color:blue',
    ],
    ['words:<300', 'words:<=299'],
    ['words:10-20 words:15', 'words:15'],
    [
      'IS:Favorite source:aa.com.tr url:https://x.org/a',
      'is:favorite source:aa.com.tr url:https://x.org/a',
    ],
  ])('%s prints as %s', (input, output) => {
    expect(canonical(input)).toBe(output)
  })

  it('prints the architecture example unchanged', () => {
    const example = 'rafah tag:gaza is:unread source:aa.com.tr before:2024-06-01 has:notes'
    expect(canonical(example)).toBe(example)
  })

  it('round-trips every generated query: parse(format(q)) equals q', () => {
    fc.assert(
      fc.property(query, (q) => {
        expect(QuerySchema.parse(q)).toEqual(q)
        expect(parseQuery(formatQuery(q))).toEqual({ ok: true, query: q })
      }),
      { numRuns: 1000 },
    )
  })

  it('is a fixed point on whatever the parser accepts', () => {
    const piece = fc.constantFrom(
      'rafah',
      'Türkiye',
      '"gaza strip"',
      '-aid',
      'OR',
      'tag:gaza',
      '-tag:"a b"',
      'is:read',
      '-is:unread',
      'words:>10',
      'words:<900',
      'after:2024',
      'before:2025-02',
      'has:notes',
      'color:pink',
      'lang:en',
      'e-mail',
      '"x"',
      'source:bbc',
    )
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 10 }), (pieces) => {
        const result = parseQuery(pieces.join(' '))
        if (!result.ok) return
        const once = formatQuery(result.query)
        expect(parseQuery(once)).toEqual(result)
        expect(canonical(once)).toBe(once)
      }),
      { numRuns: 1000 },
    )
  })
})
