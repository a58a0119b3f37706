import { describe, expect, it } from 'vitest'
import { compareLocations, locationLabel, type Location } from '../../../shared/book.ts'

describe('compareLocations', () => {
  it('orders places of one type by value, those without a value last', () => {
    const places: (Location | undefined)[] = [
      { type: 'location', value: 812 },
      undefined,
      { type: 'location', value: 112 },
      { type: 'location', label: 'xii' },
      { type: 'location', value: 240, end: 246 },
    ]
    expect(places.sort(compareLocations).map((l) => l && locationLabel(l))).toEqual([
      'location 112',
      'location 240–246',
      'location 812',
      'location xii',
      undefined,
    ])
  })

  it('never puts page 31 before location 112 by their numbers: types sort apart', () => {
    const places: Location[] = [
      { type: 'page', value: 31 },
      { type: 'location', value: 812 },
      { type: 'location', value: 112 },
      { type: 'page', value: 4 },
    ]
    expect(places.sort(compareLocations).map(locationLabel)).toEqual([
      'location 112',
      'location 812',
      'page 4',
      'page 31',
    ])
  })
})

describe('locationLabel', () => {
  it('says each type as people write it', () => {
    expect(locationLabel({ type: 'percent', value: 87.5 })).toBe('87.5 %')
    expect(locationLabel({ type: 'time', value: 3723 })).toBe('1:02:03')
    expect(locationLabel({ type: 'order', value: 3 })).toBe('#3')
    expect(locationLabel({ type: 'chapter', label: 'Chapter 2' })).toBe('Chapter 2')
    expect(locationLabel({ type: 'page', value: 12, chapter: 'One' })).toBe('One · page 12')
    expect(locationLabel({ type: 'other', value: 7, sourceType: 'sidebar' })).toBe('sidebar 7')
    expect(locationLabel(undefined)).toBe('')
  })
})
