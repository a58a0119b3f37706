// SSRF: the connection goes to the address that was checked. A resolver that answers a
// public address to the check and a private one a moment later (DNS rebinding) is caught;
// pages typed by the user still load, but their images follow the feeds' rule.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ImportFailure } from '../../../../../main/archive/import/extracted.ts'
import { fetchImage } from '../../../../../main/archive/net/fetch-image.ts'
import { fetchResource } from '../../../../../main/archive/net/fetch-resource.ts'
import { startServer, type TestServer } from './test-server.ts'

let server: TestServer
const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.alloc(32),
])

beforeAll(async () => {
  server = await startServer({
    '/secret': (_req, res) =>
      res.writeHead(200, { 'content-type': 'text/html' }).end('<p>inside</p>'),
    '/pic.png': (_req, res) => res.writeHead(200, { 'content-type': 'image/png' }).end(PNG),
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

/** Public for the first `publicAnswers` lookups of a name, then the local test server. */
function rebinding(publicAnswers = 1) {
  const calls: string[] = []
  const resolve = async (host: string) => {
    calls.push(host)
    return calls.length <= publicAnswers ? ['93.184.216.34'] : ['127.0.0.1']
  }
  return { resolve, calls }
}

describe('pinned connections', () => {
  it('connects to the address the resolver gave, not to one the system looks up again', async () => {
    // "site.test" exists only in this resolver: reaching the server proves the socket used it.
    const resolve = async () => ['127.0.0.1']
    const res = await fetchResource(`http://site.test:${server.port}/secret`, {
      resolve,
      allowPrivate: true,
    })
    expect(Buffer.from(res.bytes).toString()).toBe('<p>inside</p>')
  })

  it('catches DNS rebinding: public at the check, private at the connect', async () => {
    const before = server.seen.length
    const { resolve, calls } = rebinding()
    const err = await failure(
      fetchResource(`http://rebind.test:${server.port}/secret`, { resolve }),
    )
    expect(err.code).toBe('NETWORK')
    expect(err.message).toMatch(/refused to connect to rebind\.test \(127\.0\.0\.1\)/)
    expect(calls.length).toBe(2) // the check, then the connect's own (pinned) lookup
    expect(server.seen.length).toBe(before) // no request ever reached the private address
  })

  it('catches a rebinding image the same way (a page image never reaches the network inside)', async () => {
    const before = server.seen.length
    const errors: unknown[] = []
    const image = await fetchImage(`http://img.rebind.test:${server.port}/pic.png`, {
      resolve: rebinding().resolve,
      onError: (_url, err) => errors.push(err),
    })
    expect(image).toBeNull()
    expect(String((errors[0] as Error).message)).toMatch(/private or local network address/)
    expect(server.seen.length).toBe(before)
  })

  it('trusts only the typed host: a redirect elsewhere that rebinds is refused', async () => {
    const redirect = await startServer({
      '/go': (_req, res) =>
        res.writeHead(302, { location: `http://other.test:${server.port}/secret` }).end(),
    })
    try {
      const before = server.seen.length
      const resolve = async (host: string) =>
        host === 'typed.test' ? ['127.0.0.1'] : rebindingAnswer(host)
      const err = await failure(
        fetchResource(`http://typed.test:${redirect.port}/go`, { resolve, allowPrivate: true }),
      )
      expect(err.message).toMatch(/other\.test/)
      expect(server.seen.length).toBe(before)
    } finally {
      await redirect.close()
    }
  })
})

let otherCalls = 0
/** other.test: public to the check, then the test server. */
async function rebindingAnswer(_host: string): Promise<string[]> {
  return ++otherCalls === 1 ? ['93.184.216.34'] : ['127.0.0.1']
}
