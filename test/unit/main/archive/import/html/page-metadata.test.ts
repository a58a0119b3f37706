// The page rules on small hand-written pages: dates in their order of trust, the visible
// headline, the shown byline, the site as the source.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { extractPageMetadata } from '../../../../../../main/archive/import/html/page-metadata.ts'

const now = new Date('2026-12-07T12:00:00Z')
const page = (head: string, body: string, url?: string) =>
  extractPageMetadata(
    new TextEncoder().encode(
      `<!doctype html><html><head>${head}</head><body>${body}</body></html>`,
    ),
    { ...(url ? { url } : {}), bounds: { now } },
  )

describe('page dates', () => {
  it('keeps published and modified apart, JSON-LD first', () => {
    const m = page(
      `<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"NewsArticle","headline":"X","datePublished":"2024-05-14T09:30:00+02:00","dateModified":"2024-05-15T10:00:00+02:00"}]}</script>`,
      '<h1>X</h1><p>Text</p>',
    )
    expect(m.publishedAt).toBe('2024-05-14T09:30:00+02:00')
    expect(m.modifiedAt).toBe('2024-05-15T10:00:00+02:00')
  })

  it('reads meta tags, itemprop, <time> and the address', () => {
    expect(page('<meta name="sailthru.date" content="2021-03-04 10:00:00">', '').publishedAt).toBe(
      '2021-03-04T10:00:00',
    )
    expect(
      page('', '<span itemprop="datePublished" content="2020-01-02">x</span>').publishedAt,
    ).toBe('2020-01-02')
    expect(
      page('', '<time datetime="2019-07-08T12:00:00Z" pubdate>8 July</time>').publishedAt,
    ).toBe('2019-07-08T12:00:00Z')
    expect(
      page('', '<p>No date here.</p>', 'https://blog.example/2018/02/15/post/').publishedAt,
    ).toBe('2018-02-15')
  })

  it('reads visible dates by their labels, skipping navigation and "Updated"', () => {
    const m = page(
      '',
      `<nav><span class="date">01.01.2019</span></nav>
       <div class="post-meta">Aktualisiert: 03.02.2020 · Veröffentlicht am 12. Januar 2020</div>`,
    )
    expect(m.publishedAt).toBe('2020-01-12')
  })

  it('shows the page’s day for a UTC instant a day off', () => {
    const m = page(
      '<meta property="article:published_time" content="2023-11-09T06:35:29Z">',
      '<article><h1>T</h1><p class="article-meta"><time>Nov 8, 2023 / 10:35 PM PST</time></p></article>',
    )
    expect(m.publishedAt).toBe('2023-11-08')
  })

  it('has no date when the page names none, never today', () => {
    expect(page('<title>T</title>', '<p>Just words.</p>').publishedAt).toBeUndefined()
  })

  it('reads JSON-LD whose strings hold raw line breaks', () => {
    const m = page(
      `<script type="application/ld+json">{"@type":"NewsArticle","headline":"X",
        "description":"Two lines
of text","datePublished":"2022-02-02T11:14:00+01:00"}</script>`,
      '<h1>X</h1>',
    )
    expect(m.publishedAt).toBe('2022-02-02T11:14:00+01:00')
  })

  it('keeps a stated local day when the page shows the next day elsewhere', () => {
    // "22:46 at -03:00" is the writer's own day; only a UTC instant may shift a day.
    const m = page(
      '<meta property="article:published_time" content="2022-05-03T22:46:08-03:00">',
      '<h1>X</h1><p class="date">04.05.2022</p>',
    )
    expect(m.publishedAt).toBe('2022-05-03T22:46:08-03:00')
  })
})

describe('titles, authors and sources', () => {
  it('prefers the visible headline, without kicker, over a title with the site around it', () => {
    const m = page(
      '<title>Harbour reopens - Coast Courier</title><meta property="og:site_name" content="Coast Courier">',
      '<header><h1 class="site-title"><a href="/">Coast Courier</a></h1></header><article><h1><span class="kicker">Storm</span> Harbour reopens</h1></article>',
    )
    expect(m.title).toBe('Harbour reopens')
    expect(m.source).toBe('Coast Courier')
  })

  it('takes people from the byline and organisations apart, never commenters', () => {
    const m = page(
      '<meta property="og:site_name" content="Coast Courier">',
      `<article><h1>T</h1><div class="byline">By Ann Lee and Rui Costa, Coast Courier</div>
       <div id="comments"><div class="comment-author vcard"><span class="fn">Troll</span></div></div></article>`,
    )
    expect(m.authors).toEqual(['Ann Lee', 'Rui Costa'])
  })

  it('keeps JSON-LD organisations out of the people', () => {
    const m = page(
      `<script type="application/ld+json">{"@type":"Article","headline":"T","author":[{"@type":"Organization","name":"BBC News"},{"@type":"Person","name":"Ann Lee"}]}</script>`,
      '<h1>T</h1>',
    )
    expect(m.authors).toEqual(['Ann Lee'])
    expect(m.organizations).toEqual(['BBC News'])
  })

  it('names the domain when the page names no site', () => {
    expect(page('', '<p>x</p>', 'https://www.example.org/a').source).toBe('example.org')
  })

  it('never throws on any markup', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (s) => {
        const m = extractPageMetadata(new TextEncoder().encode(s))
        expect(Array.isArray(m.authors)).toBe(true)
        if (m.title) expect(m.title).not.toMatch(/<\/?[a-z]+>/i)
      }),
      { numRuns: 200 },
    )
  })
})
