// Fetches one http(s) resource safely: a deadline, a size cap, redirects followed by hand so
// every hop is checked, private addresses refused (and the connection pinned to the address
// checked, see pinned-dispatcher.ts), and failures told in one clear sentence.
import { fetch } from 'undici'
import { ImportFailure } from '../import/extracted.ts'
import { parseContentType } from './content-type.ts'
import { assertPublicHost, systemResolver, type Resolver } from './host-guard.ts'
import { httpFailure, networkFailure } from './net-errors.ts'
import { pinnedDispatcher } from './pinned-dispatcher.ts'
import { readCapped, tooLarge } from './read-body.ts'

export const USER_AGENT = 'Mozilla/5.0 (compatible; Quire/0.1; offline news archive)'
export const DEFAULT_TIMEOUT_MS = 20_000
export const DEFAULT_MAX_BYTES = 32 * 1024 * 1024
export const DEFAULT_MAX_REDIRECTS = 5

const REDIRECTS = new Set([301, 302, 303, 307, 308])

export interface FetchOptions {
  /**
   * Lets the starting URL's own host be a private or local address: true for an address the
   * user typed. Redirects to any other host are still checked.
   */
  allowPrivate?: boolean
  /** For the whole fetch, redirects and body included. */
  timeoutMs?: number
  maxBytes?: number
  maxRedirects?: number
  /** The Accept header. */
  accept?: string
  /** Extra request headers (If-None-Match, If-Modified-Since). */
  headers?: Record<string, string>
  /** DNS for the private-address check (tests pass a fake). */
  resolve?: Resolver
}

export interface FetchedResource {
  finalUrl: string
  status: number
  /** Lower-case type/subtype, '' when the server sent none. */
  contentType: string
  charset?: string
  bytes: Uint8Array
  etag?: string
  lastModified?: string
}

/**
 * GETs `url`. Throws ImportFailure: 'INVALID_INPUT' for a malformed or non-http(s) address,
 * 'TOO_LARGE' past maxBytes, 'NETWORK' for everything else (no network, unknown host, refused
 * connection, timeout, too many redirects, a private address, 4xx/5xx). 304 is returned,
 * not thrown, with no bytes.
 */
export async function fetchResource(
  url: string,
  opts: FetchOptions = {},
): Promise<FetchedResource> {
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES
  const maxRedirects = opts.maxRedirects ?? DEFAULT_MAX_REDIRECTS
  const signal = AbortSignal.timeout(timeoutMs)
  const start = httpUrl(url)
  const resolve = opts.resolve ?? systemResolver
  // Which host may be private is decided per hop; the lookup reads it when it connects.
  const trust = { host: null as string | null }
  const dispatcher = pinnedDispatcher({
    resolve,
    trustedHost: () => trust.host,
  })
  try {
    return await fetchHops(start, opts, {
      signal,
      timeoutMs,
      maxBytes,
      maxRedirects,
      dispatcher,
      trust,
    })
  } finally {
    await dispatcher.destroy().catch(() => {})
  }
}

interface HopContext {
  signal: AbortSignal
  timeoutMs: number
  maxBytes: number
  maxRedirects: number
  dispatcher: ReturnType<typeof pinnedDispatcher>
  trust: { host: string | null }
}

async function fetchHops(
  start: URL,
  opts: FetchOptions,
  hop: HopContext,
): Promise<FetchedResource> {
  const { signal, timeoutMs, maxBytes, maxRedirects } = hop
  let current = start
  for (let n = 0; ; n++) {
    try {
      const trusted = opts.allowPrivate === true && current.host === start.host
      hop.trust.host = trusted ? current.hostname.replace(/^\[|\]$/g, '') : null
      if (!trusted)
        await withSignal(assertPublicHost(current, opts.resolve ?? systemResolver), signal)
      const res = await fetch(current, {
        redirect: 'manual',
        signal,
        dispatcher: hop.dispatcher,
        headers: { 'user-agent': USER_AGENT, accept: opts.accept ?? '*/*', ...opts.headers },
      })
      const location = res.headers.get('location')
      if (REDIRECTS.has(res.status) && location) {
        await res.body?.cancel().catch(() => undefined)
        if (n >= maxRedirects) {
          throw new ImportFailure(
            'NETWORK',
            `could not fetch ${start.href}: too many redirects (more than ${maxRedirects})`,
          )
        }
        current = httpUrl(new URL(location, current).href)
        continue
      }
      if (res.status >= 400) {
        await res.body?.cancel().catch(() => undefined)
        throw httpFailure(current.href, res.status, res.statusText)
      }
      const length = Number(res.headers.get('content-length'))
      if (Number.isFinite(length) && length > maxBytes) {
        await res.body?.cancel().catch(() => undefined)
        throw tooLarge(current.href, maxBytes)
      }
      const bytes =
        res.status === 304 ? new Uint8Array(0) : await readCapped(res.body, maxBytes, current.href)
      const { type, charset } = parseContentType(res.headers.get('content-type'))
      const etag = res.headers.get('etag')
      const lastModified = res.headers.get('last-modified')
      return {
        finalUrl: current.href,
        status: res.status,
        contentType: type,
        ...(charset ? { charset } : {}),
        bytes,
        ...(etag ? { etag } : {}),
        ...(lastModified ? { lastModified } : {}),
      }
    } catch (err) {
      throw networkFailure(err, current, timeoutMs)
    }
  }
}

/** The parsed URL. Throws ImportFailure 'INVALID_INPUT' unless it is an absolute http(s) URL. */
function httpUrl(raw: string): URL {
  let u: URL
  try {
    u = new URL(raw)
  } catch {
    throw new ImportFailure('INVALID_INPUT', `"${raw}" is not a web address`)
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') {
    throw new ImportFailure(
      'INVALID_INPUT',
      `only http and https addresses can be fetched, not ${u.protocol}`,
    )
  }
  if (u.username || u.password) {
    throw new ImportFailure(
      'INVALID_INPUT',
      'addresses with a user name or password are not fetched',
    )
  }
  return u
}

/** Rejects with the signal's reason when it aborts first (DNS lookups take no signal). */
function withSignal<T>(p: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason)
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason)
    signal.addEventListener('abort', onAbort, { once: true })
    p.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort))
  })
}
