import { describe, expect, it } from 'vitest'
import { ImportFailure } from '../../../../../main/archive/import/extracted.ts'
import { MAX_FEED_BYTES, parseFeed } from '../../../../../main/archive/import/feeds/parse-feed.ts'
import { bytes, fixture } from './fixtures.ts'

function failure(fn: () => unknown): ImportFailure {
  try {
    fn()
  } catch (err) {
    if (err instanceof ImportFailure) return err
    throw err
  }
  throw new Error('expected an ImportFailure')
}

describe('parseFeed: RSS 2.0', () => {
  const feed = parseFeed(fixture('rss2.rss'))

  it('reads the channel', () => {
    expect(feed).toMatchObject({
      kind: 'rss',
      title: 'Harbour Gazette',
      siteUrl: 'https://gazette.example/',
      description: 'News from the harbour',
    })
    expect(feed.items).toHaveLength(3)
  })

  it('reads an item with content:encoded, resolving its relative link against the channel link', () => {
    const [first] = feed.items
    expect(first).toMatchObject({
      guid: 'gazette-1001',
      link: 'https://gazette.example/news/ferry-timetable',
      title: 'Ferry timetable changes & new routes',
      authors: ['Ana Ribeiro'],
      publishedAt: '2024-03-05T08:30:00.000Z',
      summaryHtml: 'Short teaser.',
      categories: ['Transport', 'Harbour'],
    })
    expect(first?.contentHtml).toContain('<b>timetable</b>')
  })

  it('keeps enclosures and uses the guid', () => {
    const second = feed.items[1]
    expect(second?.guid).toBe('https://gazette.example/news/council')
    expect(second?.enclosures).toEqual([
      { url: 'https://gazette.example/audio/council.mp3', type: 'audio/mpeg', length: 12345 },
    ])
    expect(second?.contentHtml).toBeUndefined()
  })

  it('gives an item with no guid or link a stable hash guid', () => {
    const third = feed.items[2]
    expect(third?.guid).toMatch(/^sha256:[0-9a-f]{32}$/)
    expect(parseFeed(fixture('rss2.rss')).items[2]?.guid).toBe(third?.guid)
    expect(third?.title).toBe('')
  })

  it('resolves links against the URL the feed was fetched from', () => {
    const text =
      '<rss version="2.0"><channel><title>t</title><item><title>a</title><link>p/1</link></item></channel></rss>'
    const f = parseFeed(bytes(text), { url: 'https://host.example/feeds/main.xml' })
    expect(f.items[0]?.link).toBe('https://host.example/feeds/p/1')
  })

  it('drops links with schemes other than http(s)', () => {
    const text =
      '<rss version="2.0"><channel><title>t</title><item><title>a</title><link>javascript:alert(1)</link></item></channel></rss>'
    expect(parseFeed(bytes(text)).items[0]?.link).toBeUndefined()
  })
})

describe('parseFeed: Atom', () => {
  const feed = parseFeed(fixture('atom.atom'))

  it('reads text constructs as plain text and resolves nested xml:base', () => {
    expect(feed.kind).toBe('atom')
    expect(feed.title).toBe('Notes from the field')
    expect(feed.siteUrl).toBe('https://blog.example/')
    const [first, second] = feed.items
    expect(first).toMatchObject({
      guid: 'tag:blog.example,2024:1',
      title: 'Tides and moons',
      link: 'https://blog.example/base/posts/tides.html',
      authors: ['Maria Lopes'],
      publishedAt: '2024-03-01T06:00:00.000Z',
      updatedAt: '2024-03-02T08:00:00.000Z',
      contentHtml: '<p>The tide comes in twice a day.</p>',
      categories: ['Science'],
    })
    // No author of its own: the feed's author stands in.
    expect(second?.authors).toEqual(['Feed Author'])
    expect(second?.summaryHtml).toBe('<p>Text with &lt;tags&gt; that must stay text.</p>')
    // Only <updated>: that is its date (Atom requires <updated>, not <published>).
    expect(second?.publishedAt).toBe('2024-03-03T08:00:00.000Z')
  })
})

describe('parseFeed: RSS 1.0 and JSON Feed', () => {
  it('reads RDF items', () => {
    const feed = parseFeed(fixture('rdf.rdf'))
    expect(feed.kind).toBe('rdf')
    expect(feed.items[0]).toMatchObject({
      guid: 'https://journal.example/a1',
      link: 'https://journal.example/a1',
      title: 'First article',
      authors: ['Lee, K.'],
      publishedAt: '2017-06-15T17:29:47.000Z',
    })
  })

  it('reads JSON Feed items, escaping content_text', () => {
    const feed = parseFeed(fixture('feed.json'))
    expect(feed).toMatchObject({
      kind: 'json',
      title: 'JSON Journal',
      siteUrl: 'https://json.example/',
    })
    expect(feed.items[0]).toMatchObject({
      guid: '42',
      link: 'https://json.example/posts/42',
      contentHtml: '<p>Full <em>body</em> here.</p>',
      authors: ['Editor'],
      categories: ['json', 'feeds'],
      publishedAt: '2024-01-02T03:04:05.000Z',
    })
    expect(feed.items[1]?.summaryHtml).toBe('<p>Line &lt;one&gt; &amp; two</p>')
    expect(feed.items[1]?.authors).toEqual(['Writer'])
  })
})

