import { describe, expect, it } from 'vitest'
import { canonicalUrlKey } from '../../../../../main/archive/import/canonical-url.ts'

describe('canonicalUrlKey', () => {
  const same = [
    ['https://www.example.com/news/story', 'http://example.com/news/story/'],
    ['https://example.com/a?utm_source=x&utm_medium=rss&id=3', 'https://example.com/a?id=3'],
    ['https://example.com/a?fbclid=abc', 'https://example.com/a#comments'],
    ['https://m.example.com/a', 'https://example.com/a'],
    ['https://amp.example.com/a/amp', 'https://example.com/a'],
    ['https://example.com/a.amp.html', 'https://example.com/a.html'],
    ['https://example.com/amp/a', 'https://example.com/a'],
    ['https://example.com/a?b=2&a=1', 'https://example.com/a?a=1&b=2'],
    ['https://EXAMPLE.com:443/a', 'https://example.com/a'],
  ]
  it.each(same)('%s is the same article as %s', (a, b) => {
    expect(canonicalUrlKey(a)).toBe(canonicalUrlKey(b))
    expect(canonicalUrlKey(a)).not.toBeNull()
  })

  const different = [
    ['https://example.com/a', 'https://example.com/b'],
    ['https://example.com/a?id=1', 'https://example.com/a?id=2'],
    ['https://example.com/a', 'https://example.org/a'],
    ['https://example.com:8080/a', 'https://example.com/a'],
    // A two-label host keeps its first label: m.co is not co.
    ['https://m.co/a', 'https://co/a'],
  ]
  it.each(different)('%s is not %s', (a, b) => {
    expect(canonicalUrlKey(a)).not.toBe(canonicalUrlKey(b))
  })

  it('refuses what is not an http(s) address', () => {
    for (const url of [
      'javascript:alert(1)',
      'file:///etc/passwd',
      'not a url',
      '',
      'mailto:a@b.c',
    ])
      expect(canonicalUrlKey(url)).toBeNull()
  })
})
