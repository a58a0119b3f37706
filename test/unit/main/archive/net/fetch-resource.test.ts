import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ImportFailure } from '../../../../../main/archive/import/extracted.ts'
import { fetchPage } from '../../../../../main/archive/net/fetch-page.ts'
import { fetchResource } from '../../../../../main/archive/net/fetch-resource.ts'
import { closedPort, startServer, type TestServer } from './test-server.ts'

let server: TestServer
const local = { allowPrivate: true }

beforeAll(async () => {
  server = await startServer({
    '/latin1': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=ISO-8859-1' })
      res.end(Buffer.from('<html><body>Caf\u00e9</body></html>', 'latin1'))
    },
    '/meta': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' })
      res.end('<html><head><meta charset="windows-1252"></head><body>x</body></html>')
    },
    '/untyped': (_req, res) => res.end('<!DOCTYPE html><html><body>no header</body></html>'),
    '/500': (_req, res) => res.writeHead(500).end('boom'),
    '/r1': (_req, res) => res.writeHead(301, { location: '/r2' }).end(),
    '/r2': (_req, res) => res.writeHead(302, { location: 'r3' }).end(),
    '/r3': (_req, res) => res.writeHead(307, { location: '/meta' }).end(),
    '/loop': (_req, res) => res.writeHead(302, { location: '/loop' }).end(),
    '/to-localhost': (_req, res) =>
      res.writeHead(302, { location: `http://localhost:${server.port}/meta` }).end(),
    '/to-metadata': (_req, res) =>
      res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' }).end(),
    '/to-ftp': (_req, res) => res.writeHead(302, { location: 'ftp://example.com/x' }).end(),
    '/slow': (_req, res) => {
      const t = setTimeout(() => res.end('<html></html>'), 3000)
      res.on('close', () => clearTimeout(t))
    },
    '/slow-body': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' })
      res.write('<html>')
      const t = setInterval(() => res.write(' '), 100)
      res.on('close', () => clearInterval(t))
    },
    '/big': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html', 'content-length': String(2 * 1024 * 1024) })
      res.end(Buffer.alloc(2 * 1024 * 1024, 0x20))
    },
    '/big-chunked': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' })
      let sent = 0
      const pump = () => {
        while (sent < 4 * 1024 * 1024) {
          sent += 64 * 1024
          if (!res.write(Buffer.alloc(64 * 1024, 0x20))) return void res.once('drain', pump)
        }
        res.end()
      }
      pump()
    },
    '/pdf': (_req, res) =>
      res.writeHead(200, { 'content-type': 'application/pdf' }).end('%PDF-1.4'),
  })
})
afterAll(() => server.close())

async function failure(p: Promise<unknown>): Promise<ImportFailure> {
  try {
    await p
  } catch (err) {
    if (err instanceof ImportFailure) return err
    throw err
  }
  throw new Error('expected an ImportFailure')
}

describe('fetchPage', () => {
  it('returns the bytes and the charset the server named', async () => {
    const page = await fetchPage(server.url('/latin1'), local)
    expect(page).toMatchObject({
      status: 200,
      contentType: 'text/html',
      charset: 'iso-8859-1',
      finalUrl: server.url('/latin1'),
    })
    expect(Buffer.from(page.bytes).toString('latin1')).toContain('Café')
  })

  it('leaves the charset to the HTML decoder when only the page names it', async () => {
    const page = await fetchPage(server.url('/meta'), local)
    expect(page.charset).toBeUndefined()
    expect(Buffer.from(page.bytes).toString()).toContain('windows-1252')
  })

  it('accepts a page served without a Content-Type when it starts like HTML', async () => {
    expect((await fetchPage(server.url('/untyped'), local)).status).toBe(200)
  })

  it('refuses a PDF in words', async () => {
    const err = await failure(fetchPage(server.url('/pdf'), local))
    expect(err.code).toBe('UNSUPPORTED_FORMAT')
    expect(err.message).toBe(`${server.url('/pdf')} is a PDF, not a web page`)
  })

  it('sends a User-Agent and an HTML Accept header', async () => {
    await fetchPage(server.url('/meta'), local)
    const req = server.seen.at(-1)
    expect(req?.headers['user-agent']).toMatch(/Quire/)
    expect(req?.headers.accept).toMatch(/text\/html/)
  })
})

