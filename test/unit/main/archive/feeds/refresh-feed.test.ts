import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { refreshFeed } from '../../../../../main/archive/import/feeds/refresh-feed.ts'
import { fetchResource } from '../../../../../main/archive/net/fetch-resource.ts'
import { startServer, type TestServer } from '../net/test-server.ts'
import { fixture } from './fixtures.ts'

const ETAG = '"v1"'
const MODIFIED = 'Tue, 05 Mar 2024 10:00:00 GMT'
let server: TestServer

beforeAll(async () => {
  server = await startServer({
    '/etag.rss': (req, res) => {
      if (req.headers['if-none-match'] === ETAG) return void res.writeHead(304).end()
      res
        .writeHead(200, { 'content-type': 'application/rss+xml', etag: ETAG })
        .end(fixture('rss2.rss'))
    },
    '/dated.atom': (req, res) => {
      if (req.headers['if-modified-since'] === MODIFIED) return void res.writeHead(304).end()
      res
        .writeHead(200, { 'content-type': 'application/atom+xml', 'last-modified': MODIFIED })
        .end(fixture('atom.atom'))
    },
    '/moved.rss': (_req, res) => res.writeHead(301, { location: '/etag.rss' }).end(),
    '/page': (_req, res) =>
      res.writeHead(200, { 'content-type': 'text/html' }).end('<html><body>gone</body></html>'),
  })
})
afterAll(() => server.close())

// The test server is on 127.0.0.1: let the fetch reach it.
const deps = {
  fetch: (url: string, opts: Parameters<typeof fetchResource>[1]) =>
    fetchResource(url, { ...opts, allowPrivate: true }),
}

describe('refreshFeed', () => {
  it('parses the feed and keeps its ETag, then answers not-modified when it is sent back', async () => {
    const first = await refreshFeed({ url: server.url('/etag.rss') }, deps)
    expect(first.status).toBe('ok')
    if (first.status !== 'ok') return
    expect(first.etag).toBe(ETAG)
    expect(first.feed.items).toHaveLength(3)
    expect(await refreshFeed({ url: server.url('/etag.rss'), etag: ETAG }, deps)).toEqual({
      status: 'not-modified',
    })
    expect(server.seen.at(-1)?.headers['if-none-match']).toBe(ETAG)
  })

  it('uses Last-Modified / If-Modified-Since', async () => {
    const first = await refreshFeed({ url: server.url('/dated.atom') }, deps)
    expect(first).toMatchObject({ status: 'ok', lastModified: MODIFIED })
    const again = await refreshFeed(
      { url: server.url('/dated.atom'), lastModified: MODIFIED },
      deps,
    )
    expect(again.status).toBe('not-modified')
  })

  it('resolves item links against the final URL after a redirect', async () => {
    const res = await refreshFeed({ url: server.url('/moved.rss') }, deps)
    expect(res).toMatchObject({ status: 'ok', finalUrl: server.url('/etag.rss') })
    if (res.status === 'ok')
      expect(res.feed.items[0]?.link).toBe('https://gazette.example/news/ferry-timetable')
  })

  it('fails clearly when the address no longer serves a feed, or is private by default', async () => {
    await expect(refreshFeed({ url: server.url('/page') }, deps)).rejects.toMatchObject({
      code: 'UNSUPPORTED_FORMAT',
    })
    await expect(refreshFeed({ url: server.url('/etag.rss') })).rejects.toMatchObject({
      code: 'NETWORK',
      message: expect.stringMatching(/private or local/),
    })
  })
})
