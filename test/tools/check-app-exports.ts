// Runs every sample in an app-exports folder through the service importers and prints, per
// file, which importer claimed it and what it found. Usage:
//   node test/tools/check-app-exports.ts <corpus/app-exports>
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { ImportFailure } from '../../main/archive/import/extracted.ts'
import { sniffOf } from '../../main/archive/import/importer.ts'
import { SERVICE_IMPORTERS } from '../../main/archive/import/services/index.ts'
import { loadLinkedom } from '../../main/archive/import/html/linkedom-runtime.ts'

// The HTML parser loads on first use in the app; this tool parses from the start.
await loadLinkedom()

const dir = process.argv[2]
if (!dir) {
  console.error('usage: node test/tools/check-app-exports.ts <corpus/app-exports>')
  process.exit(2)
}

const columns = [
  'file',
  'importer',
  'entries',
  'body',
  'link',
  'tags',
  'archived',
  'fav',
  'hl',
  'problems',
]
const rows: string[][] = []
const notes: string[] = []

for (const file of readdirSync(dir).sort()) {
  const path = join(dir, file)
  if (!statSync(path).isFile()) continue
  const bytes = new Uint8Array(readFileSync(path))
  const sniff = sniffOf(file, bytes)
  const claimed = SERVICE_IMPORTERS.filter((i) => i.matches(sniff))
  if (claimed.length > 1) notes.push(`${file}: claimed by ${claimed.map((i) => i.id).join(', ')}`)
  const importer = claimed[0]
  if (!importer) {
    rows.push([file, '-', '', '', '', '', '', '', '', ''])
    continue
  }
  try {
    const { entries, problems } = importer.parse(bytes, file)
    const tags = new Set(entries.flatMap((e) => e.tags))
    rows.push([
      file,
      importer.id,
      String(entries.length),
      String(entries.filter((e) => e.article).length),
      String(entries.filter((e) => !e.article).length),
      String(tags.size),
      String(entries.filter((e) => e.archived).length),
      String(entries.filter((e) => e.favorite).length),
      String(entries.reduce((n, e) => n + e.highlights.length, 0)),
      String(problems.length),
    ])
    for (const s of problems.slice(0, 3)) notes.push(`${s.source}: ${s.reason}`)
  } catch (err) {
    const why =
      err instanceof ImportFailure ? `${err.code}: ${err.message}` : `CRASH ${String(err)}`
    rows.push([file, importer.id, 'failed', '', '', '', '', '', '', ''])
    notes.push(`${file}: ${why}`)
  }
}

const widths = columns.map((c, i) => Math.max(c.length, ...rows.map((r) => r[i]!.length)))
const line = (r: string[]): string => r.map((c, i) => c.padEnd(widths[i]!)).join('  ')
console.log(line(columns))
for (const r of rows) console.log(line(r))
if (notes.length) console.log('\n' + notes.join('\n'))
