// Turns what fetch, DNS and sockets throw into one sentence a person can act on.
import { STATUS_CODES } from 'node:http'
import { ImportFailure } from '../import/extracted.ts'
import { UnreachableFailure } from './unreachable.ts'

/** The error code buried in fetch's "fetch failed" TypeError (cause, or the cause's first error). */
export function errorCode(err: unknown): string | undefined {
  for (let e: unknown = err, depth = 0; e && depth < 4; depth++) {
    const code = (e as { code?: unknown }).code
    if (typeof code === 'string') return code
    const inner = (e as { errors?: unknown[] }).errors
    e = Array.isArray(inner) && inner.length ? inner[0] : (e as { cause?: unknown }).cause
  }
  return undefined
}

export function isTimeout(err: unknown): boolean {
  const name = (err as { name?: unknown } | undefined)?.name
  return name === 'TimeoutError' || errorCode(err) === 'UND_ERR_CONNECT_TIMEOUT'
}

const NO_HOST = new Set([
  'ENOTFOUND',
  'EAI_AGAIN',
  'EAI_FAIL',
  'EAI_NODATA',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'ENETDOWN',
])

/** A NETWORK failure for a fetch of `url` that threw `err`; ImportFailures pass through. */
export function networkFailure(err: unknown, url: URL, timeoutMs: number): ImportFailure {
  // Our own refusal may come wrapped: the pinned lookup's, inside fetch's "fetch failed".
  for (let e: unknown = err, depth = 0; e && depth < 4; depth++) {
    if (e instanceof ImportFailure) return e
    e = (e as { cause?: unknown }).cause
  }
  const host = url.hostname
  if (isTimeout(err)) {
    return new UnreachableFailure(
      `${url.href} did not answer within ${seconds(timeoutMs)} (timed out)`,
    )
  }
  const code = errorCode(err)
  if (code && NO_HOST.has(code)) {
    return new UnreachableFailure(`could not reach ${host}: no network or the host does not exist`)
  }
  if (code === 'ECONNREFUSED') {
    return new UnreachableFailure(`could not connect to ${host}: the connection was refused`)
  }
  if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET' || code === 'EPIPE') {
    return new UnreachableFailure(`the connection to ${host} was cut off`)
  }
  if (code && /CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_VERIFY/.test(code)) {
    return new ImportFailure(
      'NETWORK',
      `the secure connection to ${host} failed (certificate problem: ${code})`,
    )
  }
  const detail = code ?? innermostMessage(err)
  return new ImportFailure('NETWORK', `could not fetch ${url.href}: ${detail}`)
}

/** fetch says only "fetch failed"; the reason ("bad port", a socket error) is in its cause. */
function innermostMessage(err: unknown): string {
  let message = err instanceof Error ? err.message : String(err)
  for (let e = (err as { cause?: unknown }).cause, depth = 0; e && depth < 4; depth++) {
    if (e instanceof Error && e.message) message = e.message
    e = (e as { cause?: unknown }).cause
  }
  return message === 'fetch failed' ? 'the server did not answer' : message
}

export function httpFailure(url: string, status: number, statusText: string): ImportFailure {
  const text = statusText || STATUS_CODES[status] || ''
  return new ImportFailure(
    'NETWORK',
    `could not fetch ${url}: the server answered ${status}${text ? ` ${text}` : ''}`,
  )
}

function seconds(ms: number): string {
  return ms >= 1000 ? `${Math.round(ms / 100) / 10} s` : `${ms} ms`
}
