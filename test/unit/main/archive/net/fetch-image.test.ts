import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fetchImage, sniffImage } from '../../../../../main/archive/net/fetch-image.ts'
import { startServer, type TestServer } from './test-server.ts'

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
)

let server: TestServer

beforeAll(async () => {
  server = await startServer({
    // The header is wrong on purpose: the magic bytes decide.
    '/dot.png': (_req, res) =>
      res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(PNG),
    '/fake.png': (_req, res) =>
      res.writeHead(200, { 'content-type': 'image/png' }).end('<html>not an image</html>'),
    '/pic.svg': (_req, res) =>
      res.writeHead(200, { 'content-type': 'image/svg+xml' }).end('<svg onload="alert(1)"></svg>'),
    '/huge.png': (_req, res) =>
      res
        .writeHead(200, { 'content-type': 'image/png' })
        .end(Buffer.concat([PNG, Buffer.alloc(4096)])),
  })
})
afterAll(() => server.close())

describe('fetchImage', () => {
  it('returns the bytes and the type read from the magic bytes', async () => {
    const img = await fetchImage(server.url('/dot.png'), { allowPrivate: true })
    expect(img?.mime).toBe('image/png')
    expect(Buffer.from(img?.bytes ?? []).equals(PNG)).toBe(true)
  })

  it('returns null, and says why, for what is not a raster image', async () => {
    const errors: string[] = []
    const onError = (_url: string, err: unknown) => errors.push(String(err))
    expect(await fetchImage(server.url('/fake.png'), { allowPrivate: true, onError })).toBeNull()
    expect(await fetchImage(server.url('/pic.svg'), { allowPrivate: true, onError })).toBeNull()
    expect(
      await fetchImage(server.url('/huge.png'), { allowPrivate: true, maxBytes: 1024, onError }),
    ).toBeNull()
    expect(errors).toHaveLength(3)
    expect(errors[2]).toMatch(/limit/)
  })

  it('keeps the private-address guard on by default', async () => {
    let why = ''
    expect(
      await fetchImage(server.url('/dot.png'), { onError: (_u, e) => (why = String(e)) }),
    ).toBeNull()
    expect(why).toMatch(/private or local/)
  })
})

describe('sniffImage', () => {
  it('knows PNG, JPEG, GIF, WebP and AVIF, and nothing else', () => {
    expect(sniffImage(PNG)).toBe('image/png')
    expect(sniffImage(Uint8Array.from([0xff, 0xd8, 0xff, 0xe0]))).toBe('image/jpeg')
    expect(sniffImage(Buffer.from('GIF89a...'))).toBe('image/gif')
    expect(sniffImage(Buffer.from('RIFF\0\0\0\0WEBPVP8 '))).toBe('image/webp')
    expect(sniffImage(Buffer.from('\0\0\0\x1cftypavif'))).toBe('image/avif')
    expect(sniffImage(Buffer.from('<svg></svg>'))).toBeUndefined()
    expect(sniffImage(new Uint8Array(0))).toBeUndefined()
  })
})