describe('fetchResource: HTTP errors', () => {
  it('names 404 and 500 answers', async () => {
    expect((await failure(fetchResource(server.url('/missing'), local))).message).toBe(
      `could not fetch ${server.url('/missing')}: the server answered 404 Not Found`,
    )
    const err = await failure(fetchResource(server.url('/500'), local))
    expect(err.code).toBe('NETWORK')
    expect(err.message).toMatch(/the server answered 500 Internal Server Error$/)
  })
})

describe('fetchResource: redirects', () => {
  it('follows a chain of relative redirects', async () => {
    const res = await fetchResource(server.url('/r1'), local)
    expect(res.finalUrl).toBe(server.url('/meta'))
    expect(res.status).toBe(200)
  })

  it('stops a redirect loop', async () => {
    const err = await failure(fetchResource(server.url('/loop'), local))
    expect(err.message).toMatch(/too many redirects \(more than 5\)/)
  })

  it('allows a chain up to the limit it is given', async () => {
    await expect(
      fetchResource(server.url('/r1'), { ...local, maxRedirects: 3 }),
    ).resolves.toBeTruthy()
    expect(
      (await failure(fetchResource(server.url('/r1'), { ...local, maxRedirects: 2 }))).message,
    ).toMatch(/too many redirects/)
  })

  it('checks every hop: a trusted host may not send us to another private one', async () => {
    const toLocalhost = await failure(fetchResource(server.url('/to-localhost'), local))
    expect(toLocalhost.message).toMatch(
      /refused to fetch http:\/\/localhost:\d+\/meta: localhost \(.+\) is a private or local network address/,
    )
    const toMetadata = await failure(fetchResource(server.url('/to-metadata'), local))
    expect(toMetadata.message).toMatch(/169\.254\.169\.254 is a private or local network address/)
  })

  it('refuses a redirect to a scheme other than http(s)', async () => {
    expect((await failure(fetchResource(server.url('/to-ftp'), local))).message).toMatch(
      /only http and https/,
    )
  })
})

describe('fetchResource: limits', () => {
  it('times out a server that does not answer', async () => {
    // /slow answers after 3 s: only the 300 ms deadline can end the fetch with this error.
    const err = await failure(fetchResource(server.url('/slow'), { ...local, timeoutMs: 300 }))
    expect(err.message).toBe(`${server.url('/slow')} did not answer within 300 ms (timed out)`)
  })

  it('times out a body that never ends', async () => {
    const err = await failure(fetchResource(server.url('/slow-body'), { ...local, timeoutMs: 400 }))
    expect(err.message).toMatch(/timed out/)
  })

  it('refuses a body larger than maxBytes, by its Content-Length or while streaming', async () => {
    const declared = await failure(
      fetchResource(server.url('/big'), { ...local, maxBytes: 1024 * 1024 }),
    )
    expect(declared.code).toBe('TOO_LARGE')
    expect(declared.message).toMatch(/larger than the 1 MB limit/)
    const streamed = await failure(
      fetchResource(server.url('/big-chunked'), { ...local, maxBytes: 1024 * 1024 }),
    )
    expect(streamed.code).toBe('TOO_LARGE')
  })
})

describe('fetchResource: addresses', () => {
  it('refuses 127.0.0.1 unless the caller allows private addresses', async () => {
    const before = server.seen.length
    const err = await failure(fetchResource(server.url('/meta')))
    expect(err.code).toBe('NETWORK')
    expect(err.message).toMatch(/127\.0\.0\.1 is a private or local network address/)
    // Refused before connecting: the server never saw the request.
    expect(server.seen.length).toBe(before)
  })

  it('refuses hosts that resolve to a private address', async () => {
    const resolve = async () => ['10.1.2.3']
    const err = await failure(fetchResource('http://intranet.example/', { resolve }))
    expect(err.message).toBe(
      'refused to fetch http://intranet.example/: intranet.example (10.1.2.3) is a private or local network address',
    )
  })

  it('says when the connection is refused', async () => {
    const port = await closedPort()
    const err = await failure(fetchResource(`http://127.0.0.1:${port}/`, local))
    expect(err.message).toBe('could not connect to 127.0.0.1: the connection was refused')
  })

  it('says when the host does not exist or there is no network', async () => {
    const err = await failure(fetchResource('http://no-such-host.invalid/page'))
    expect(err.message).toBe(
      'could not reach no-such-host.invalid: no network or the host does not exist',
    )
  })

  it('refuses addresses that are not http(s)', async () => {
    for (const bad of [
      'file:///etc/passwd',
      'javascript:alert(1)',
      'not a url',
      'http://user:pw@example.com/',
    ]) {
      expect((await failure(fetchResource(bad))).code).toBe('INVALID_INPUT')
    }
  })
})
