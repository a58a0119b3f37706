// Addresses typed in while the site cannot be reached are kept as link records to fetch later;
// an answer such as 404 still fails. Through the real network code, against a local server.
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { afterEach, expect, it } from 'vitest'
import { ArchiveService } from '../../../../../main/archive/service.ts'
import { tempDir } from '../../../helpers/temp-dir.ts'

const PAGE = `<!doctype html><html lang="en"><head><title>Harbour wall holds</title></head><body>
<article><h1>Harbour wall holds</h1>${'<p>The harbour wall held through the storm, the engineers said, and will last another winter at least.</p>'.repeat(6)}</article></body></html>`

let server: Server | undefined
let service: ArchiveService | undefined
afterEach(async () => {
  await service?.close()
  await new Promise((r) => (server ? server.close(r) : r(undefined)))
  server = service = undefined
})

function listen(port = 0): Promise<number> {
  server = createServer((req, res) => {
    if (req.url === '/story.html') res.writeHead(200, { 'content-type': 'text/html' }).end(PAGE)
    else res.writeHead(404).end('not here')
  })
  return new Promise((resolve) =>
    server!.listen(port, '127.0.0.1', () => resolve((server!.address() as AddressInfo).port)),
  )
}

it('keeps an unreachable address as a link, fails a 404, and fetches the link later', async () => {
  const port = await listen()
  await new Promise((r) => server!.close(r)) // the site goes down
  server = undefined
  service = await ArchiveService.open(join(await tempDir(), 'archive'))
  const story = `http://127.0.0.1:${port}/story.html`
  const report = await service.importUrls([story], { tags: ['later'] })
  expect(report).toMatchObject({ imported: 1, failed: 0 })
  const kept = report.results[0]!
  expect(kept).toMatchObject({ status: 'imported', title: story })
  expect(kept.status === 'imported' && kept.fetchLater).toMatch(/refused/)
  const id = kept.status === 'imported' ? kept.id : ''
  const { article } = await service.get(id)
  expect(article).toMatchObject({ url: story, tags: ['later'], wordCount: 0 })
  expect(article.origin).toEqual({ kind: 'url', name: story, format: 'link' })

  // The same address again, still offline: the link is there already.
  expect(await service.importUrls([story])).toMatchObject({ imported: 0, duplicates: 1 })

  await listen(port) // back online
  const missing = await service.importUrls([`http://127.0.0.1:${port}/missing.html`])
  expect(missing).toMatchObject({ imported: 0, failed: 1 })
  expect(await service.fetchArticles([id])).toMatchObject({ imported: 1, failed: 0 })
  const fetched = await service.get(id)
  expect(fetched.article.title).toBe('Harbour wall holds')
  expect(fetched.body).toContain('harbour wall held')
})
