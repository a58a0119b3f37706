// Uploads to the browser shell stream to disk: the body is read as JSON tokens and each
// file's base64 decoded into a spool file, which the import reads and which goes after.
import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { request } from 'node:http'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import { afterEach, describe, expect, it } from 'vitest'
import { createHandlers } from '../../../../main/api/handlers.ts'
import { ArchiveService } from '../../../../main/archive/service.ts'
import { startServer, type RunningServer } from '../../../../main/serve/server.ts'
import type { SpooledFile } from '../../../../main/serve/upload-spool.ts'
import { tempDir } from '../../helpers/temp-dir.ts'

let server: RunningServer | undefined
let service: ArchiveService | undefined
afterEach(async () => {
  await server?.close()
  await service?.close()
  server = service = undefined
})

async function start(onFiles: (files: SpooledFile[]) => Promise<void> = async () => {}) {
  service = await ArchiveService.open(join(await tempDir(), 'archive'))
  const s = service
  server = await startServer({
    handlers: createHandlers(s, () => {}),
    uploads: async (files, tags) => {
      await onFiles(files)
      return s.importUploads(files, { tags })
    },
  })
  return server
}

/** POST a body produced piece by piece, as a browser streams a large request. */
function post(url: string, token: string, body: Iterable<string>) {
  return new Promise<{
    status: number
    json: { ok: boolean; value?: unknown; error?: { message: string } }
  }>((resolve, reject) => {
    const req = request(
      url,
      { method: 'POST', headers: { 'x-quire-token': token, 'content-type': 'application/json' } },
      (res) => {
        let text = ''
        res.on('data', (c) => (text += c))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, json: JSON.parse(text) }))
      },
    )
    req.on('error', reject)
    Readable.from(body).pipe(req)
  })
}

const b64 = (s: string) => Buffer.from(s).toString('base64')

describe('uploads to the browser shell', () => {
  it('spools each file to disk, imports it, and removes the spool', async () => {
    const seen: SpooledFile[] = []
    const s = await start(async (files) => {
      seen.push(...files)
      for (const f of files) expect(existsSync(f.path)).toBe(true)
    })
    const text = 'Harbour reopens\n\nThe harbour reopened on Monday after the storm.\n'
    const body = JSON.stringify({
      tags: ['news'],
      files: [
        { name: 'a.txt', dataBase64: b64(text) },
        { dataBase64: b64(text.replace('Harbour', 'Ferry')), name: 'b.txt' },
      ],
    })
    // Cut anywhere, even inside a base64 group or a key: the tokens come out the same.
    const pieces = body.match(/[\s\S]{1,7}/g)!
    const r = await post(`${s.url}/api/import:upload`, s.token, pieces)
    expect(r.status).toBe(200)
    expect(r.json.value).toMatchObject({ imported: 2, failed: 0 })
    expect(seen.map((f) => f.name)).toEqual(['a.txt', 'b.txt'])
    expect(seen[0]!.size).toBe(Buffer.byteLength(text))
    for (const f of seen) expect(existsSync(f.path)).toBe(false)
    const list = await service!.list({
      view: 'all',
      sort: 'title',
      order: 'asc',
      offset: 0,
      limit: 9,
    })
    expect(list.items.map((a) => [a.title, a.tags])).toEqual([
      ['Ferry reopens', ['news']],
      ['Harbour reopens', ['news']],
    ])
  })

  it('streams a large file through without holding it: the bytes on disk are the bytes sent', async () => {
    let spooled: Buffer | null = null
    const s = await start(async (files) => {
      spooled = await readFile(files[0]!.path)
    })
    // 24 MB of bytes, sent as 32 MB of base64 in 64 KB pieces made on the fly.
    const piece = Buffer.from(Array.from({ length: 48 * 1024 }, (_, i) => (i * 31) % 251))
    const pieces = 512
    function* body() {
      yield '{"files":[{"name":"big.bin","dataBase64":"'
      for (let i = 0; i < pieces; i++) yield piece.toString('base64')
      yield '"}]}'
    }
    const r = await post(`${s.url}/api/import:upload`, s.token, body())
    expect(r.status).toBe(200)
    // Not a kind of file Quire imports: failed by name, after it was spooled whole.
    expect(r.json.value).toMatchObject({ imported: 0, failed: 1 })
    expect(spooled!.length).toBe(piece.length * pieces)
    expect(spooled!.subarray(0, piece.length).equals(piece)).toBe(true)
  })

  it('refuses a body that is not the contract’s shape, in words', async () => {
    const s = await start()
    for (const [body, message] of [
      ['{"files": [', /ended early|not valid JSON/],
      [
        '{"files": [{"name": "a.txt", "dataBase64": "aGk=", "path": "/etc"}]}',
        /unexpected field "path"/,
      ],
      ['{"files": [{"name": "a.txt"}]}', /without its name or its bytes/],
      ['{"files": []}', /no files/],
      ['{"files": [{"name": 7, "dataBase64": "aGk="}]}', /unexpected number/],
      ['{"tags": ["a,b"], "files": [{"name": "a.txt", "dataBase64": "aGk="}]}', /tags/],
    ] as const) {
      const r = await post(`${s.url}/api/import:upload`, s.token, [body])
      expect(r.status, body).toBe(400)
      expect(r.json.error!.message, body).toMatch(message)
    }
  })
})
