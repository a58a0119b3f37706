// A capture endpoint on a throwaway archive and config folder, and raw requests to it that
// carry exactly the headers a browser, a web page or another extension would send.
import { request } from 'node:http'
import { join } from 'node:path'
import { ArchiveService } from '../../../../../main/archive/service.ts'
import {
  startCapture,
  type CaptureEndpoint,
} from '../../../../../main/serve/capture/start-capture.ts'
import { tempDir } from '../../../helpers/temp-dir.ts'

export const EXTENSION = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop'
export const OTHER_EXTENSION = 'chrome-extension://ponmlkjihgfedcbaponmlkjihgfedcba'

export interface Setup {
  service: ArchiveService
  endpoint: CaptureEndpoint
  address: string
  configDir: string
  root: string
}

export async function setup(
  configDir?: string,
  root?: string,
  extra: Pick<Parameters<typeof startCapture>[0], 'openLink' | 'showInApp'> = {},
): Promise<Setup> {
  const dir = root ?? join(await tempDir(), 'archive')
  const config = configDir ?? (await tempDir('quire-config-'))
  const service = await ArchiveService.open(dir)
  const archive = { ...service.captures, tags: () => service.tags() }
  const endpoint = await startCapture({ archive, port: 0, configDir: config, ...extra })
  return { service, endpoint, address: endpoint.server!.address, configDir: config, root: dir }
}

export async function teardown(s: Setup | undefined): Promise<void> {
  await s?.endpoint.close()
  await s?.service.close()
}

export interface Answer {
  status: number
  json: { ok: boolean; value?: unknown; error?: { code: string; message: string } } | null
  headers: Record<string, unknown>
}

export function post(
  url: string,
  opts: {
    origin?: string | null
    token?: string
    body?: unknown
    method?: string
    host?: string
    contentType?: string
  } = {},
): Promise<Answer> {
  const headers: Record<string, string> = {
    'content-type': opts.contentType ?? 'application/json',
  }
  if (opts.origin !== null) headers.origin = opts.origin ?? EXTENSION
  if (opts.token) headers['x-quire-token'] = opts.token
  if (opts.host) headers.host = opts.host
  return new Promise((resolve, reject) => {
    const req = request(url, { method: opts.method ?? 'POST', headers }, (res) => {
      let text = ''
      res.on('data', (c) => (text += c))
      res.on('end', () => {
        let json: Answer['json'] = null
        try {
          json = JSON.parse(text) as Answer['json']
        } catch {
          // Not JSON: the test says what it expected.
        }
        resolve({ status: res.statusCode ?? 0, json, headers: res.headers })
      })
    })
    req.on('error', reject)
    req.end(opts.body === undefined ? undefined : JSON.stringify(opts.body))
  })
}

/** Pairs EXTENSION (or `origin`) with a fresh code; returns its token. */
export async function pair(s: Setup, origin = EXTENSION): Promise<string> {
  const { code } = s.endpoint.pairingCode()
  const answer = await post(`${s.address}/capture/pair`, { origin, body: { code } })
  if (!answer.json?.ok) throw new Error(`pairing failed: ${JSON.stringify(answer.json)}`)
  return (answer.json.value as { token: string }).token
}

export function page(title: string, paragraphs: string[], extra = ''): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head>
<body><nav><a href="/">Home</a></nav><article><h1>${title}</h1>${extra}${paragraphs
    .map((p) => `<p>${p}</p>`)
    .join('\n')}</article></body></html>`
}

export const PARAS = [
  'The river pilots of the lower estuary keep a logbook that has been written in every day since the harbour opened, and the newest volume was shown to visitors this week.',
  'Each entry notes the tide, the wind and the ships brought in, and the older volumes, kept at the museum, show how the trade of the port changed over a century and a half.',
  'The pilots said they would go on writing by hand, because a logbook that anyone can read without a machine is the one that will still be read in another hundred years.',
]
