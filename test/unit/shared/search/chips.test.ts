// queryChips: the parsed parts in input order, with the spans the UI cuts to remove a chip.
import { describe, expect, it } from 'vitest'
import { parseQuery, queryChips } from '../../../../shared/search/parser.ts'

describe('queryChips', () => {
  it('gives one chip per clause, exclusion and filter, in input order', () => {
    const input = 'Rafah OR gaza -sport tag:"two words" -is:read words:>500'
    const result = queryChips(input)
    expect(result).toEqual({
      ok: true,
      chips: [
        { kind: 'terms', negated: false, text: 'rafah OR gaza', start: 0, end: 13 },
        { kind: 'exclude', negated: true, text: '-sport', start: 14, end: 20 },
        {
          kind: 'filter',
          field: 'tag',
          negated: false,
          text: 'tag:"two words"',
          start: 21,
          end: 36,
        },
        { kind: 'filter', field: 'is', negated: true, text: '-is:read', start: 37, end: 45 },
        { kind: 'filter', field: 'words', negated: false, text: 'words:>=501', start: 46, end: 56 },
      ],
    })
    if (!result.ok) return
    expect(result.chips.map((c) => input.slice(c.start, c.end))).toEqual([
      'Rafah OR gaza',
      '-sport',
      'tag:"two words"',
      '-is:read',
      'words:>500',
    ])
  })

  it('removing a chip by its span leaves a query without that part', () => {
    const input = 'rafah tag:gaza is:unread'
    const result = queryChips(input)
    if (!result.ok) throw new Error(result.error.message)
    const tag = result.chips.find((c) => c.field === 'tag')
    if (!tag) throw new Error('no tag chip')
    const rest = input.slice(0, tag.start) + input.slice(tag.end)
    expect(parseQuery(rest)).toMatchObject({ ok: true, query: { tags: [], is: { unread: true } } })
  })

  it('has no chips for an empty query', () => {
    expect(queryChips('   ')).toEqual({ ok: true, chips: [] })
  })
})
