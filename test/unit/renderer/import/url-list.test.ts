import { describe, expect, it } from 'vitest'
import {
  asWebUrl,
  describeRejected,
  parseTags,
  parseUrlList,
  pastedUrls,
} from '../../../../renderer/src/import/url-list.ts'

describe('parseUrlList', () => {
  it('reads one address per line, in order, each once', () => {
    const text = 'https://a.example/one\n\n  http://b.example/two  \nhttps://a.example/one\n'
    expect(parseUrlList(text)).toEqual({
      urls: ['https://a.example/one', 'http://b.example/two'],
      rejected: [],
    })
  })

  it('takes addresses out of a heap of text separated by spaces, quotes and brackets', () => {
    const text = '<https://a.example/x>, "https://b.example/y". (https://c.example/z)'
    expect(parseUrlList(text).urls).toEqual([
      'https://a.example/x',
      'https://b.example/y',
      'https://c.example/z',
    ])
  })

  it('keeps a closing bracket that belongs to the address', () => {
    expect(parseUrlList('see https://en.wikipedia.org/wiki/Foo_(bar).').urls).toEqual([
      'https://en.wikipedia.org/wiki/Foo_(bar)',
    ])
  })

  it('reports every line that is not an address, by its number and why', () => {
    const text =
      'ftp://files.example/a\nwww.example.com\n\njavascript:alert(1)\nnot a url\nhttps://ok.example/x'
    const r = parseUrlList(text)
    expect(r.urls).toEqual(['https://ok.example/x'])
    expect(r.rejected).toEqual([
      {
        line: 1,
        text: 'ftp://files.example/a',
        reason: 'is not a web address: only http:// and https:// pages can be imported',
      },
      { line: 2, text: 'www.example.com', reason: 'needs http:// or https:// in front' },
      {
        line: 4,
        text: 'javascript:alert(1)',
        reason: 'is not a web address: only http:// and https:// pages can be imported',
      },
      { line: 5, text: 'not a url', reason: 'is not a web address' },
    ])
    expect(describeRejected(r.rejected[3]!)).toBe('Line 5: “not a url” is not a web address')
  })

  it('keeps the addresses of a line and reports the rest of it', () => {
    const r = parseUrlList('Great read: https://a.example/x\r\nhttps://b.example/y')
    expect(r.urls).toEqual(['https://a.example/x', 'https://b.example/y'])
    expect(r.rejected).toEqual([{ line: 1, text: 'Great read', reason: 'is not a web address' }])
  })

  it('refuses other schemes, including ones dressed up as http', () => {
    expect(asWebUrl('javascript://https://x')).toBeNull()
    expect(asWebUrl('data:text/html,hi')).toBeNull()
    expect(asWebUrl('https://')).toBeNull()
    expect(asWebUrl('HTTPS://Example.COM/a')).toBe('https://example.com/a')
  })
})

describe('pastedUrls', () => {
  it('offers an import only when the paste is nothing but addresses', () => {
    expect(pastedUrls('https://a.example/1 https://b.example/2\n')).toEqual([
      'https://a.example/1',
      'https://b.example/2',
    ])
    expect(pastedUrls('read this: https://a.example/1')).toEqual([])
    expect(pastedUrls('   ')).toEqual([])
  })
})

describe('parseTags', () => {
  it('splits on commas, trims, drops empties and repeats', () => {
    expect(parseTags(' news, gaza/rafah ,, news ,later ')).toEqual(['news', 'gaza/rafah', 'later'])
    expect(parseTags('')).toEqual([])
  })
})
