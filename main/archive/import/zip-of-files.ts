// A zip of articles (saved pages with their images, text files, Markdown notes, even app
// exports): each file inside goes through the same importers as a file on disk would. An
// entry that cannot be read (damaged, encrypted, an unsafe name) is named and the others
// still import. Zips inside zips are not opened (one level is what people make, and it
// bounds the work); each is named, with what to do.
import { posix } from 'node:path'
import type { ImportEntry } from './extracted.ts'
import { sniffOf, type EntriesImporter, type ImportContext } from './importer.ts'
import { importerFor } from './registry.ts'
import { readZipLenient, type ZipFile } from './zip/read-zip.ts'
import { describeFailure } from './pipeline.ts'

const MAX_ZIP_BYTES = 1024 * 1024 * 1024
const SKIPPED_NAMES = /(^|\/)(readme|license|licence)(\.[a-z]+)?$/i

export const zipImporter: EntriesImporter = {
  id: 'zip',
  label: 'zip files of any of these',
  kind: 'entries',
  maxBytes: MAX_ZIP_BYTES,
  matches: (s) => s.ext === '.zip' || s.head.startsWith('PK\u0003\u0004'),
  entries: (bytes, ctx) => {
    const { files, problems } = readZipLenient(bytes)
    const unread = problems.map((p) => problem(`${ctx.name} › ${p.name}`, p.reason))
    return zipEntries(files, ctx.name).then((entries) => {
      const all = [...unread, ...entries]
      if (all.length) return all
      // Nothing importable: say what is in it, never "no items" alone.
      const inside = files.slice(0, 5).map((f) => posix.basename(f.path))
      const listed = inside.length
        ? ` (it holds ${inside.join(', ')}${files.length > 5 ? ', …' : ''})`
        : ''
      return [problem(ctx.name, `the zip holds no file Quire can import${listed}`)]
    })
  },
}

function problem(source: string, reason: string): ImportEntry {
  return { source, tags: [], highlights: [], problem: reason }
}

async function zipEntries(files: ZipFile[], zipName: string): Promise<ImportEntry[]> {
  const byPath = new Map(files.map((f) => [f.path, f.bytes]))
  const out: ImportEntry[] = []
  for (const file of files) {
    const source = `${zipName} › ${file.path}`
    if (SKIPPED_NAMES.test(file.path)) continue
    const importer = importerFor(sniffOf(file.path, file.bytes))
    // Images and other files next to the pages are read through readSibling, not imported.
    if (!importer) continue
    if (importer.id === 'zip') {
      out.push(problem(source, 'a zip inside a zip is not opened: unzip it and import its files'))
      continue
    }
    const readSibling = siblingsIn(byPath, file.path)
    const ctx: ImportContext = { name: source, readSibling }
    try {
      if (importer.kind === 'article') {
        const article = await importer.extract(file.bytes, ctx)
        out.push({ source, article, tags: [], highlights: [], readSibling })
      } else {
        const entries = await importer.entries(file.bytes, ctx)
        out.push(...entries.map((e) => ({ ...e, source: `${zipName} › ${e.source}` })))
      }
    } catch (err) {
      out.push(problem(source, describeFailure(err).message))
    }
  }
  return out
}

/**
 * Files next to `path` inside the zip, by a relative path as localise-images' localPath gives
 * it (decoded, `..` refused); one that would still climb out of the zip gets nothing.
 */
function siblingsIn(byPath: Map<string, Uint8Array>, path: string) {
  const dir = posix.dirname(path)
  return async (rel: string): Promise<Uint8Array | null> => {
    if (!rel || rel.startsWith('/')) return null
    const target = posix.normalize(posix.join(dir, rel))
    if (target.startsWith('../') || target === '..') return null
    return byPath.get(target) ?? null
  }
}
