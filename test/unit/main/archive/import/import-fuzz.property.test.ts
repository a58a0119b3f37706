// Random bytes under every importer's name through the whole pipeline: each file ends as an
// article or a clear per-file failure, never a crash, and a failure leaves nothing behind
// (no record without a body, no body without a record).
import { readdir } from 'node:fs/promises'
import { join } from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { ArchiveService } from '../../../../../main/archive/service.ts'
import { tempDir } from '../../../helpers/temp-dir.ts'

const NAMES = [
  'page.html',
  'note.md',
  'feed.rss',
  'feed.xml',
  'export.json',
  'pocket.csv',
  'bundle.zip',
  'story.txt',
  'ril_export.html',
  'noext',
]

/** Bytes that often start like the format the name claims, so the parsers get past sniffing. */
const HEADS = [
  '',
  '<!doctype html><html><body><article>',
  '<?xml version="1.0"?><rss version="2.0"><channel><item><title>',
  '<feed xmlns="http://www.w3.org/2005/Atom"><entry>',
  '[{"is_archived":1,"content":"<p>',
  'title,url,time_added,tags,status\n',
  'URL,Title,Selection,Folder,Timestamp\n',
  '---\ntitle: ',
  'PK\u0003\u0004',
  '{"version":"https://jsonfeed.org/version/1.1","items":[',
]

const file = fc.record({
  name: fc.constantFrom(...NAMES),
  head: fc.constantFrom(...HEADS),
  tail: fc.oneof(
    fc.uint8Array({ maxLength: 2000 }),
    fc.string({ maxLength: 2000 }).map((s) => new TextEncoder().encode(s)),
  ),
})

describe('every importer under random input', () => {
  it('imports or fails each file on its own, and never leaves a partial write', async () => {
    const dir = await tempDir()
    const service = await ArchiveService.open(join(dir, 'a'))
    service.configure({ net: undefined })
    let imported = 0
    await fc.assert(
      fc.asyncProperty(fc.array(file, { minLength: 1, maxLength: 6 }), async (files) => {
        const uploads = files.map((f, i) => ({
          name: `${i}-${f.name}`,
          bytes: new Uint8Array([...new TextEncoder().encode(f.head), ...f.tail]),
        }))
        const report = await service.importUploads(uploads)
        for (const r of report.results) {
          expect(['imported', 'duplicate', 'skipped', 'failed']).toContain(r.status)
          if (r.status === 'failed') expect(r.error.message.length).toBeGreaterThan(0)
        }
        imported += report.imported
        const info = await service.info()
        expect(info.articleCount).toBe(imported)
        const bodies = (await readdir(join(dir, 'a', 'content')).catch(() => [])).filter((n) =>
          /^[0-9a-f]{16}\.html$/.test(n),
        )
        expect(bodies.length).toBe(imported)
      }),
      { numRuns: 60 },
    )
    await service.close()
  })
})
