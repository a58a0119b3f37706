// GET /assets/<sha256>.<ext>: article images from the archive for the browser shell, with
// the same Host check as everything else and nothing served but content-addressed names.
import { mkdir, writeFile } from 'node:fs/promises'
import { request } from 'node:http'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createHandlers } from '../../../../main/api/handlers.ts'
import { ArchiveService } from '../../../../main/archive/service.ts'
import { archiveLayout } from '../../../../main/archive/store/layout.ts'
import { startServer, type RunningServer } from '../../../../main/serve/server.ts'
import { tempDir } from '../../helpers/temp-dir.ts'

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
)
const NAME = `${'0f'.repeat(32)}.png`

let server: RunningServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

async function start(): Promise<RunningServer> {
  const root = await tempDir()
  const ui = join(root, 'ui')
  await mkdir(join(ui, 'assets'), { recursive: true })
  await writeFile(join(ui, 'index.html'), '<!doctype html><title>Quire</title>')
  await writeFile(join(ui, 'assets', 'index-abc.js'), 'console.log(1)')
  const service = await ArchiveService.open(join(root, 'archive'))
  const { assetsDir } = archiveLayout(join(root, 'archive'))
  await mkdir(assetsDir, { recursive: true })
  await writeFile(join(assetsDir, NAME), PNG)
  await writeFile(join(assetsDir, 'secret.txt'), 'PRIVATE')
  server = await startServer({
    handlers: createHandlers(service, () => {}),
    staticDir: ui,
    assetsDir,
  })
  return server
}

function get(
  url: string,
  headers: Record<string, string> = {},
  method = 'GET',
): Promise<{ status: number; body: Buffer; headers: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks), headers: res.headers }),
      )
    })
    req.on('error', reject)
    req.end()
  })
}

describe('the asset route', () => {
  it('serves an archived image without a token, typed, nosniff, cached for good', async () => {
    const s = await start()
    const r = await get(`${s.url}/assets/${NAME}`)
    expect(r.status).toBe(200)
    expect(r.body).toEqual(PNG)
    expect(r.headers['content-type']).toBe('image/png')
    expect(r.headers['x-content-type-options']).toBe('nosniff')
    expect(r.headers['cache-control']).toBe('public, max-age=31536000, immutable')
    expect(r.headers['cross-origin-resource-policy']).toBe('same-origin')
    const head = await get(`${s.url}/assets/${NAME}`, {}, 'HEAD')
    expect(head.status).toBe(200)
    expect(head.body.length).toBe(0)
  })

  it('keeps serving the renderer bundles under /assets/', async () => {
    const s = await start()
    const r = await get(`${s.url}/assets/index-abc.js`)
    expect(r.status).toBe(200)
    expect(r.body.toString()).toBe('console.log(1)')
  })

  it('refuses a foreign Host (DNS rebinding) and cross-site embedding', async () => {
    const s = await start()
    expect((await get(`${s.url}/assets/${NAME}`, { host: 'evil.example' })).status).toBe(403)
    const embedded = await get(`${s.url}/assets/${NAME}`, { 'sec-fetch-site': 'cross-site' })
    expect(embedded.status).toBe(403)
    expect(embedded.body.includes(PNG)).toBe(false)
    expect((await get(`${s.url}/assets/${NAME}`, { 'sec-fetch-site': 'same-origin' })).status).toBe(
      200,
    )
  })

  it.each([
    '/assets/secret.txt',
    `/assets/${NAME.toUpperCase()}`,
    `/assets/..%2F${NAME}`,
    `/assets/${'0f'.repeat(32)}.svg`,
    `/assets/${'1f'.repeat(32)}.png`,
  ])('serves nothing from the archive for %s', async (path) => {
    const s = await start()
    const r = await get(`${s.url}${path}`)
    expect(r.status).toBeGreaterThanOrEqual(400)
    expect(r.body.toString()).not.toContain('PRIVATE')
  })
})
