// The sidebar's tag tree and the tag field's suggestions.
import { describe, expect, it } from 'vitest'
import { tagTree } from '../../../../renderer/src/tags/tag-tree.ts'
import { tagSuggestions } from '../../../../renderer/src/tags/tag-suggestions.ts'

const tag = (name: string, count = 1) => ({ name, count, color: '#123456' })

describe('tagTree', () => {
  it('hangs nested tags under their parent, adding parents no article carries', () => {
    const tree = tagTree([tag('region/gaza'), tag('news', 3), tag('region/west/bank')])
    expect(tree.map((n) => [n.name, n.tag?.count])).toEqual([
      ['news', 3],
      ['region', undefined],
    ])
    const region = tree[1]!
    expect(region.children.map((n) => n.label)).toEqual(['gaza', 'west'])
    expect(region.children[1]!.children[0]).toMatchObject({
      name: 'region/west/bank',
      label: 'bank',
    })
  })
})

describe('tagSuggestions', () => {
  const all = [tag('travel', 5), tag('gardens', 2), tag('art/travel', 9)]

  it('puts prefix matches first, skips tags already on the article, offers to create', () => {
    expect(tagSuggestions('tra', all, [])).toEqual([
      { name: 'travel', isNew: false },
      { name: 'art/travel', isNew: false },
      { name: 'tra', isNew: true },
    ])
    expect(tagSuggestions('travel', all, ['travel'])).toEqual([
      { name: 'art/travel', isNew: false },
    ])
  })

  it('offers nothing for blank input and no "create" for an existing name', () => {
    expect(tagSuggestions('  ', [], [])).toEqual([])
    expect(tagSuggestions('Gardens', all, []).some((s) => s.isNew)).toBe(false)
  })
})
