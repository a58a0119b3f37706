// The app:// protocol: serves dist/renderer with the CSP on every response and refuses
// anything outside that folder.
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { CONTENT_SECURITY_POLICY } from '../../../../shared/csp.ts'
import { tempDir } from '../../helpers/temp-dir.ts'

vi.mock('electron', () => import('./fake-electron.ts'))

const { protocol } = await import('./fake-electron.ts')
const { createAppProtocolHandler, handleAppProtocol, registerAppScheme, resolveInside } =
  await import('../../../../main/app/protocol.ts')

/** A renderer folder next to a secret file that must never be served. */
async function rendererDir(): Promise<string> {
  const base = await tempDir()
  const dir = join(base, 'renderer')
  await mkdir(join(dir, 'assets'), { recursive: true })
  await writeFile(join(dir, 'index.html'), '<!doctype html><title>Quire</title>')
  await writeFile(join(dir, 'assets', 'app.js'), 'console.log(1)')
  await writeFile(join(base, 'secret.txt'), 'SECRET')
  return dir
}

async function get(url: string, method = 'GET') {
  const handler = createAppProtocolHandler(await rendererDir())
  const res = await handler(new Request(url, { method }))
  return { res, text: await res.text() }
}

beforeEach(() => {
  vi.clearAllMocks()
})

describe('app protocol', () => {
  it('registers app: as a standard, secure scheme and handles it', async () => {
    registerAppScheme()
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      expect.objectContaining({
        scheme: 'app',
        privileges: expect.objectContaining({ standard: true, secure: true }),
      }),
    ])
    handleAppProtocol(await rendererDir())
    expect(protocol.handle).toHaveBeenCalledWith('app', expect.any(Function))
  })

  it('serves index.html for the root with the CSP and nosniff', async () => {
    const { res, text } = await get('app://quire/')
    expect(res.status).toBe(200)
    expect(text).toContain('<title>Quire</title>')
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY)
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
  })

  it('serves assets with their type', async () => {
    const { res, text } = await get('app://quire/assets/app.js')
    expect(res.status).toBe(200)
    expect(text).toBe('console.log(1)')
    expect(res.headers.get('content-type')).toMatch(/^text\/javascript/)
  })

  it.each([
    'app://quire/..%2Fsecret.txt',
    'app://quire/assets/..%2F..%2Fsecret.txt',
    'app://quire/%2e%2e%2fsecret.txt',
    'app://quire/..%5Csecret.txt',
    'app://quire/index.html%00.js',
    'app://quire/%E0%A4%A',
  ])('refuses %s with the CSP still set', async (url) => {
    const { res, text } = await get(url)
    expect(res.status).toBe(403)
    expect(text).not.toContain('SECRET')
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY)
  })

  it('never resolves a path with .. segments outside the folder', () => {
    expect(resolveInside('/srv/renderer', '/../secret.txt')).toBeNull()
    expect(resolveInside('/srv/renderer', '/assets/../../secret.txt')).toBeNull()
    expect(resolveInside('/srv/renderer', '/%2e%2e/secret.txt')).toBeNull()
    expect(resolveInside('/srv/renderer', '/assets/app.js')).toBe(
      join('/srv/renderer/assets/app.js'),
    )
  })

  it('answers 404 for missing files and other hosts, 405 for other methods', async () => {
    expect((await get('app://quire/missing.js')).res.status).toBe(404)
    expect((await get('app://other/index.html')).res.status).toBe(404)
    expect((await get('app://quire/index.html', 'POST')).res.status).toBe(405)
  })

  describe('article images from the archive', () => {
    const PNG = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
      'base64',
    )
    const NAME = `${'ab'.repeat(32)}.png`

    async function withAssets() {
      const renderer = await rendererDir()
      const assets = join(renderer, '..', 'archive-assets')
      await mkdir(assets)
      await writeFile(join(assets, NAME), PNG)
      await writeFile(join(assets, 'notes.txt'), 'PRIVATE')
      return createAppProtocolHandler(renderer, assets)
    }

    it('serves assets/<sha256>.<ext> from the archive with its type, nosniff and a long cache', async () => {
      const handler = await withAssets()
      const res = await handler(new Request(`app://quire/assets/${NAME}`))
      expect(res.status).toBe(200)
      expect(Buffer.from(await res.arrayBuffer())).toEqual(PNG)
      expect(res.headers.get('content-type')).toBe('image/png')
      expect(res.headers.get('x-content-type-options')).toBe('nosniff')
      expect(res.headers.get('cache-control')).toMatch(/max-age=31536000/)
      expect(res.headers.get('cross-origin-resource-policy')).toBe('same-origin')
    })

    it('still serves the renderer bundles under assets/', async () => {
      const handler = await withAssets()
      const res = await handler(new Request('app://quire/assets/app.js'))
      expect(await res.text()).toBe('console.log(1)')
    })

    it.each([
      'app://quire/assets/notes.txt',
      `app://quire/assets/${NAME.toUpperCase()}`,
      `app://quire/assets/..%2F${NAME}`,
      `app://quire/assets/${'ab'.repeat(32)}.svg`,
      `app://quire/assets/${'cd'.repeat(32)}.png`,
    ])('serves nothing from the archive for %s', async (url) => {
      const handler = await withAssets()
      const res = await handler(new Request(url))
      expect(res.status).toBeGreaterThanOrEqual(400)
      expect(await res.text()).not.toContain('PRIVATE')
    })
  })
})
