// The extension's own state in chrome.storage.local: where Quire listens and the token it
// gave at pairing. Read by the background worker and the popup.
import { DEFAULT_CAPTURE_PORT } from '../../shared/capture-limits.ts'

export const DEFAULT_ADDRESS = `http://127.0.0.1:${DEFAULT_CAPTURE_PORT}`

export interface Connection {
  address: string
  token: string | null
}

export async function connection(): Promise<Connection> {
  const got = await chrome.storage.local.get(['address', 'token'])
  return {
    address: typeof got.address === 'string' ? got.address : DEFAULT_ADDRESS,
    token: typeof got.token === 'string' ? got.token : null,
  }
}

export async function savePairing(address: string, token: string): Promise<void> {
  await chrome.storage.local.set({ address, token })
}

/** Only a loopback address: the capture never leaves this computer. */
export function isLoopbackAddress(address: string): boolean {
  try {
    const u = new URL(address)
    return u.protocol === 'http:' && (u.hostname === '127.0.0.1' || u.hostname === 'localhost')
  } catch {
    return false
  }
}
