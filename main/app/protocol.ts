// Serves the built renderer (dist/renderer) through the privileged `app://quire/` scheme,
// so pages get a real origin and a CSP header, and never run from file://.
import { readFile } from 'node:fs/promises'
import { extname, isAbsolute, join, relative, resolve, sep } from 'node:path'
import { protocol } from 'electron'
import { CONTENT_SECURITY_POLICY } from '../../shared/csp.ts'
import { assetHeaders, readAssetFile } from '../archive/store/asset-store.ts'
import { APP_HOST, APP_SCHEME, parseUrl } from './app-url.ts'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.txt': 'text/plain; charset=utf-8',
}

/** Headers every response carries, errors included. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
}

/**
 * Declares the scheme as standard and secure (so it has an origin, storage and fetch).
 * Electron only accepts this before the `ready` event.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
    },
  ])
}

/**
 * Installs the handler for `app://`; call once the app is ready. `assetsDir` is the archive's
 * assets folder, served at `app://quire/assets/<sha256>.<ext>` (article images).
 */
export function handleAppProtocol(rendererDir: string, assetsDir?: string): void {
  protocol.handle(APP_SCHEME, createAppProtocolHandler(rendererDir, assetsDir))
}

// Only content-addressed names; the renderer's own bundles under assets/ do not match.
const ASSET_PATH = /^\/assets\/([0-9a-f]{64}\.(?:png|jpg|gif|webp|avif|bmp|ico))$/

/**
 * The request handler, separate from Electron so it can be tested: GET/HEAD only, host
 * `quire` only, and no path may leave `rendererDir` (`..`, encoded slashes, NUL bytes).
 */
export function createAppProtocolHandler(
  rendererDir: string,
  assetsDir?: string,
): (req: Request) => Promise<Response> {
  const root = resolve(rendererDir)
  return async (req) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return plain(405, 'Method not allowed')
    const url = parseUrl(req.url)
    if (!url || url.host !== APP_HOST) return plain(404, 'Not found')
    const asset = assetsDir === undefined ? null : ASSET_PATH.exec(url.pathname)
    if (asset && assetsDir !== undefined) return serveAsset(assetsDir, asset[1]!, req.method)
    const file = resolveInside(root, url.pathname)
    if (file === null) return plain(403, 'Forbidden')
    let body: Buffer
    try {
      body = await readFile(file)
    } catch {
      return plain(404, 'Not found')
    }
    const headers = {
      ...SECURITY_HEADERS,
      'content-type': TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
      'cache-control': 'no-cache',
    }
    return new Response(req.method === 'HEAD' ? null : new Uint8Array(body), {
      status: 200,
      headers,
    })
  }
}

/** The file for a URL path inside `root`, or null when the path is malformed or escapes. */
export function resolveInside(root: string, pathname: string): string | null {
  let decoded: string
  try {
    decoded = decodeURIComponent(pathname)
  } catch {
    return null
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null
  const segments = decoded.split('/').filter((s) => s !== '')
  if (segments.some((s) => s === '..' || s === '.')) return null
  const rel = segments.length === 0 ? 'index.html' : segments.join('/')
  const full = resolve(join(root, rel))
  const back = relative(root, full)
  if (back === '' || back === '..' || back.startsWith(`..${sep}`) || isAbsolute(back)) return null
  return full
}

async function serveAsset(dir: string, name: string, method: string): Promise<Response> {
  const data = await readAssetFile(dir, name).catch(() => null)
  if (!data) return plain(404, 'Not found')
  return new Response(method === 'HEAD' ? null : data, {
    status: 200,
    headers: { ...SECURITY_HEADERS, ...assetHeaders(name) },
  })
}

function plain(status: number, text: string): Response {
  return new Response(text, {
    status,
    headers: { ...SECURITY_HEADERS, 'content-type': 'text/plain; charset=utf-8' },
  })
}
