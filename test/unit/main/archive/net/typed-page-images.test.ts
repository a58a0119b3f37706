// A page whose address the user typed may be on the local network, but the images it
// refers to follow the same private-address rule as feeds: a hostile page cannot make
// Quire fetch 127.0.0.1 on another port, or the cloud metadata address, as "images".
import { readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ArchiveService } from '../../../../../main/archive/service.ts'
import { tempDir } from '../../../helpers/temp-dir.ts'
import { startServer, type TestServer } from './test-server.ts'

let page: TestServer
let inside: TestServer
const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.alloc(32, 7),
])

beforeAll(async () => {
  inside = await startServer({
    '/pic.png': (_req, res) => res.writeHead(200, { 'content-type': 'image/png' }).end(PNG),
  })
  const text = Array.from(
    { length: 6 },
    (_, i) => `<p>Paragraph ${i} of the typed page, long enough to be read as the article.</p>`,
  ).join('')
  page = await startServer({
    '/story.html': (_req, res) =>
      res
        .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
        .end(
          `<!doctype html><html><head><title>Typed page</title></head><body><article>` +
            `<h1>Typed page</h1>${text}` +
            `<p><img src="http://127.0.0.1:${inside.port}/pic.png" alt="inside"></p>` +
            `<p><img src="http://169.254.169.254/latest/meta-data/x.png" alt="metadata"></p>` +
            `</article></body></html>`,
        ),
  })
})
afterAll(async () => {
  await page.close()
  await inside.close()
})

async function importTyped(allowLocalNetwork: boolean) {
  const root = join(await tempDir(), 'archive')
  const service = await ArchiveService.open(root)
  if (allowLocalNetwork) await service.setOptions({ allowLocalNetwork: true })
  const report = await service.importUrls([page.url('/story.html')])
  const assets = await readdir(join(root, 'assets')).catch(() => [] as string[])
  await service.close()
  return { report, assets }
}

describe('images of a typed page', () => {
  it('loads the typed page from 127.0.0.1, but not its images from private addresses', async () => {
    const before = inside.seen.length
    const { report, assets } = await importTyped(false)
    expect(report).toMatchObject({ imported: 1, failed: 0 })
    expect(assets).toEqual([])
    expect(inside.seen.length).toBe(before) // refused before any connection
  })

  it('fetches them once the user allows local network sources', async () => {
    const { report, assets } = await importTyped(true)
    expect(report).toMatchObject({ imported: 1 })
    expect(assets).toHaveLength(1)
  })
})
