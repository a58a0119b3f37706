// Starts the capture endpoint beside a running Quire (`quire serve`; the desktop app can do
// the same): pairings and receipts from the config folder, and the pairing code the UI shows.
// A port already taken (another Quire) is reported, not fatal: the rest of Quire runs on.
import type { PairingCode } from '../../../shared/capture.ts'
import { startCaptureServer, type CaptureArchive, type CaptureServer } from './capture-server.ts'
import { Pairings } from './pairings.ts'
import { Receipts } from './receipts.ts'

export interface CaptureEndpoint {
  /** The code for the pairing dialog, with the address the extension is to use. */
  pairingCode(): PairingCode
  server: CaptureServer | null
  close(): Promise<void>
}

export async function startCapture(opts: {
  archive: CaptureArchive
  port: number
  configDir: string
  openLink?: (id: string) => string | null
  showInApp?: (id: string) => boolean
  onChanged?: () => void
}): Promise<CaptureEndpoint> {
  const pairings = await Pairings.open(opts.configDir)
  const receipts = await Receipts.open(opts.configDir)
  let server: CaptureServer | null = null
  let problem: string | undefined
  try {
    server = await startCaptureServer({
      archive: opts.archive,
      pairings,
      receipts,
      port: opts.port,
      ...(opts.openLink ? { openLink: opts.openLink } : {}),
      ...(opts.showInApp ? { showInApp: opts.showInApp } : {}),
      ...(opts.onChanged ? { onChanged: opts.onChanged } : {}),
    })
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code
    problem =
      code === 'EADDRINUSE'
        ? `port ${opts.port} is taken (is another Quire running?)`
        : (err as Error).message
    console.error(`The browser extension cannot reach this Quire: ${problem}`)
  }
  return {
    server,
    pairingCode: () => ({
      ...pairings.newCode(),
      address: server?.address ?? null,
      ...(problem ? { problem } : {}),
      paired: pairings.count,
    }),
    close: async () => {
      await server?.close()
    },
  }
}

/**
 * The capture port the environment asks for (QUIRE_CAPTURE_PORT: a port, or "off"), else
 * the default. A value that is neither is an error naming it.
 */
export function capturePortFromEnv(env: NodeJS.ProcessEnv, fallback: number): number | null {
  const v = env.QUIRE_CAPTURE_PORT?.trim()
  if (!v) return fallback
  if (v === 'off') return null
  const port = Number(v)
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`QUIRE_CAPTURE_PORT must be a port number or "off", not "${v}"`)
  return port
}
