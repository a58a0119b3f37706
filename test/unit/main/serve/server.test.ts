import { mkdir, writeFile } from 'node:fs/promises'
import { request } from 'node:http'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createHandlers } from '../../../../main/api/handlers.ts'
import { ArchiveService } from '../../../../main/archive/service.ts'
import { startServer, type RunningServer } from '../../../../main/serve/server.ts'
import { tempDir } from '../../helpers/temp-dir.ts'

let server: RunningServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

async function start(): Promise<RunningServer> {
  const root = await tempDir()
  const ui = join(root, 'ui')
  await mkdir(ui)
  await writeFile(join(ui, 'index.html'), '<!doctype html><title>Quire</title>')
  await writeFile(join(ui, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>')
  const service = await ArchiveService.open(join(root, 'archive'))
  server = await startServer({ handlers: createHandlers(service, () => {}), staticDir: ui })
  return server
}

/** A raw request, so tests can send the headers a hostile page or rebinding attack would. */
function send(
  url: string,
  opts: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<{ status: number; body: string; headers: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: opts.method ?? 'GET', headers: opts.headers }, (res) => {
      let body = ''
      res.on('data', (c) => (body += c))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }))
    })
    req.on('error', reject)
    req.end(opts.body)
  })
}

describe('the HTTP shell', () => {
  it('listens on 127.0.0.1 only and puts the token in the fragment of the app URL', async () => {
    const s = await start()
    expect(s.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    expect(s.appUrl).toBe(`${s.url}/#token=${s.token}`)
    expect(s.token).toMatch(/^[0-9a-f]{48}$/)
  })

  it('answers API calls that carry the token', async () => {
    const s = await start()
    const r = await send(`${s.url}/api/articles:list`, {
      method: 'POST',
      headers: { 'x-quire-token': s.token, 'content-type': 'application/json' },
      body: JSON.stringify({ view: 'all' }),
    })
    expect(r.status).toBe(200)
    expect(JSON.parse(r.body)).toEqual({ ok: true, value: { items: [], total: 0, offset: 0 } })
  })

  it('refuses API calls without the right token', async () => {
    const s = await start()
    for (const token of [undefined, 'wrong']) {
      const r = await send(`${s.url}/api/archive:info`, {
        method: 'POST',
        headers: token ? { 'x-quire-token': token } : {},
        body: '{}',
      })
      expect(r.status).toBe(401)
      expect(JSON.parse(r.body).error.code).toBe('FORBIDDEN')
    }
  })

  it('refuses other origins and foreign Host headers (CSRF, DNS rebinding)', async () => {
    const s = await start()
    const evil = await send(`${s.url}/api/archive:info`, {
      method: 'POST',
      headers: { 'x-quire-token': s.token, origin: 'https://evil.example' },
      body: '{}',
    })
    expect(evil.status).toBe(403)
    const rebound = await send(`${s.url}/`, { headers: { host: 'evil.example' } })
    expect(rebound.status).toBe(403)
  })

  it('answers invalid input as INVALID_INPUT and non-JSON bodies as 400', async () => {
    const s = await start()
    const headers = { 'x-quire-token': s.token }
    const bad = await send(`${s.url}/api/articles:get`, {
      method: 'POST',
      headers,
      body: '{"id":1}',
    })
    expect(JSON.parse(bad.body).error.code).toBe('INVALID_INPUT')
    const notJson = await send(`${s.url}/api/articles:get`, { method: 'POST', headers, body: '{' })
    expect(notJson.status).toBe(400)
  })

  it('serves the UI with the CSP and refuses paths outside it', async () => {
    const s = await start()
    const index = await send(`${s.url}/`)
    expect(index.status).toBe(200)
    expect(String(index.headers['content-security-policy'])).toContain("script-src 'self'")
    const escape = await send(`${s.url}/..%2F..%2Fetc%2Fpasswd`)
    expect(escape.status).toBe(404)
    expect(escape.body).not.toContain('root:')
  })

  it('sends /favicon.ico, which browsers ask for on their own, to the app icon', async () => {
    const s = await start()
    const ico = await send(`${s.url}/favicon.ico`)
    expect(ico.status).toBe(301)
    expect(ico.headers['location']).toBe('/favicon.svg')
    const svg = await send(`${s.url}/favicon.svg`)
    expect(svg.status).toBe(200)
    expect(svg.headers['content-type']).toBe('image/svg+xml')
  })
})
