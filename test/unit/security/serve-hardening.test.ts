// The browser shell against the attacks it exists to stop, beyond test/unit/main/serve: other
// interfaces cannot connect, every route needs the token, and no foreign Origin or Host (a
// page on another site, a DNS-rebound name) gets an answer or runs an operation.
import { request } from 'node:http'
import { connect } from 'node:net'
import { networkInterfaces } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startServer, type RunningServer } from '../../../main/serve/server.ts'
import { tempDir } from '../helpers/temp-dir.ts'
import { diffSnapshots, snapshotArchive } from './helpers/archive-snapshot.ts'
import {
  copyArchive,
  openArchive,
  seedArchive,
  type OpenArchive,
} from './helpers/seeded-archive.ts'

let server: RunningServer
let arch: OpenArchive
let port = 0

beforeEach(async () => {
  const template = join(await tempDir(), 'archive')
  await seedArchive(template)
  arch = await openArchive(await copyArchive(template, await tempDir()))
  server = await startServer({ handlers: arch.handlers })
  port = Number(new URL(server.url).port)
})

afterEach(async () => {
  await server.close()
  await arch.service.close()
})

interface Answer {
  status: number
  body: string
  headers: Record<string, string | string[] | undefined>
}

/** A raw request to 127.0.0.1 with exactly the headers given (Host only when given). */
function send(
  path: string,
  opts: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, path, method: opts.method ?? 'GET', setHost: false },
      (res) => {
        let body = ''
        res.on('data', (c) => (body += c))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }))
      },
    )
    for (const [k, v] of Object.entries(opts.headers ?? {})) req.setHeader(k, v)
    req.on('error', reject)
    // The event stream never ends by itself: the status line is all these tests need.
    req.on('response', (res) => {
      if (res.headers['content-type'] === 'text/event-stream') {
        resolve({ status: res.statusCode ?? 0, body: '', headers: res.headers })
        req.destroy()
      }
    })
    req.end(opts.body)
  })
}

const own = () => ({ host: `127.0.0.1:${port}` })
const api = (op: string, headers: Record<string, string>, body = '{}') =>
  send(`/api/${op}`, { method: 'POST', headers, body })

function canConnect(host: string): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port, timeout: 2000 })
    socket.once('connect', () => {
      socket.destroy()
      resolve(true)
    })
    socket.once('error', () => resolve(false))
    socket.once('timeout', () => {
      socket.destroy()
      resolve(false)
    })
  })
}

describe('the browser shell is reachable from this machine only', () => {
  it('accepts connections on 127.0.0.1 and refuses every other address of the machine', async () => {
    expect(await canConnect('127.0.0.1')).toBe(true)
    const others = Object.values(networkInterfaces())
      .flat()
      .filter((a) => a !== undefined && a.address !== '127.0.0.1' && !a.address.startsWith('fe80'))
      .map((a) => a?.address ?? '')
    // Other loopback addresses and the IPv6 one are not 127.0.0.1 either.
    for (const host of ['127.0.0.2', '::1', ...others]) {
      expect(await canConnect(host), host).toBe(false)
    }
  })
})

describe('the token', () => {
  it('is required on every operation, in its header only', async () => {
    for (const headers of [own(), { ...own(), 'x-quire-token': server.token.slice(0, -1) }]) {
      expect((await api('archive:info', headers)).status).toBe(401)
    }
    const inQuery = await send(`/api/archive:info?token=${server.token}`, {
      method: 'POST',
      headers: own(),
      body: '{}',
    })
    expect(inQuery.status).toBe(401)
    const withToken = await api('archive:info', { ...own(), 'x-quire-token': server.token })
    expect(withToken.status).toBe(200)
  })

  it('is required on the event stream', async () => {
    expect((await send('/api/events', { headers: own() })).status).toBe(401)
    expect((await send('/api/events?token=wrong', { headers: own() })).status).toBe(401)
    const ok = await send(`/api/events?token=${server.token}`, { headers: own() })
    expect(ok.status).toBe(200)
  })

  it('differs between two servers', async () => {
    const other = await startServer({ handlers: arch.handlers })
    try {
      expect(other.token).not.toBe(server.token)
    } finally {
      await other.close()
    }
  })
})

describe('foreign origins and hosts', () => {
  const evilOrigins = () => [
    'https://evil.example',
    'null',
    `http://localhost:${port}`,
    `http://127.0.0.1:${port + 1}`,
    `https://127.0.0.1:${port}`,
    `http://127.0.0.1:${port}.evil.example`,
  ]
  const evilHosts = () => [
    'evil.example',
    `evil.example:${port}`,
    `localhost:${port}`,
    '127.0.0.1',
    `127.0.0.1:${port}.evil.example`,
    `127.0.0.1:${port + 1}`,
  ]

  it('refuses a cross-origin call even with the token, and runs nothing', async () => {
    const before = await snapshotArchive(arch.root)
    for (const origin of evilOrigins()) {
      const headers = { ...own(), origin, 'x-quire-token': server.token }
      const r = await api('trash:empty', headers)
      expect(r.status, origin).toBe(403)
      expect(JSON.parse(r.body).error.code).toBe('FORBIDDEN')
    }
    expect(diffSnapshots(before, await snapshotArchive(arch.root))).toEqual([])
  })

  it('refuses DNS-rebound and missing Host headers on every route', async () => {
    const before = await snapshotArchive(arch.root)
    // Node itself answers 400 to an HTTP/1.1 request without Host; ours is 403.
    const refused = (status: number) => status === 403 || status === 400
    for (const host of [...evilHosts(), undefined]) {
      const headers: Record<string, string> = host === undefined ? {} : { host }
      const label = host ?? '(no Host)'
      const call = await api('trash:empty', { ...headers, 'x-quire-token': server.token })
      expect(refused(call.status), label).toBe(true)
      expect(refused((await send('/', { headers })).status), label).toBe(true)
      const events = await send(`/api/events?token=${server.token}`, { headers })
      expect(refused(events.status), label).toBe(true)
      if (host !== undefined) expect(call.status, label).toBe(403)
    }
    expect(diffSnapshots(before, await snapshotArchive(arch.root))).toEqual([])
  })

  it('never grants CORS: no preflight passes and no answer carries Allow-Origin', async () => {
    const preflight = await send('/api/archive:info', {
      method: 'OPTIONS',
      headers: {
        ...own(),
        origin: 'https://evil.example',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'x-quire-token',
      },
    })
    expect(preflight.status).toBeGreaterThanOrEqual(400)
    const answers = [
      preflight,
      await api('archive:info', { ...own(), 'x-quire-token': server.token }),
      await send('/', { headers: own() }),
    ]
    for (const a of answers) expect(a.headers['access-control-allow-origin']).toBeUndefined()
  })

  it('answers its own origin', async () => {
    const headers = { ...own(), origin: server.url, 'x-quire-token': server.token }
    const r = await api('archive:info', headers)
    expect(r.status).toBe(200)
    expect(JSON.parse(r.body)).toMatchObject({ ok: true, value: { articleCount: 2 } })
  })
})
