// Property tests: whatever bytes arrive, the feed and OPML parsers answer with a result or an
// ImportFailure, and quickly.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { ImportFailure } from '../../../../../main/archive/import/extracted.ts'
import { feedEntries } from '../../../../../main/archive/import/feeds/feed-importer.ts'
import { parseFeed } from '../../../../../main/archive/import/feeds/parse-feed.ts'
import { parseOpml } from '../../../../../main/archive/import/feeds/opml.ts'

/**
 * Runs `fn`; anything thrown must be an ImportFailure. How fast is the benchmarks' to say: a
 * blowup on some input shows here as the test's timeout.
 */
function onlyImportFailures(fn: () => unknown): void {
  try {
    fn()
  } catch (err) {
    if (!(err instanceof ImportFailure)) throw err
  }
}

const tag = fc.constantFrom(
  'rss',
  'channel',
  'item',
  'title',
  'link',
  'guid',
  'feed',
  'entry',
  'content',
  'summary',
  'rdf:RDF',
  'description',
  'pubDate',
  'opml',
  'body',
  'outline',
  'author',
  'category',
)
const text = fc.string({ maxLength: 20 })
const attr = fc.tuple(fc.constantFrom('href', 'xmlUrl', 'rel', 'type', 'xml:base', 'version'), text)
/** The opening and closing of a real feed, with random children in between. */
const skeleton = fc.constantFrom(
  ['<rss version="2.0"><channel><title>t</title>', '</channel></rss>'],
  ['<?xml version="1.0"?><rss><channel><item><title>x</title>', '</item></channel></rss>'],
  [
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://b.example/"><entry>',
    '</entry></feed>',
  ],
  ['<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title>', '</feed>'],
  [
    '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"><channel><title>t</title></channel>',
    '</rdf:RDF>',
  ],
)
/** Nearly-XML: real feed vocabulary, random nesting, entities, CDATA and junk. */
const xmlish: fc.Arbitrary<string> = fc.letrec<{ node: string }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    text,
    fc.constantFrom(
      '&amp;',
      '&#x26;',
      '&lt;',
      '&bogus;',
      '<![CDATA[<p>x</p>]]>',
      '<!-- c -->',
      '<',
      ']]>',
      '<!DOCTYPE x>',
    ),
    fc
      .tuple(tag, fc.array(attr, { maxLength: 2 }), fc.array(tie('node'), { maxLength: 4 }))
      .map(
        ([t, attrs, kids]) =>
          `<${t}${attrs.map(([k, v]) => ` ${k}="${v.replace(/"/g, '')}"`).join('')}>${kids.join('')}</${t}>`,
      ),
  ),
})).node

describe('parseFeed on arbitrary input', () => {
  it('never throws anything but ImportFailure on random bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), (b) =>
        onlyImportFailures(() => parseFeed(b)),
      ),
      { numRuns: 300 },
    )
  })

  it('never throws anything but ImportFailure on near-feeds, and the importer copes with what parses', () => {
    let parsed = 0
    fc.assert(
      fc.property(skeleton, fc.array(xmlish, { maxLength: 6 }), ([open, close], kids) =>
        onlyImportFailures(() => {
          const feed = parseFeed(new TextEncoder().encode(open + kids.join('') + close), {
            url: 'https://e.example/f',
          })
          parsed++
          for (const item of feed.items) expect(typeof item.guid).toBe('string')
          feedEntries(feed, 'f.xml')
        }),
      ),
      { numRuns: 400 },
    )
    // The generator must reach the readers, not only the format check.
    expect(parsed).toBeGreaterThan(100)
  })

  it('never throws anything but ImportFailure on JSON', () => {
    const json = fc.json({ maxDepth: 4 })
    const feedish = fc.record({
      version: fc.constant('https://jsonfeed.org/version/1.1'),
      title: fc.anything(),
      items: fc.anything(),
    })
    fc.assert(
      fc.property(
        fc.oneof(
          json,
          feedish.map((o) => JSON.stringify(o) ?? '{}'),
        ),
        (s) =>
          onlyImportFailures(() => feedEntries(parseFeed(new TextEncoder().encode(s)), 'f.json')),
      ),
      { numRuns: 300 },
    )
  })

  it('does not hang on deep nesting', () => {
    const deep = '<rss version="2.0"><channel>' + '<item>'.repeat(50_000) + '</channel></rss>'
    onlyImportFailures(() => parseFeed(new TextEncoder().encode(deep)))
  })
})

describe('parseOpml on arbitrary input', () => {
  it('never throws anything but ImportFailure', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.uint8Array({ maxLength: 2000 }),
          xmlish.map((s) => new TextEncoder().encode(`<opml><body>${s}</body></opml>`)),
        ),
        (b) => onlyImportFailures(() => parseOpml(b)),
      ),
      { numRuns: 300 },
    )
  })
})
