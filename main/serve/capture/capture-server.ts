// The narrow endpoint the browser extension delivers captures to, on 127.0.0.1 only and on
// its own port (the extension finds Quire there whether the app or `quire serve` runs). Only
// a paired extension's origin with its token gets past pairing; browsers send Origin on
// every POST, so a web page's script is refused by its origin, and no CORS header is ever
// sent, so a page cannot even read a refusal.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { ZodType } from 'zod'
import {
  CaptureAmendSchema,
  CaptureLookupSchema,
  CaptureRequestSchema,
  MAX_CAPTURE_BYTES,
  PairRequestSchema,
  type CaptureResult,
} from '../../../shared/capture.ts'
import { toApiError } from '../../../shared/errors.ts'
import { QuireError } from '../../../shared/errors.ts'
import { isExtensionOrigin, PairingRefused, type Pairings } from './pairings.ts'
import type { Receipts } from './receipts.ts'

/** What the endpoint asks of the archive (an ArchiveService has all of it). */
export interface CaptureArchive {
  capturePage(capture: {
    url: string
    html: string
    images: ReadonlyMap<string, Uint8Array>
    selection?: { exact: string; prefix?: string | undefined; suffix?: string | undefined }
    tags: string[]
    note?: string | undefined
  }): Promise<CaptureResult>
  amendCapture(id: string, change: { tags: string[]; note?: string | undefined }): Promise<void>
  findByAddress(urls: string[]): { id: string; title: string } | null
  tags(): Promise<{ name: string; count: number }[]>
}

export interface CaptureServerOptions {
  archive: CaptureArchive
  pairings: Pairings
  receipts: Receipts
  port: number
  /** A one-time address that opens the article in Quire, or null when there is no window. */
  openLink?: (id: string) => string | null
  /**
   * The desktop app shows the article in its own window instead (false when it has none);
   * "Open in Quire" then opens no browser tab.
   */
  showInApp?: (id: string) => boolean
  /** Told after a capture changed the archive (the shell's views refresh). */
  onChanged?: () => void
}

export interface CaptureServer {
  address: string
  close(): Promise<void>
}

type Route = (input: unknown, origin: string) => Promise<unknown>

