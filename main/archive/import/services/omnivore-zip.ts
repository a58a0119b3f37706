// Omnivore's zip export: metadata_*.json lists, content/<slug>.html, highlights/<slug>.md.
import { ImportFailure, type ImportEntry } from '../extracted.ts'
import { readZip } from '../zip/read-zip.ts'
import { decodeExport } from './decode.ts'
import { itemList, parseJsonExport } from './json.ts'
import { MAX_JSON_BYTES, MAX_ZIP_BYTES } from './limits.ts'
import { parseOmnivoreHighlights } from './omnivore-highlights.ts'
import { collect, omnivoreEntry } from './omnivore-items.ts'
import { defineService, type RowProblem } from './result.ts'
import { zipEntryNamesInHead } from './sniff-text.ts'
import { isRecord, text } from './values.ts'

// At the top, or in one folder when the user unpacked and zipped the export again.
const METADATA = /^([^/]+\/)?metadata_\d+_to_\d+\.json$/i
const CONTENT = /^([^/]+\/)?content\/[^/]+\.html$/i
const HIGHLIGHTS = /^([^/]+\/)?highlights\/[^/]+\.md$/i

export const omnivoreZipImporter = defineService({
  id: 'omnivore-zip',
  label: 'Omnivore export (.zip)',
  maxBytes: MAX_ZIP_BYTES,
  matches: (s) =>
    s.ext === '.zip' &&
    zipEntryNamesInHead(s).some((n) => METADATA.test(n) || CONTENT.test(n) || HIGHLIGHTS.test(n)),
  parse: (bytes, name) => {
    const files = readZip(bytes, {
      accept: (p) => METADATA.test(p) || CONTENT.test(p) || HIGHLIGHTS.test(p),
    })
    const byPath = new Map(files.map((f) => [f.path, f.bytes]))
    const metadata = files
      .filter((f) => METADATA.test(f.path))
      .sort((a, b) => byStart(a.path) - byStart(b.path))
    if (metadata.length === 0)
      throw new ImportFailure('INVALID_INPUT', 'the zip has no Omnivore metadata_*.json file')
    const entries: ImportEntry[] = []
    const problems: RowProblem[] = []
    for (const file of metadata) {
      const folder = file.path.slice(0, file.path.lastIndexOf('/') + 1)
      const items = itemList(parseJsonExport(file.bytes, MAX_JSON_BYTES), file.path)
      items.forEach((item, i) => {
        const source = `${name} › ${file.path} › item ${i + 1}`
        const slug = isRecord(item) ? text(item.slug) : undefined
        // A slug is only a file name inside this archive: never a path to follow.
        const safe = slug && !/[\\/]/.test(slug) ? slug : undefined
        const html = safe ? byPath.get(`${folder}content/${safe}.html`) : undefined
        const md = safe ? byPath.get(`${folder}highlights/${safe}.md`) : undefined
        const r = omnivoreEntry(item, source, {
          ...(html ? { contentHtml: decodeOptional(html) } : {}),
          ...(md ? { highlights: parseOmnivoreHighlights(decodeOptional(md)) } : {}),
        })
        collect(r, entries, problems)
      })
    }
    return { entries, problems }
  },
})

function byStart(path: string): number {
  return Number(/_(\d+)_to_/.exec(path)?.[1] ?? 0)
}

/** An empty content or highlights file is no content, not a failed import. */
function decodeOptional(bytes: Uint8Array): string {
  try {
    return decodeExport(bytes, MAX_JSON_BYTES, 'an Omnivore export file')
  } catch {
    return ''
  }
}
