import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { MAX_SNAP, snapToWords } from '../../../../shared/anchoring/snap-to-words.ts'
import { selectionArb } from './arbitraries.ts'

/** The text a selection snaps to. */
function snapped(text: string, from: string, to: string, locale?: string): string {
  const start = text.indexOf(from)
  const end = text.indexOf(to, start) + to.length
  const r = snapToWords(text, start, end, locale)
  return text.slice(r.start, r.end)
}

describe('snapToWords', () => {
  const en = "The council met on Wednesday. It didn't agree to the 3.5% rise in well-known fees."

  it('widens a selection that cuts words to the whole words', () => {
    expect(snapped(en, 'on W', 'Wednes')).toBe('on Wednesday')
    expect(snapped(en, 'ncil', 'ncil m')).toBe('council met')
    expect(snapped(en, "dn'", "dn'")).toBe("didn't")
    expect(snapped(en, '.5', '.5')).toBe('3.5')
    expect(snapped(en, 'known', 'kno')).toBe('known')
  })

  it('keeps punctuation the person chose and trims whitespace at the edges', () => {
    expect(snapped(en, 'Wednesday.', 'Wednesday.')).toBe('Wednesday.')
    expect(snapped(en, ' council ', ' council ')).toBe('council')
    expect(snapped(en, 'It', 'It')).toBe('It')
  })

  it('snaps Chinese and Japanese to dictionary words, not to whole sentences', () => {
    const zh = '我们今天在北京召开了新闻发布会。'
    expect(snapped(zh, '天', '天', 'zh')).toBe('今天')
    expect(snapped(zh, '北京', '北京', 'zh')).toBe('北京')
    const ja = '東京都は明日から新しい規則を導入します。'
    expect(snapped(ja, '京', '京', 'ja').length).toBeLessThanOrEqual(3)
    expect(snapped(ja, '京', '京', 'ja')).toContain('東京')
  })

  it('keeps right-to-left words and emoji clusters whole', () => {
    const ar = 'قال المتحدث باسم الحكومة'
    expect(snapped(ar, 'لمتح', 'لمتح', 'ar')).toBe('المتحدث')
    expect(snapped('emoji 👍🏽 ok', '👍', '👍')).toBe('👍🏽')
  })

  it('leaves an edge alone inside a word longer than it may reach', () => {
    const long = `x ${'a'.repeat(MAX_SNAP * 3)} y`
    const r = snapToWords(long, 2 + MAX_SNAP * 1.5, 2 + MAX_SNAP * 1.5 + 2)
    expect(r).toEqual({ start: 2 + MAX_SNAP * 1.5, end: 2 + MAX_SNAP * 1.5 + 2 })
  })

  it('takes an unknown language tag as the defaults', () => {
    expect(snapped(en, 'Wed', 'Wed', 'not a tag!')).toBe('Wednesday')
  })

  it('always covers what was selected (but its outer whitespace) and stays in the text', () => {
    fc.assert(
      fc.property(selectionArb, ({ text, start, end }) => {
        const r = snapToWords(text, start, end)
        expect(r.start).toBeGreaterThanOrEqual(0)
        expect(r.end).toBeLessThanOrEqual(text.length)
        expect(r.start).toBeLessThanOrEqual(r.end)
        const inner = text.slice(start, end).trim()
        if (inner !== '') expect(text.slice(r.start, r.end)).toContain(inner)
        // Snapping again changes nothing.
        expect(snapToWords(text, r.start, r.end)).toEqual(r)
      }),
      { numRuns: 300 },
    )
  })
})

describe('snapToWords with ranges that are not selections', () => {
  it('hands them back unchanged, for the caller to refuse', () => {
    expect(snapToWords('some text', 5, 500)).toEqual({ start: 5, end: 500 })
    expect(snapToWords('some text', -1, 3)).toEqual({ start: -1, end: 3 })
    expect(snapToWords('some text', 4, 4)).toEqual({ start: 4, end: 4 })
  })
})
