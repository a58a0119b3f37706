// The API contract over HTTP on 127.0.0.1, plus the built renderer: the browser shell.
// Every API call needs the per-launch token; Host and Origin are checked against our own
// address so other web pages and DNS rebinding cannot reach the archive.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import { randomBytes, timingSafeEqual } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { extname, resolve, sep } from 'node:path'
import type { AddressInfo } from 'node:net'
import type { Handlers } from '../../shared/api.ts'
import { EVENT_NAMES, type EventName, type EventPayload } from '../../shared/events.ts'
import { dispatch } from '../api/dispatch.ts'
import { CONTENT_SECURITY_POLICY } from '../../shared/csp.ts'
import { assetHeaders, isAssetRequestAllowed, readAssetFile } from '../archive/store/asset-store.ts'
import { TagNameSchema } from '../../shared/model.ts'
import { toApiError } from '../../shared/errors.ts'
import { spoolUpload, UploadRefused, type SpooledFile } from './upload-spool.ts'

/**
 * Uploads streamed at once; the rest wait their turn. Each holds a few 64 KB buffers, so
 * eight 99 MB uploads at once cost the process what two do, never their size.
 */
const UPLOADS_AT_ONCE = 2

export interface ServeOptions {
  handlers: Handlers
  /** The built renderer (dist/renderer); API-only when missing. */
  staticDir?: string
  /** The archive's assets folder, served at /assets/<sha256>.<ext> (article images). */
  assetsDir?: string
  port?: number
  token?: string
  /**
   * Runs an `import:upload` whose files were streamed to disk (see upload-spool.ts); the
   * answer is the operation's value. Without it, uploads go through the JSON path.
   */
  uploads?: (files: SpooledFile[], tags: string[]) => Promise<unknown>
}

export interface RunningServer {
  url: string
  /** The address to open in a browser: the token travels in the fragment, never to logs. */
  appUrl: string
  token: string
  /**
   * A one-time address that opens the article in the shell (the extension's "Open in
   * Quire"): it redirects to the app with the token, which the extension never sees.
   */
  openLink(articleId: string): string
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void
  close(): Promise<void>
}

const MAX_BODY_BYTES = 100 * 1024 * 1024
/** An "Open in Quire" link works once, within this time. */
const OPEN_LINK_MS = 60_000
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
  '.ico': 'image/x-icon',
}