describe('parseFeed: encodings', () => {
  it('decodes a Latin-1 feed from its XML declaration', () => {
    const text =
      '<?xml version="1.0" encoding="ISO-8859-1"?><rss version="2.0"><channel><title>Notícias</title><item><title>Mãe é</title></item></channel></rss>'
    const feed = parseFeed(Buffer.from(text, 'latin1'))
    expect(feed.title).toBe('Notícias')
    expect(feed.items[0]?.title).toBe('Mãe é')
  })

  it('falls back to Windows-1252 for undeclared non-UTF-8 bytes', () => {
    const text =
      '<rss version="2.0"><channel><title>Caf\u00e9 \u201cquotes\u201d</title></channel></rss>'
    expect(parseFeed(win1252(text)).title).toBe('Café “quotes”')
  })

  it('decodes UTF-16 with a BOM', () => {
    const text =
      '\uFEFF<?xml version="1.0" encoding="UTF-16"?><rss version="2.0"><channel><title>Ωmega</title></channel></rss>'
    expect(parseFeed(Buffer.from(text, 'utf16le')).title).toBe('Ωmega')
  })
})

describe('parseFeed: hostile and broken input', () => {
  it('refuses a billion-laughs DOCTYPE without expanding it', () => {
    // Refused for its entities, before any expansion (an expansion would not end in time).
    const err = failure(() => parseFeed(fixture('billion-laughs.xml')))
    expect(err.code).toBe('INVALID_INPUT')
    expect(err.message).toMatch(/entities/)
  })

  it('refuses an external entity (XXE) and never reads the file', () => {
    const err = failure(() => parseFeed(fixture('xxe.xml')))
    expect(err.code).toBe('INVALID_INPUT')
    expect(err.message).not.toContain('root:')
  })

  it('accepts a harmless RSS 0.91 DOCTYPE', () => {
    const feed = parseFeed(fixture('rss091-doctype.rss'))
    expect(feed.items.map((i) => i.title)).toEqual(['Legacy item'])
  })

  it('refuses an unfinished DOCTYPE', () => {
    expect(failure(() => parseFeed(bytes('<!DOCTYPE rss [ <rss>'))).code).toBe('INVALID_INPUT')
  })

  it('tells a web page and an OPML file apart from a feed', () => {
    expect(failure(() => parseFeed(bytes('<html><body>hi</body></html>'))).message).toMatch(
      /web page/,
    )
    expect(failure(() => parseFeed(bytes('<opml version="2.0"><body/></opml>'))).message).toMatch(
      /OPML/,
    )
  })

  it('names damaged JSON and JSON that is not a feed', () => {
    expect(failure(() => parseFeed(bytes('{"version": '))).code).toBe('INVALID_INPUT')
    expect(failure(() => parseFeed(bytes('{"a": 1}'))).code).toBe('UNSUPPORTED_FORMAT')
  })

  it('refuses empty and oversized input', () => {
    expect(failure(() => parseFeed(bytes('   '))).code).toBe('EMPTY')
    expect(failure(() => parseFeed(new Uint8Array(MAX_FEED_BYTES + 1))).code).toBe('TOO_LARGE')
  })

  it('caps the number of items', () => {
    const items = '<item><title>x</title></item>'.repeat(10_050)
    const feed = parseFeed(
      bytes(`<rss version="2.0"><channel><title>t</title>${items}</channel></rss>`),
    )
    expect(feed.items).toHaveLength(10_000)
  })
})

function win1252(text: string): Uint8Array {
  const map: Record<string, number> = { '\u201c': 0x93, '\u201d': 0x94 }
  return Uint8Array.from([...text].map((c) => map[c] ?? c.charCodeAt(0)))
}

describe('parseFeed: DOCTYPEs inside content', () => {
  it('leaves HTML pages quoted in CDATA alone, however many there are', () => {
    const page = '<![CDATA[<!DOCTYPE html><html><body><p>Body</p></body></html>]]>'
    const items = [1, 2].map(
      (n) => `<item><title>${n}</title><description>${page}</description></item>`,
    )
    const feed = parseFeed(
      bytes(`<rss version="2.0"><channel><title>t</title>${items.join('')}</channel></rss>`),
    )
    expect(feed.items.map((i) => i.summaryHtml)).toEqual(
      [1, 2].map(() => expect.stringContaining('<p>Body</p>')),
    )
  })

  it('still refuses entity declarations hidden after a comment or CDATA', () => {
    const text =
      '<!-- x --><![CDATA[y]]><!DOCTYPE rss [<!ENTITY e "e">]><rss version="2.0"><channel/></rss>'
    expect(failure(() => parseFeed(bytes(text))).code).toBe('INVALID_INPUT')
    const second =
      '<!DOCTYPE rss><rss version="2.0"><channel><!DOCTYPE x [<!ENTITY e "e">]></channel></rss>'
    expect(failure(() => parseFeed(bytes(second))).code).toBe('INVALID_INPUT')
  })
})
