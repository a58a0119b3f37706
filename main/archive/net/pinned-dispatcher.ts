// The connection goes to the address that was checked. An undici Agent whose socket lookup
// is ours: it resolves the host, refuses it when any address is private or local (unless
// this host was typed by the user), and hands the socket exactly those addresses. No second
// lookup happens between the check and the connect, so a host that answers a public
// address to the check and a private one a moment later (DNS rebinding) is caught.
import type { LookupAddress, LookupOneOptions } from 'node:dns'
import { isIP } from 'node:net'
import { Agent } from 'undici'
import { ImportFailure } from '../import/extracted.ts'
import { isPrivateAddress } from './private-address.ts'
import type { Resolver } from './host-guard.ts'

type LookupCallback = (
  err: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void

export interface PinnedOptions {
  resolve: Resolver
  /**
   * The host name whose private addresses are allowed right now (the address the user
   * typed, for the hop that goes there), or null; read at each connect.
   */
  trustedHost: () => string | null
  connectTimeoutMs?: number
}

/** An Agent for one fetch (its redirects included); close it when the fetch is over. */
export function pinnedDispatcher(opts: PinnedOptions): Agent {
  const lookup = (
    hostname: string,
    options: LookupOneOptions & { all?: boolean },
    callback: LookupCallback,
  ): void => {
    const host = hostname.replace(/^\[|\]$/g, '')
    const resolved = isIP(host) ? Promise.resolve([host]) : opts.resolve(host)
    resolved.then(
      (addresses) => {
        const bad = addresses.find(isPrivateAddress)
        if (addresses.length === 0 || (bad !== undefined && host !== opts.trustedHost())) {
          const where = bad === undefined || bad === host ? '' : ` (${bad})`
          callback(
            new ImportFailure(
              'NETWORK',
              `refused to connect to ${host}${where}: a private or local network address`,
            ) as unknown as NodeJS.ErrnoException,
            '',
          )
          return
        }
        const family = options?.family === 4 || options?.family === 6 ? options.family : 0
        const list = addresses
          .map((address) => ({ address, family: isIP(address) }))
          .filter((a) => a.family !== 0 && (!family || a.family === family))
        if (!list.length) {
          callback(Object.assign(new Error(`no address for ${host}`), { code: 'ENOTFOUND' }), '')
        } else if (options?.all) callback(null, list)
        else callback(null, list[0]!.address, list[0]!.family)
      },
      (err: NodeJS.ErrnoException) => callback(err, ''),
    )
  }
  return new Agent({
    connect: {
      lookup: lookup as never,
      ...(opts.connectTimeoutMs ? { timeout: opts.connectTimeoutMs } : {}),
    },
  })
}
