// Picks the API transport: Electron's preload bridge when present, else the browser shell's
// HTTP API with the token handed over in the URL fragment.
import type { QuireClient } from '../../../shared/api.ts'
import type { QuireBridge } from '../../../shared/bridge.ts'
import { createBridgeClient } from './bridge-client.ts'
import { createHttpClient } from './http-client.ts'
import { takeSessionToken } from './session-token.ts'

declare global {
  interface Window {
    quire?: QuireBridge
  }
}

export type ClientChoice =
  { ok: true; client: QuireClient; transport: 'electron' | 'http' } | { ok: false; reason: string }

/** Decides once, at start-up, how this window reaches the archive. */
export function createClient(): ClientChoice {
  if (window.quire)
    return { ok: true, client: createBridgeClient(window.quire), transport: 'electron' }
  const token = takeSessionToken()
  if (!token) {
    return {
      ok: false,
      reason:
        'This page was opened without its access token. Open the address Quire printed in the terminal where it started (`npm start`, `npm run serve` or `quire serve`): it begins with http://127.0.0.1 and ends in #token=…',
    }
  }
  return { ok: true, client: createHttpClient(token), transport: 'http' }
}
