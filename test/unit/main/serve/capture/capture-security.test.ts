// The capture endpoint's doors: only the paired extension's origin with its token gets in;
// a web page's script (any http origin), a missing or wrong token, another extension, a
// rebinding Host and a guessed pairing code are all refused, and no CORS header is ever sent.
import { afterEach, describe, expect, it } from 'vitest'
import {
  EXTENSION,
  OTHER_EXTENSION,
  pair,
  post,
  setup,
  teardown,
  type Setup,
} from './capture-helpers.ts'

let s: Setup | undefined
afterEach(async () => {
  await teardown(s)
  s = undefined
})

const lookup = { urls: ['https://news.example/a'] }

describe('the capture endpoint refuses', () => {
  it('a web page script, whatever token it has (origin check)', async () => {
    s = await setup()
    const token = await pair(s)
    for (const origin of ['https://evil.example', 'http://127.0.0.1:8080', 'null', 'file://']) {
      const r = await post(`${s.address}/capture/lookup`, { origin, token, body: lookup })
      expect(r.status, origin).toBe(403)
      expect(r.json?.error?.code).toBe('FORBIDDEN')
    }
  })

  it('a request with no Origin at all (not a browser extension)', async () => {
    s = await setup()
    const token = await pair(s)
    const r = await post(`${s.address}/capture/lookup`, { origin: null, token, body: lookup })
    expect(r.status).toBe(403)
  })

  it('never answers with CORS headers, preflight included', async () => {
    s = await setup()
    const token = await pair(s)
    const answers = [
      await post(`${s.address}/capture/save`, {
        method: 'OPTIONS',
        origin: 'https://evil.example',
      }),
      await post(`${s.address}/capture/lookup`, { origin: 'https://evil.example', body: lookup }),
      await post(`${s.address}/capture/lookup`, { token, body: lookup }),
    ]
    expect(answers[0]!.status).toBe(405)
    expect(answers[2]!.status).toBe(200)
    for (const a of answers)
      expect(Object.keys(a.headers).filter((h) => h.startsWith('access-control-'))).toEqual([])
  })

  it('a missing or wrong token', async () => {
    s = await setup()
    const token = await pair(s)
    const missing = await post(`${s.address}/capture/lookup`, { body: lookup })
    const wrong = await post(`${s.address}/capture/lookup`, { token: `${token}x`, body: lookup })
    const other = await post(`${s.address}/capture/lookup`, { token: 'A'.repeat(43), body: lookup })
    for (const r of [missing, wrong, other]) {
      expect(r.status).toBe(401)
      expect(r.json?.error?.code).toBe('FORBIDDEN')
    }
  })

  it('an unpaired extension, even with the paired one’s token', async () => {
    s = await setup()
    const token = await pair(s)
    const r = await post(`${s.address}/capture/save`, {
      origin: OTHER_EXTENSION,
      token,
      body: { key: 'k'.repeat(20), url: 'https://news.example/a', html: '<p>x</p>' },
    })
    expect(r.status).toBe(401)
    expect(s.service.captures.findByAddress(['https://news.example/a'])).toBeNull()
  })

  it('every call before any pairing', async () => {
    s = await setup()
    for (const call of ['save', 'lookup', 'tags', 'amend', 'open', 'status']) {
      const r = await post(`${s.address}/capture/${call}`, { token: 'anything', body: {} })
      expect(r.status, call).toBe(401)
    }
  })

  it('a Host other than its own (DNS rebinding)', async () => {
    s = await setup()
    const token = await pair(s)
    const port = new URL(s.address).port
    const r = await post(`${s.address}/capture/lookup`, {
      token,
      host: `evil.example:${port}`,
      body: lookup,
    })
    expect(r.status).toBe(403)
  })

  it('a form post (not JSON)', async () => {
    s = await setup()
    const token = await pair(s)
    const r = await post(`${s.address}/capture/lookup`, {
      token,
      contentType: 'text/plain',
      body: lookup,
    })
    expect(r.status).toBe(415)
  })
})

describe('pairing', () => {
  it('takes the code shown once, typed in any case with or without its dash', async () => {
    s = await setup()
    const { code } = s.endpoint.pairingCode()
    const typed = code.replace('-', ' ').toLowerCase()
    const first = await post(`${s.address}/capture/pair`, { body: { code: typed } })
    expect(first.json?.ok).toBe(true)
    const token = (first.json?.value as { token: string }).token
    expect((await post(`${s.address}/capture/status`, { token, body: {} })).status).toBe(200)
    // Used: the same code pairs nobody else.
    const again = await post(`${s.address}/capture/pair`, {
      origin: OTHER_EXTENSION,
      body: { code },
    })
    expect(again.status).toBe(403)
  })

  it('refuses a web page even with the right code', async () => {
    s = await setup()
    const { code } = s.endpoint.pairingCode()
    const r = await post(`${s.address}/capture/pair`, {
      origin: 'https://evil.example',
      body: { code },
    })
    expect(r.status).toBe(403)
    // The code still works for the extension the user is pairing.
    const ok = await post(`${s.address}/capture/pair`, { origin: EXTENSION, body: { code } })
    expect(ok.json?.ok).toBe(true)
  })

  it('voids the code after five wrong guesses (another extension guessing)', async () => {
    s = await setup()
    const { code } = s.endpoint.pairingCode()
    for (let i = 0; i < 5; i++) {
      const r = await post(`${s.address}/capture/pair`, {
        origin: OTHER_EXTENSION,
        body: { code: `WRONG-00${i}` },
      })
      expect(r.status).toBe(403)
    }
    const late = await post(`${s.address}/capture/pair`, { body: { code } })
    expect(late.status).toBe(403)
    expect(late.json?.error?.message).toMatch(/no pairing code is open/)
  })

  it('refuses when no code is shown', async () => {
    s = await setup()
    const r = await post(`${s.address}/capture/pair`, { body: { code: 'ABCD-EFGH' } })
    expect(r.status).toBe(403)
  })

  it('outlives a restart; the token is kept only as a hash', async () => {
    s = await setup()
    const token = await pair(s)
    const { configDir, root } = s
    await teardown(s)
    s = await setup(configDir, root)
    const r = await post(`${s.address}/capture/lookup`, { token, body: lookup })
    expect(r.status).toBe(200)
    const { readFile } = await import('node:fs/promises')
    const file = await readFile(`${configDir}/capture-pairings.json`, 'utf8')
    expect(file).not.toContain(token)
    expect(file).toContain(EXTENSION)
  })
})
