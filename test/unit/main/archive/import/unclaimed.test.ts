// Files no importer claims get "not a supported format", never an article titled "{".
import { describe, expect, it } from 'vitest'
import { ArchiveService } from '../../../../../main/archive/service.ts'
import { tempDir } from '../../../helpers/temp-dir.ts'

const upload = (name: string, text: string) => ({ name, bytes: new TextEncoder().encode(text) })

describe('unclaimed files', () => {
  it('reports bookmarks and unknown JSON as not a supported format', async () => {
    const service = await ArchiveService.open(await tempDir())
    const report = await service.importUploads([
      upload('Bookmarks', '{\n "checksum": "abc", "roots": { "bookmark_bar": {} } }'),
      upload('export.json', '[{"href": "https://example.org", "description": "x"}]'),
      upload(
        'bookmarks.html',
        '<!DOCTYPE NETSCAPE-Bookmark-file-1>\n<TITLE>Bookmarks</TITLE><DL><DT><A HREF="https://example.org">x</A></DL>',
      ),
    ])
    expect(report.imported).toBe(0)
    for (const r of report.results) {
      expect(r.status).toBe('failed')
      if (r.status === 'failed') {
        expect(r.error.code).toBe('UNSUPPORTED_FORMAT')
        expect(r.error.message).toMatch(/^not a supported format/)
      }
    }
    expect(report.results[0]!.status === 'failed' && report.results[0]!.error.message).toMatch(
      /bookmarks/,
    )
    await service.close()
  })
})
