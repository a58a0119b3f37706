import { afterEach, describe, expect, it, vi } from 'vitest'
import { QuireError } from '../../../../shared/errors.ts'
import { createHttpClient } from '../../../../renderer/src/api/http-client.ts'

afterEach(() => {
  vi.unstubAllGlobals()
})

function answer(body: unknown, status = 200) {
  return vi.fn(
    async (_url: string, _init: RequestInit) => new Response(JSON.stringify(body), { status }),
  )
}

describe('createHttpClient', () => {
  it('posts the input to /api/<op> with the token and returns the value', async () => {
    const fetch = answer({ ok: true, value: { count: 3 } })
    vi.stubGlobal('fetch', fetch)
    const client = createHttpClient('secret')
    await expect(client.call('trash:empty', {})).resolves.toEqual({ count: 3 })
    const [url, init] = fetch.mock.calls[0]!
    expect(url).toBe('/api/trash%3Aempty')
    expect(init.method).toBe('POST')
    expect(new Headers(init.headers).get('x-quire-token')).toBe('secret')
    expect(init.body).toBe('{}')
  })

  it('throws a QuireError carrying the code and message of an error envelope', async () => {
    vi.stubGlobal(
      'fetch',
      answer({ ok: false, error: { code: 'NOT_FOUND', message: 'no such article' } }),
    )
    const err = await createHttpClient('t')
      .call('articles:get', { id: '0123456789abcdef' })
      .catch((e: unknown) => e)
    expect(err).toBeInstanceOf(QuireError)
    expect(err).toMatchObject({ code: 'NOT_FOUND', message: 'no such article' })
  })

  it('keeps the details of an error envelope (the span of a refused search query)', async () => {
    vi.stubGlobal(
      'fetch',
      answer({
        ok: false,
        error: {
          code: 'INVALID_INPUT',
          message: 'is: expects one of unread',
          details: { start: 3, end: 9 },
        },
      }),
    )
    const err = await createHttpClient('t')
      .call('articles:search', { query: 'is:unred' })
      .catch((e: unknown) => e)
    expect(err).toBeInstanceOf(QuireError)
    expect(err).toMatchObject({ code: 'INVALID_INPUT', details: { start: 3, end: 9 } })
  })

  it('turns an unreachable server into an IO error', async () => {
    vi.stubGlobal('fetch', vi.fn().mockRejectedValue(new TypeError('Failed to fetch')))
    await expect(createHttpClient('t').call('tags:list', {})).rejects.toMatchObject({ code: 'IO' })
  })

  it('delivers server-sent events that match the contract, once subscribed', () => {
    const sources: FakeEventSource[] = []
    class FakeEventSource {
      url: string
      handlers = new Map<string, (e: { data: string }) => void>()
      constructor(url: string) {
        this.url = url
        sources.push(this)
      }
      addEventListener(name: string, fn: (e: { data: string }) => void) {
        this.handlers.set(name, fn)
      }
    }
    vi.stubGlobal('EventSource', FakeEventSource)
    const client = createHttpClient('tok')
    const seen: unknown[] = []
    const off = client.on('archive:changed', (p) => seen.push(p))
    expect(sources).toHaveLength(1)
    expect(sources[0]!.url).toBe('/api/events?token=tok')
    const fire = sources[0]!.handlers.get('archive:changed')!
    fire({ data: JSON.stringify({ reason: 'import' }) })
    fire({ data: JSON.stringify({ wrong: true }) })
    fire({ data: 'not json' })
    off()
    fire({ data: JSON.stringify({ reason: 'later' }) })
    expect(seen).toEqual([{ reason: 'import' }])
  })
})
