import { describe, expect, it } from 'vitest'
import {
  feedImporter,
  FULL_SUMMARY_CHARS,
} from '../../../../../main/archive/import/feeds/feed-importer.ts'
import { sniffOf, type EntriesImporter } from '../../../../../main/archive/import/importer.ts'
import { bytes, fixture } from './fixtures.ts'

const entries = (data: Uint8Array, name = 'news.rss') =>
  (feedImporter as EntriesImporter).entries(data, { name })

describe('feedImporter.matches', () => {
  it.each([
    ['a.rss', 'anything'],
    ['a.atom', ''],
    ['a.rdf', ''],
    ['a.xml', '<?xml version="1.0"?><rss version="2.0">'],
    ['a.xml', '<feed xmlns="http://www.w3.org/2005/Atom">'],
    ['a.xml', '<rdf:RDF xmlns:rdf="…">'],
    ['a.json', '{ "version": "https://jsonfeed.org/version/1.1", "title": "x" }'],
  ])('takes %s', (name, head) => {
    expect(feedImporter.matches(sniffOf(name, bytes(head)))).toBe(true)
  })

  it('takes a UTF-16 .xml feed', () => {
    const utf16 = Buffer.from(
      '\uFEFF<?xml version="1.0" encoding="UTF-16"?><rss version="2.0">',
      'utf16le',
    )
    expect(feedImporter.matches(sniffOf('a.xml', utf16))).toBe(true)
  })

  it.each([
    ['a.xml', '<?xml version="1.0"?><opml version="2.0">'],
    ['a.json', '{ "items": [] }'],
    ['a.html', '<rss version="2.0">'],
    ['a.txt', '<rss version="2.0">'],
  ])('leaves %s', (name, head) => {
    expect(feedImporter.matches(sniffOf(name, bytes(head)))).toBe(false)
  })
})

describe('feedImporter.entries', () => {
  it('turns an item with full content into a sanitised article', async () => {
    const [first] = await entries(fixture('rss2.rss'))
    expect(first).toMatchObject({
      source: 'news.rss › item 1',
      url: 'https://gazette.example/news/ferry-timetable',
      title: 'Ferry timetable changes & new routes',
      guid: 'gazette-1001',
      tags: [],
      highlights: [],
    })
    const a = first?.article
    expect(a).toMatchObject({
      format: 'feed',
      title: 'Ferry timetable changes & new routes',
      authors: ['Ana Ribeiro'],
      source: 'Harbour Gazette',
      url: 'https://gazette.example/news/ferry-timetable',
      publishedAt: '2024-03-05T08:30:00.000Z',
      paragraphs: ['The ferry timetable changes on Monday.', 'Second paragraph routes.'],
    })
    expect(a?.bodyHtml).not.toMatch(/script|onclick/)
    // Relative URLs in the body are made absolute against the item's link.
    expect(a?.bodyHtml).toContain('href="https://gazette.example/routes"')
    expect(a?.images).toEqual([{ src: 'https://gazette.example/img/ferry.jpg' }])
  })

  it('keeps a short-summary item as a link to fetch later, and reports an item with no link', async () => {
    const list = await entries(fixture('rss2.rss'))
    expect(list).toHaveLength(3)
    expect(list[1]).toMatchObject({
      source: 'news.rss › item 2',
      url: 'https://gazette.example/news/council',
      title: 'Council meets on Thursday',
      guid: 'https://gazette.example/news/council',
      tags: [],
      highlights: [],
    })
    expect(list[1]!.details?.source).toBe('Harbour Gazette')
    expect(list[2]!.problem).toMatch(/no text and no link/)
  })

  it('takes a long summary as the article', async () => {
    const long = 'Word '.repeat(FULL_SUMMARY_CHARS / 4)
    const xml = `<rss version="2.0"><channel><title>F</title><item><title>T</title><link>https://e.example/1</link><description>&lt;p&gt;${long}&lt;/p&gt;</description></item></channel></rss>`
    const [only] = await entries(bytes(xml))
    expect(only?.article?.paragraphs[0]).toBe(long.trim())
  })

  it('reads JSON Feeds and Atom files the same way', async () => {
    const json = await entries(fixture('feed.json'), 'feed.json')
    expect(json[0]?.article?.bodyHtml).toBe('<p>Full <em>body</em> here.</p>')
    expect(json[1]?.article).toBeUndefined()
    const atom = await entries(fixture('atom.atom'), 'blog.atom')
    expect(atom[0]?.article?.title).toBe('Tides and moons')
  })

  it('throws an ImportFailure for a file that is not a feed', async () => {
    await expect(async () => entries(bytes('<html></html>'), 'page.xml')).rejects.toMatchObject({
      name: 'ImportFailure',
      code: 'UNSUPPORTED_FORMAT',
    })
  })
})
