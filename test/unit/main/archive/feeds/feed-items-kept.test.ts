// Every feed item reaches the report: compressed files, relative links, link-only items with
// their details, Atom entries dated by <updated>, and items that cannot be read.
import { gzipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { feedImporter } from '../../../../../main/archive/import/feeds/feed-importer.ts'
import { parseFeed } from '../../../../../main/archive/import/feeds/parse-feed.ts'
import { sniffOf, type EntriesImporter } from '../../../../../main/archive/import/importer.ts'
import { bytes } from './fixtures.ts'

const entries = (data: Uint8Array, name = 'news.rss') =>
  (feedImporter as EntriesImporter).entries(data, { name })

const RSS = `<?xml version="1.0"?><rss version="2.0" xml:base="https://site.example/blog/">
<channel><title>Coast Courier</title><link>https://site.example/</link>
<item><title>Harbour reopens</title><link>2024/harbour</link><description>The quay is open again.</description>
<pubDate>Tue, 25 Jun 2024 10:00:00 GMT</pubDate><author>ann@courier.example (Ann Lee)</author><dc:creator xmlns:dc="http://purl.org/dc/elements/1.1/">Ann Lee</dc:creator></item>
<item><description>No link and too short to be an article.</description></item>
</channel></rss>`

describe('feed items', () => {
  it('reads a gzip-compressed feed file', () => {
    const gz = gzipSync(bytes(RSS))
    expect(feedImporter.matches(sniffOf('news.rss.gz', gz))).toBe(true)
    expect(parseFeed(gz).items).toHaveLength(2)
  })

  it('resolves relative links against xml:base before the channel’s link', () => {
    expect(parseFeed(bytes(RSS)).items[0]!.link).toBe('https://site.example/blog/2024/harbour')
  })

  it('keeps title, summary, date and author of a link-only item, and reports the empty one', async () => {
    const [first, second] = await entries(bytes(RSS))
    expect(first!.article).toBeUndefined()
    expect(first!.title).toBe('Harbour reopens')
    expect(first!.details).toMatchObject({
      authors: ['Ann Lee'],
      source: 'Coast Courier',
      publishedAt: '2024-06-25T10:00:00.000Z',
      excerpt: 'The quay is open again.',
    })
    expect(second!.problem).toMatch(/no text and no link/)
  })

  it('dates an Atom entry that has only <updated>, and reports an entry it cannot read', async () => {
    const atom = `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>F</title>
      <link href="https://site.example/"/>
      <entry><id>urn:1</id><title>Only updated</title><link href="/a"/><updated>2024-01-02T03:04:05Z</updated></entry>
      <entry><author></author></entry></feed>`
    const feed = parseFeed(bytes(atom))
    expect(feed.items[0]!.publishedAt).toBe('2024-01-02T03:04:05.000Z')
    expect(feed.items[0]!.link).toBe('https://site.example/a')
    const list = await entries(bytes(atom), 'f.atom')
    expect(list).toHaveLength(2)
    expect(list[1]!.problem).toMatch(/could not be read/)
  })
})
