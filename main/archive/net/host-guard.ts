// Refuses a URL whose host resolves to a private or local address (SSRF guard): a feed item
// or a page image must not make Quire reach the user's router, localhost or cloud metadata.
import { lookup } from 'node:dns/promises'
import { isIP } from 'node:net'
import { ImportFailure } from '../import/extracted.ts'
import { isPrivateAddress } from './private-address.ts'

export type Resolver = (host: string) => Promise<string[]>

/** Every address the system resolver gives for `host` (IPv4 and IPv6). */
export const systemResolver: Resolver = async (host) =>
  (await lookup(host, { all: true, verbatim: true })).map((a) => a.address)

/**
 * Resolves `url`'s host and throws ImportFailure 'NETWORK' when any of its addresses is
 * private. Resolver errors (no such host, no network) are thrown as they come. This is the
 * early, clear refusal; the connection itself is pinned to addresses checked again at
 * connect time (pinned-dispatcher.ts), which is what catches DNS rebinding.
 */
export async function assertPublicHost(
  url: URL,
  resolve: Resolver = systemResolver,
): Promise<void> {
  const host = url.hostname.replace(/^\[|\]$/g, '')
  const addresses = isIP(host) ? [host] : await resolve(host)
  const bad = addresses.find(isPrivateAddress)
  if (bad !== undefined || addresses.length === 0) {
    const where = bad === undefined || bad === host ? '' : ` (${bad})`
    throw new ImportFailure(
      'NETWORK',
      `refused to fetch ${url.href}: ${host}${where} is a private or local network address`,
    )
  }
}
