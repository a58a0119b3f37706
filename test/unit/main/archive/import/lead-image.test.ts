// The lead image is stored in assets/ at import, from the page's og:image or its saved copy,
// else the body's first sizeable picture; a remote address is never kept on the record.
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { firstBodyAsset, leadSource } from '../../../../../main/archive/import/lead-image.ts'
import { ArchiveService } from '../../../../../main/archive/service.ts'
import { makePng } from '../../../../e2e/local-site.ts'
import { tempDir } from '../../../helpers/temp-dir.ts'

const A = `assets/${'a'.repeat(64)}.png`
const B = `assets/${'b'.repeat(64)}.jpg`

describe('leadSource', () => {
  it('takes the page’s own picture when it can be had from here', () => {
    expect(leadSource('data:image/png;base64,AAAA', [], {})).toBe('data:image/png;base64,AAAA')
    expect(leadSource('img/lead.png', [], {})).toBe('img/lead.png')
    expect(leadSource('https://x.example/a.png', [], { remote: { allowPrivate: false } })).toBe(
      'https://x.example/a.png',
    )
  })

  it('finds the saved copy of a web og:image among a saved page’s files', () => {
    const images = [
      { src: 'https://cdn.example/other.png' },
      { src: 'Page_files/Lead%20Photo.JPG' },
    ]
    expect(leadSource('https://cdn.example/img/lead%20photo.jpg?w=1200', images, {})).toBe(
      'Page_files/Lead%20Photo.JPG',
    )
    expect(leadSource('https://cdn.example/img/missing.jpg', images, {})).toBeUndefined()
    expect(leadSource(undefined, images, {})).toBeUndefined()
  })
})

describe('firstBodyAsset', () => {
  it('skips pictures marked as tiny', () => {
    const body = `<p><img src="${A}" alt="" width="16" height="16"></p><img src="${B}" width="640">`
    expect(firstBodyAsset(body)).toBe(B)
    expect(firstBodyAsset('<p>no pictures</p>')).toBeUndefined()
  })
})

let service: ArchiveService | undefined
let server: Server | undefined
afterEach(async () => {
  await service?.close()
  await new Promise((r) => (server ? server.close(r) : r(undefined)))
  service = server = undefined
})

const paragraphs =
  '<p>The harbour wall held through the storm, the engineers said, and it will last another winter at the very least, they added.</p>'.repeat(
    5,
  )

async function imported(
  s: ArchiveService,
  report: Awaited<ReturnType<ArchiveService['importPaths']>>,
) {
  const r = report.results[0]
  if (r?.status !== 'imported') throw new Error(`not imported: ${JSON.stringify(r)}`)
  return (await s.get(r.id)).article
}

describe('lead images at import', () => {
  it('stores a saved page’s copy of its og:image, and the body’s first picture otherwise', async () => {
    const dir = await tempDir()
    const lead = makePng(320, 200, [10, 120, 200])
    const small = makePng(16, 16)
    const photo = makePng(400, 300, [200, 40, 40])
    await mkdir(join(dir, 'page_files'))
    await writeFile(join(dir, 'page_files', 'lead.png'), lead)
    await writeFile(join(dir, 'page_files', 'icon.png'), small)
    await writeFile(join(dir, 'page_files', 'photo.png'), photo)
    await writeFile(
      join(dir, 'page.html'),
      `<html><head><title>Wall</title><meta property="og:image" content="https://news.example/img/lead.png"></head>
<body><article><h1>Wall</h1><p><img src="page_files/icon.png" width="16" height="16" alt=""></p>${paragraphs}
<figure><img src="page_files/lead.png" alt="The wall"></figure></article></body></html>`,
    )
    await writeFile(
      join(dir, 'second.html'),
      `<html><head><title>Quay</title></head><body><article><h1>Quay</h1>
<p><img src="page_files/icon.png" width="16" height="16" alt=""></p>${paragraphs}
<figure><img src="page_files/photo.png" alt="The quay" width="400" height="300"></figure></article></body></html>`,
    )
    service = await ArchiveService.open(join(dir, 'archive'))
    const first = await imported(service, await service.importPaths([join(dir, 'page.html')]))
    expect(first.leadImage).toMatch(/^assets\/[0-9a-f]{64}\.png$/)
    expect(await readFile(join(dir, 'archive', first.leadImage!))).toEqual(lead)
    const second = await imported(service, await service.importPaths([join(dir, 'second.html')]))
    expect(await readFile(join(dir, 'archive', second.leadImage!))).toEqual(photo)
  })

  it('never keeps a remote address when the picture cannot be stored', async () => {
    const dir = await tempDir()
    await writeFile(
      join(dir, 'page.html'),
      `<html><head><title>Gone</title><meta property="og:image" content="https://news.example/gone.png"></head>
<body><article><h1>Gone</h1>${paragraphs}</article></body></html>`,
    )
    service = await ArchiveService.open(join(dir, 'archive'))
    const article = await imported(service, await service.importPaths([join(dir, 'page.html')]))
    expect(article.leadImage).toBeUndefined()
  })

  it('downloads the og:image of a page fetched by its address, once', async () => {
    const lead = makePng(300, 160, [30, 160, 90])
    const hits: string[] = []
    server = createServer((req, res) => {
      hits.push(req.url ?? '')
      if (req.url === '/lead.png') res.writeHead(200, { 'content-type': 'image/png' }).end(lead)
      else
        res
          .writeHead(200, { 'content-type': 'text/html' })
          .end(
            `<html><head><title>Quay</title><meta property="og:image" content="/lead.png"></head><body><article><h1>Quay</h1>${paragraphs}<img src="/lead.png" alt=""></article></body></html>`,
          )
    })
    await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r))
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    const dir = await tempDir()
    service = await ArchiveService.open(join(dir, 'archive'))
    service.configure({ allowLocalNetwork: true })
    const report = await service.importUrls([`${base}/story.html`])
    const r = report.results[0]
    if (r?.status !== 'imported') throw new Error(JSON.stringify(r))
    const { article } = await service.get(r.id)
    expect(await readFile(join(dir, 'archive', article.leadImage!))).toEqual(lead)
    expect(hits.filter((h) => h === '/lead.png')).toHaveLength(1)
  })
})