export async function startServer(opts: ServeOptions): Promise<RunningServer> {
  const token = opts.token ?? randomBytes(24).toString('hex')
  const streams = new Set<ServerResponse>()
  const uploadSlots = slots(UPLOADS_AT_ONCE)
  let origin = ''
  const tickets = new Map<string, { id: string; expires: number }>()

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (!res.headersSent)
        sendJson(res, 500, { ok: false, error: { code: 'INTERNAL', message: String(err) } })
      else res.end()
    })
  })

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', origin)
    if (!isOurHost(req.headers.host, origin) || !isOurOrigin(req.headers.origin, origin)) {
      return sendJson(res, 403, forbidden('request from another site'))
    }
    if (url.pathname === '/api/events' && req.method === 'GET') {
      if (!sameToken(url.searchParams.get('token'), token))
        return sendJson(res, 401, forbidden('bad token'))
      res.writeHead(200, {
        'content-type': 'text/event-stream',
        'cache-control': 'no-store',
        connection: 'keep-alive',
      })
      res.write(': connected\n\n')
      streams.add(res)
      req.on('close', () => streams.delete(res))
      return
    }
    if (url.pathname.startsWith('/api/')) {
      if (req.method !== 'POST') return sendJson(res, 405, forbidden('use POST'))
      if (!sameToken(req.headers['x-quire-token'], token))
        return sendJson(res, 401, forbidden('bad token'))
      if (url.pathname === '/api/import:upload' && opts.uploads) {
        return uploadSlots(() => streamedUpload(req, res, opts.uploads!))
      }
      const body = await readBody(req)
      if (body === null) return sendJson(res, 413, invalid('request body is too large'))
      let input: unknown
      try {
        input = body.length ? JSON.parse(body) : {}
      } catch {
        return sendJson(res, 400, invalid('request body is not JSON'))
      }
      let op: string
      try {
        op = decodeURIComponent(url.pathname.slice('/api/'.length))
      } catch {
        return sendJson(res, 400, invalid('malformed operation name'))
      }
      return sendJson(res, 200, await dispatch(opts.handlers, op, input))
    }
    if (req.method !== 'GET' && req.method !== 'HEAD')
      return sendJson(res, 405, forbidden('GET only'))
    // Article images. No token: an <img> cannot send one; the names are sha256 digests.
    // Other names under /assets/ are the renderer's own bundles and fall through.
    const asset = ASSET_PATH.exec(url.pathname)
    if (asset && opts.assetsDir) {
      if (!isAssetRequestAllowed(req.headers['sec-fetch-site']))
        return sendJson(res, 403, forbidden('request from another site'))
      return serveAsset(res, opts.assetsDir, asset[1]!, req.method === 'HEAD')
    }
    const ticket = /^\/open\/([A-Za-z0-9_-]{20,64})$/.exec(url.pathname)?.[1]
    if (ticket) {
      const open = tickets.get(ticket)
      tickets.delete(ticket)
      if (!open || open.expires < Date.now()) return sendJson(res, 404, forbidden('link expired'))
      res.writeHead(302, {
        location: `/#token=${token}&open=${encodeURIComponent(open.id)}`,
        'cache-control': 'no-store',
        'referrer-policy': 'no-referrer',
      })
      res.end()
      return
    }
    // Browsers and tools ask for /favicon.ico whatever the page links: send them to the icon.
    if (url.pathname === '/favicon.ico') {
      res.writeHead(301, { location: '/favicon.svg', 'cache-control': 'max-age=86400' })
      res.end()
      return
    }
    return serveStatic(res, opts.staticDir, url.pathname)
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve())
  })
  const { port } = server.address() as AddressInfo
  origin = `http://127.0.0.1:${port}`

  return {
    url: origin,
    appUrl: `${origin}/#token=${token}`,
    token,
    openLink(articleId) {
      const ticket = randomBytes(24).toString('base64url')
      tickets.set(ticket, { id: articleId, expires: Date.now() + OPEN_LINK_MS })
      return `${origin}/open/${ticket}`
    },
    emit(event, payload) {
      if (!EVENT_NAMES.includes(event)) return
      const frame = `event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`
      for (const s of streams) s.write(frame)
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of streams) s.end()
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

/** `import:upload` with its files spooled to disk, then handed to `run`; the spool goes after. */
async function streamedUpload(
  req: IncomingMessage,
  res: ServerResponse,
  run: NonNullable<ServeOptions['uploads']>,
): Promise<void> {
  let spooled
  try {
    spooled = await spoolUpload(req)
  } catch (err) {
    if (err instanceof UploadRefused) {
      return sendJson(res, 400, invalid(`Invalid input for import:upload: ${err.message}`))
    }
    throw err
  }
  const tags = TagNameSchema.array().max(50).safeParse(spooled.tags)
  const answer = !tags.success
    ? null
    : await run(spooled.files, tags.data).then(
        (v) => ({ ok: true, value: v }),
        (err: unknown) => ({ ok: false, error: toApiError(err) }),
      )
  // The spool goes before the answer: once told, the caller may count on it being gone.
  await spooled.discard()
  if (!answer) {
    return sendJson(res, 400, invalid('Invalid input for import:upload at tags: not a tag name'))
  }
  sendJson(res, 200, answer)
}

/** Runs at most `n` tasks at once, the others queued in order. */
function slots(n: number): <T>(task: () => Promise<T>) => Promise<T> {
  let running = 0
  const waiting: (() => void)[] = []
  return async (task) => {
    if (running >= n) await new Promise<void>((resolve) => waiting.push(resolve))
    running++
    try {
      return await task()
    } finally {
      running--
      waiting.shift()?.()
    }
  }
}

function isOurHost(host: string | undefined, origin: string): boolean {
  return host !== undefined && `http://${host}` === origin
}

/** Browsers send Origin on cross-site and POST requests; when present it must be ours. */
function isOurOrigin(header: string | undefined, origin: string): boolean {
  return header === undefined || header === origin
}

async function readBody(req: IncomingMessage): Promise<string | null> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req) {
    size += (chunk as Buffer).length
    if (size > MAX_BODY_BYTES) return null
    chunks.push(chunk as Buffer)
  }
  return Buffer.concat(chunks).toString('utf8')
}

async function serveStatic(res: ServerResponse, dir: string | undefined, pathname: string) {
  if (!dir)
    return sendJson(res, 404, { ok: false, error: { code: 'NOT_FOUND', message: 'no UI built' } })
  let rel: string
  try {
    rel = pathname === '/' ? 'index.html' : decodeURIComponent(pathname).replace(/^\/+/, '')
  } catch {
    return sendJson(res, 400, invalid('malformed path'))
  }
  const base = resolve(dir)
  const full = resolve(base, rel)
  if (!full.startsWith(base + sep)) return sendJson(res, 404, forbidden('outside the app'))
  let data: Buffer
  try {
    data = await readFile(full)
  } catch {
    res.writeHead(404, { 'content-type': 'text/plain' })
    res.end('not found')
    return
  }
  res.writeHead(200, {
    'content-type': TYPES[extname(full)] ?? 'application/octet-stream',
    'content-security-policy': CONTENT_SECURITY_POLICY,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cache-control': 'no-cache',
  })
  res.end(data)
}

const ASSET_PATH = /^\/assets\/([0-9a-f]{64}\.(?:png|jpg|gif|webp|avif|bmp|ico))$/

async function serveAsset(res: ServerResponse, dir: string, name: string, head: boolean) {
  const data = await readAssetFile(dir, name)
  if (!data) {
    res.writeHead(404, { 'content-type': 'text/plain', 'x-content-type-options': 'nosniff' })
    res.end('not found')
    return
  }
  res.writeHead(200, { ...assetHeaders(name), 'content-length': String(data.length) })
  res.end(head ? undefined : data)
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
  })
  res.end(JSON.stringify(body))
}

function forbidden(message: string) {
  return { ok: false, error: { code: 'FORBIDDEN', message } }
}

function invalid(message: string) {
  return { ok: false, error: { code: 'INVALID_INPUT', message } }
}

/** Token comparison in constant time, so response timing says nothing about the token. */
function sameToken(given: string | string[] | null | undefined, token: string): boolean {
  if (typeof given !== 'string') return false
  const a = Buffer.from(given)
  const b = Buffer.from(token)
  return a.length === b.length && timingSafeEqual(a, b)
}
