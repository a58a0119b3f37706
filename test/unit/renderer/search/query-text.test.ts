import { describe, expect, it } from 'vitest'
import { queryChips } from '../../../../shared/search/parser.ts'
import {
  clampSpan,
  isSameQuery,
  removeSpan,
  withTag,
} from '../../../../renderer/src/search/query-text.ts'

/** Removes the chip whose canonical text is `text`, as the chip's x does. */
function removeChip(input: string, text: string): string {
  const parsed = queryChips(input)
  if (!parsed.ok) throw new Error(parsed.error.message)
  const chip = parsed.chips.find((c) => c.text === text)
  if (!chip) throw new Error(`no chip ${text} in ${input}`)
  return removeSpan(input, chip)
}

describe('removeSpan', () => {
  it('cuts a chip out of the middle, the start or the end, leaving single spaces', () => {
    expect(removeChip('rafah tag:gaza is:unread', 'tag:gaza')).toBe('rafah is:unread')
    expect(removeChip('rafah tag:gaza is:unread', 'rafah')).toBe('tag:gaza is:unread')
    expect(removeChip('rafah tag:gaza is:unread', 'is:unread')).toBe('rafah tag:gaza')
    expect(removeChip('  "exact words"   -sport ', '"exact words"')).toBe('-sport ')
  })

  it('removes an OR clause whole, so no OR is left dangling', () => {
    const next = removeChip('gaza OR rafah -sport', 'gaza OR rafah')
    expect(next).toBe('-sport')
    expect(queryChips(next).ok).toBe(true)
  })

  it('leaves a query that still parses after any one chip is removed', () => {
    const input = 'ferry "old terminal" -car tag:"long reads" -is:read after:2024 words:>500'
    const parsed = queryChips(input)
    if (!parsed.ok) throw new Error(parsed.error.message)
    for (const chip of parsed.chips) {
      const next = removeSpan(input, chip)
      const again = queryChips(next)
      expect(again.ok).toBe(true)
      if (again.ok) expect(again.chips.map((c) => c.text)).not.toContain(chip.text)
    }
  })

  it('clamps spans that reach past the text', () => {
    expect(removeSpan('whale', { start: 3, end: 99 })).toBe('wha')
    expect(clampSpan({ start: 8, end: 4 }, 5)).toEqual({ start: 5, end: 5 })
  })
})

describe('withTag', () => {
  it('adds the sidebar tag after the text, quoting it when it has spaces', () => {
    expect(withTag('whale', undefined)).toBe('whale')
    expect(withTag('whale', 'travel')).toBe('whale tag:travel')
    expect(withTag('whale', 'long reads')).toBe('whale tag:"long reads"')
  })
})

describe('isSameQuery', () => {
  it('ignores spacing only', () => {
    expect(isSameQuery(' new  tag:travel', 'new tag:travel ')).toBe(true)
    expect(isSameQuery('new tag:travel', 'tag:travel new')).toBe(false)
  })
})
