// Round trips without loss: Quire's own Readwise CSV and W3C JSON-LD imported into an archive
// that holds the same articles (no address: matched by title) give back every highlight with
// its exact range, colour, note, tags and date; imported again, they add nothing.
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { htmlToText } from '../../../../../shared/html-text.ts'
import type { Annotation, HighlightColor } from '../../../../../shared/model.ts'
import { ArchiveService } from '../../../../../main/archive/service.ts'
import { runExport } from '../../../../../main/archive/export/export-runner.ts'
import { tempDir } from '../../../helpers/temp-dir.ts'

const FIXTURES = join(import.meta.dirname, '../../../../fixtures/import')
const COLORS: HighlightColor[] = ['yellow', 'green', 'blue', 'pink', 'purple']

async function annotated(root: string): Promise<string[]> {
  const service = await ArchiveService.open(root)
  try {
    const report = await service.importPaths([FIXTURES])
    const ids = report.results.flatMap((r) => (r.status === 'imported' ? [r.id] : []))
    let n = 0
    for (const id of ids) {
      const text = htmlToText((await service.get(id)).body)
      // One highlight across a paragraph break, one at the very end, one in the middle.
      const breakAt = text.indexOf('\n\n')
      for (const [start, end] of [
        [breakAt - 6, breakAt + 8],
        [text.length - 9, text.length],
        [10, 31],
      ] as const) {
        await service.createAnnotation({
          articleId: id,
          start,
          end,
          color: COLORS[n % 5]!,
          note: n % 2 ? `Note ${n}: "quoted", with commas,\nand a line — 東京 🎉` : '',
          tags: n % 3 ? ['long read', `t${n}`] : [],
        })
        n++
      }
    }
    return ids
  } finally {
    await service.close()
  }
}

/** What the person sees of a highlight: not its id, nor the row identity an import records. */
function comparable(a: Annotation) {
  const { id: _id, updatedAt: _u, importKey: _k, importHash: _h, ...rest } = a
  return rest
}

async function annotationsOf(root: string, ids: string[]) {
  const service = await ArchiveService.open(root, { readOnly: true })
  try {
    const out: ReturnType<typeof comparable>[][] = []
    for (const id of ids) {
      const { article } = await service.get(id)
      out.push(
        article.annotations
          .map(comparable)
          .sort((x, y) => x.target.position.start - y.target.position.start),
      )
    }
    return out
  } finally {
    await service.close()
  }
}

describe('re-import of Quire’s own exports', () => {
  for (const format of ['readwise', 'jsonld'] as const) {
    it(`${format}: onto the same articles, matched by title, without loss`, async () => {
      const dir = await tempDir()
      const source = join(dir, 'source')
      const ids = await annotated(source)
      const service = await ArchiveService.open(source)
      const file = await runExport(service, { format, selection: { kind: 'all' } })
      await service.close()
      // Named without a telling extension's help beyond its kind: content decides the importer.
      const path = join(dir, format === 'readwise' ? 'highlights.csv' : 'highlights.jsonld')
      await writeFile(path, file.bytes)

      const target = join(dir, 'target')
      const other = await ArchiveService.open(target)
      const plain = await other.importPaths([FIXTURES])
      const targetIds = plain.results.flatMap((r) => (r.status === 'imported' ? [r.id] : []))
      const report = await other.importPaths([path])
      await other.close()
      expect(report.failed).toBe(0)
      expect(report.duplicates).toBe(2)

      const want = await annotationsOf(source, ids)
      const got = await annotationsOf(target, targetIds)
      expect(got).toEqual(want)
      expect(got.flat()).toHaveLength(6)

      // Imported again into the archive it came from: nothing new.
      const again = await ArchiveService.open(source)
      await again.importPaths([path])
      await again.close()
      expect(await annotationsOf(source, ids)).toEqual(want)
    }, 60_000)
  }
})