export async function startCaptureServer(opts: CaptureServerOptions): Promise<CaptureServer> {
  const { archive, pairings, receipts } = opts
  let host = ''

  const paired: Record<string, Route> = {
    save: async (input) => {
      const req = parse(CaptureRequestSchema, input, 'save')
      return receipts.once(req.key, async () => {
        const images = new Map<string, Uint8Array>()
        for (const img of req.images) images.set(img.url, Buffer.from(img.data, 'base64'))
        const result = await archive.capturePage({
          url: req.url,
          html: req.html,
          images,
          ...(req.selection ? { selection: req.selection } : {}),
          tags: req.tags,
          note: req.note,
        })
        opts.onChanged?.()
        return result
      })
    },
    amend: async (input) => {
      const req = parse(CaptureAmendSchema, input, 'amend')
      const captured = receipts.get(req.capture) as CaptureResult | undefined
      if (!captured) throw new QuireError('NOT_FOUND', 'that capture has not arrived yet')
      return receipts.once(req.key, async () => {
        await archive.amendCapture(captured.id, { tags: req.tags, note: req.note })
        opts.onChanged?.()
        return { id: captured.id }
      })
    },
    lookup: async (input) => {
      const req = parse(CaptureLookupSchema, input, 'lookup')
      return { found: archive.findByAddress(req.urls) }
    },
    tags: async () => {
      const tags = await archive.tags()
      return { tags: [...tags].sort((a, b) => b.count - a.count).map((t) => t.name) }
    },
    open: async (input) => {
      const id = (input as { id?: unknown } | null)?.id
      if (typeof id !== 'string' || !/^[A-Za-z0-9_-]{1,64}$/.test(id))
        throw new QuireError('INVALID_INPUT', 'open needs an article id')
      if (opts.showInApp) {
        if (!opts.showInApp(id)) throw new QuireError('UNSUPPORTED', 'Quire has no window open')
        return { shown: true }
      }
      const url = opts.openLink?.(id) ?? null
      if (!url) throw new QuireError('UNSUPPORTED', 'this Quire has no window to open it in')
      return { url }
    },
    status: async () => ({ paired: true }),
  }

  const pair: Route = async (input, origin) => {
    const req = parse(PairRequestSchema, input, 'pair')
    try {
      return { token: await pairings.pair(origin, req.code, req.name ?? 'Browser extension') }
    } catch (err) {
      if (err instanceof PairingRefused) throw new QuireError('FORBIDDEN', err.message)
      throw err
    }
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // DNS rebinding: a page on evil.example resolved to 127.0.0.1 still sends its own Host.
    if (req.headers.host !== host) return send(res, 403, 'FORBIDDEN', 'wrong host')
    // No preflight is ever answered with CORS headers, so a page's fetch never gets through.
    if (req.method !== 'POST') return send(res, 405, 'FORBIDDEN', 'use POST')
    const origin = req.headers.origin
    if (!isExtensionOrigin(origin))
      return send(res, 403, 'FORBIDDEN', 'only the paired browser extension may call this')
    if (!/^application\/json(?:;|$)/i.test(req.headers['content-type'] ?? ''))
      return send(res, 415, 'INVALID_INPUT', 'send JSON')
    const name = /^\/capture\/([a-z]+)$/.exec(new URL(req.url ?? '/', 'http://x').pathname)?.[1]
    const route = name === 'pair' ? pair : name ? paired[name] : undefined
    if (!route) return send(res, 404, 'NOT_FOUND', 'no such capture call')
    if (route !== pair) {
      const token = req.headers['x-quire-token']
      if (!pairings.isPaired(origin, typeof token === 'string' ? token : undefined))
        return send(res, 401, 'FORBIDDEN', 'this extension is not paired with Quire')
    }
    const body = await readBody(req)
    if (body === null) return send(res, 413, 'INVALID_INPUT', 'the capture is too large')
    let input: unknown
    try {
      input = body.length ? JSON.parse(body) : {}
    } catch {
      return send(res, 400, 'INVALID_INPUT', 'the request is not JSON')
    }
    try {
      const value = await route(input, origin)
      sendJson(res, 200, { ok: true, value })
    } catch (err) {
      const error = toApiError(err)
      const status =
        error.code === 'INVALID_INPUT'
          ? 400
          : error.code === 'FORBIDDEN'
            ? 403
            : error.code === 'NOT_FOUND'
              ? 404
              : 500
      sendJson(res, status, { ok: false, error })
    }
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (!res.headersSent) sendJson(res, 500, { ok: false, error: toApiError(err) })
      else res.end()
    })
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(opts.port, '127.0.0.1', () => resolve())
  })
  const { port } = server.address() as AddressInfo
  host = `127.0.0.1:${port}`
  return {
    address: `http://${host}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

function parse<T>(schema: ZodType<T>, input: unknown, what: string): T {
  const parsed = schema.safeParse(input)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    const at = issue?.path.length ? ` at ${issue.path.join('.')}` : ''
    throw new QuireError('INVALID_INPUT', `Invalid ${what} request${at}: ${issue?.message ?? ''}`)
  }
  return parsed.data
}

async function readBody(req: IncomingMessage): Promise<string | null> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req) {
    size += (chunk as Buffer).length
    if (size > MAX_CAPTURE_BYTES) return null
    chunks.push(chunk as Buffer)
  }
  return Buffer.concat(chunks).toString('utf8')
}

function send(res: ServerResponse, status: number, code: string, message: string): void {
  sendJson(res, status, { ok: false, error: { code, message } })
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  })
  res.end(JSON.stringify(body))
}
