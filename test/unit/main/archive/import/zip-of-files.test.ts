// A zip of articles imports like a folder: each page, text and note inside through its own
// importer, a page's images read from next to it inside the zip, bad files reported apart.
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { zipSync, strToU8 } from 'fflate'
import { describe, expect, it } from 'vitest'
import { ArchiveService } from '../../../../../main/archive/service.ts'
import { tempDir } from '../../../helpers/temp-dir.ts'

// A 1×1 transparent PNG.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
)

const page = (title: string) => `<!doctype html><html lang="en"><head><title>${title}</title></head>
<body><article><h1>${title}</h1>
${'<p>The harbour authority said ships would wait outside the port until the storm passed, and the ferries stayed in.</p>'.repeat(6)}
<p><img src="img/dot.png" alt="a dot"></p>
<p><img src="img/100%25.png" alt="a percent"></p></article></body></html>`

describe('importing a zip of files', () => {
  it('imports every article inside, with the images next to the pages', async () => {
    const dir = await tempDir()
    const zip = zipSync({
      'site/storm.html': strToU8(page('Storm closes the harbour')),
      'site/img/dot.png': new Uint8Array(PNG),
      // A literal % in a file name, %25 in the src: decoded once, not twice.
      'site/img/100%.png': new Uint8Array(PNG),
      'notes/plain.txt': strToU8('Council votes on the budget\n\nThe council met on Monday.\n'),
      'notes/empty.txt': strToU8(''),
      'README.md': strToU8('# not an article'),
    })
    const file = join(dir, 'bundle.zip')
    await writeFile(file, zip)
    const service = await ArchiveService.open(join(dir, 'a'))
    const report = await service.importPaths([file])
    expect(report).toMatchObject({ imported: 2, failed: 1 })
    const failed = report.results.find((r) => r.status === 'failed')
    expect(failed?.source).toBe(`${file} › notes/empty.txt`)
    const storm = report.results.find((r) => r.status === 'imported' && /storm/.test(r.source))
    const id = storm?.status === 'imported' ? storm.id : ''
    const { article, body } = await service.get(id)
    expect(article.origin).toMatchObject({ kind: 'file', format: 'html' })
    expect(body.match(/<img src="assets\/[0-9a-f]{64}\.png"/g)).toHaveLength(2)
    await service.close()
  })

  it('refuses a zip whose names climb out of it, naming the entry', async () => {
    const dir = await tempDir()
    const file = join(dir, 'evil.zip')
    await writeFile(file, zipSync({ '../../escape.txt': strToU8('Title\n\nBody text.\n') }))
    const service = await ArchiveService.open(join(dir, 'a'))
    const report = await service.importPaths([file])
    expect(report.results).toEqual([
      expect.objectContaining({
        status: 'failed',
        error: expect.objectContaining({ code: 'INVALID_INPUT' }),
      }),
    ])
    expect((await service.info()).articleCount).toBe(0)
    await service.close()
  })

  it('imports the good entries of a zip with bad ones, and names each bad one', async () => {
    const dir = await tempDir()
    const inner = zipSync({ 'inner.txt': strToU8('Inner story\n\nNever opened.\n') })
    const zip = zipSync(
      {
        'good.txt': strToU8('Harbour reopens\n\nThe harbour reopened on Monday.\n'),
        'broken.txt': strToU8('Broken story\n\nTHIS-TEXT-GETS-DAMAGED in the zip.\n'),
        '../escape.txt': strToU8('Escape\n\nNot extracted.\n'),
        'nested.zip': inner,
      },
      { level: 0 },
    )
    // One flipped byte inside the stored entry: its checksum no longer matches.
    const at = Buffer.from(zip).indexOf('THIS-TEXT-GETS-DAMAGED')
    zip[at] = zip[at]! ^ 0x20
    const file = join(dir, 'mixed.zip')
    await writeFile(file, zip)
    const service = await ArchiveService.open(join(dir, 'a'))
    const report = await service.importPaths([file])
    expect(report).toMatchObject({ imported: 1, failed: 3 })
    const failed = Object.fromEntries(
      report.results.flatMap((r) => (r.status === 'failed' ? [[r.source, r.error.message]] : [])),
    )
    expect(failed).toEqual({
      [`${file} › broken.txt`]: 'the zip entry "broken.txt" is damaged (checksum mismatch)',
      [`${file} › ../escape.txt`]: expect.stringMatching(/^the zip entry "\.\.\/escape\.txt" /),
      [`${file} › nested.zip`]: 'a zip inside a zip is not opened: unzip it and import its files',
    })
    await service.close()
  })

  it('says what a zip holds when none of it can be imported', async () => {
    const dir = await tempDir()
    const file = join(dir, 'only-nested.zip')
    await writeFile(file, zipSync({ 'photos.pdf': strToU8('%PDF-1.4') }))
    const service = await ArchiveService.open(join(dir, 'a'))
    const report = await service.importPaths([file])
    expect(report.results).toEqual([
      {
        status: 'failed',
        source: file,
        error: {
          code: 'INVALID_INPUT',
          message: 'the zip holds no file Quire can import (it holds photos.pdf)',
        },
      },
    ])
    await service.close()
  })
})
