import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  parseOpml,
  serializeOpml,
  type OpmlSubscription,
} from '../../../../../main/archive/import/feeds/opml.ts'
import { bytes, fixture } from './fixtures.ts'

describe('parseOpml', () => {
  it('flattens nested outlines, keeps folders as categories, drops duplicates and non-feeds', () => {
    expect(parseOpml(fixture('subscriptions.opml'))).toEqual([
      {
        title: 'Harbour Gazette',
        xmlUrl: 'https://gazette.example/feed.rss',
        htmlUrl: 'https://gazette.example/',
        category: 'News',
      },
      {
        title: 'Tides & Moons',
        xmlUrl: 'https://blog.example/feed.atom',
        category: 'News / Science',
      },
      { title: 'Loose feed', xmlUrl: 'http://loose.example/rss' },
    ])
  })

  it('refuses entity declarations and files that are not OPML', () => {
    const bomb = '<?xml version="1.0"?><!DOCTYPE opml [<!ENTITY a "aaaa">]><opml><body/></opml>'
    expect(() => parseOpml(bytes(bomb))).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }))
    expect(() => parseOpml(bytes('<rss version="2.0"></rss>'))).toThrow(
      expect.objectContaining({ code: 'UNSUPPORTED_FORMAT' }),
    )
    expect(() => parseOpml(bytes(''))).toThrow(expect.objectContaining({ code: 'EMPTY' }))
  })
})

describe('serializeOpml', () => {
  it('writes OPML 2.0 with escaped attributes', () => {
    const xml = serializeOpml([
      { title: 'A "quoted" <b>&</b>', xmlUrl: 'https://e.example/f?a=1&b=2' },
    ])
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<opml version="2.0">/)
    expect(xml).toContain('text="A &quot;quoted&quot; &lt;b&gt;&amp;&lt;/b&gt;"')
    expect(xml).toContain('xmlUrl="https://e.example/f?a=1&amp;b=2"')
  })

  it('round-trips the fixture', () => {
    const subs = parseOpml(fixture('subscriptions.opml'))
    expect(parseOpml(bytes(serializeOpml(subs)))).toEqual(subs)
  })

  it('round-trips any titles, URLs and categories', () => {
    const title = fc
      .string({ unit: 'binary', maxLength: 40 })
      .map((s) => s.replace(/\s+/g, ' ').trim())
    const sub = fc.record(
      {
        title: title.filter((t) => t !== ''),
        xmlUrl: fc.webUrl({ withQueryParameters: true, withFragments: true }),
        htmlUrl: fc.webUrl(),
        category: title.filter((t) => t !== '' && !t.includes(' / ')),
      },
      { requiredKeys: ['title', 'xmlUrl'] },
    )
    fc.assert(
      fc.property(
        fc.uniqueArray(sub, { selector: (s) => new URL(s.xmlUrl).href, maxLength: 6 }),
        (subs) => {
          const clean = subs
            .map((s) => ({
              ...s,
              title: stripInvalidXml(s.title),
              ...(s.category ? { category: stripInvalidXml(s.category) } : {}),
            }))
            .filter((s) => s.title !== '' && s.category !== '')
          const back = parseOpml(bytes(serializeOpml(clean)))
          const want = groupByCategory(clean).map((s) => ({
            ...s,
            xmlUrl: new URL(s.xmlUrl).href,
            ...(s.htmlUrl ? { htmlUrl: new URL(s.htmlUrl).href } : {}),
          }))
          expect(back).toEqual(want)
        },
      ),
      { numRuns: 150 },
    )
  })
})

function stripInvalidXml(s: string): string {
  return s
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/\s+/g, ' ')
    .trim()
}

/** serializeOpml writes one folder per category, in order of first appearance. */
function groupByCategory(subs: OpmlSubscription[]): OpmlSubscription[] {
  const order: string[] = []
  for (const s of subs) if (!order.includes(s.category ?? '')) order.push(s.category ?? '')
  return order.flatMap((c) => subs.filter((s) => (s.category ?? '') === c))
}
