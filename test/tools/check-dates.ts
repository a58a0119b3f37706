// Quality check of publication dates over a corpus of pages with known days (a folder with
// expected-dates.json mapping each page's address to {file, date} and the pages in pages/):
// the share of pages whose extracted published day equals the expected one (no date counts
// as wrong), and the misses written as JSON for a closer look.
// Usage: npm run check:dates -- <corpus/dates> [--misses misses.json]
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { extractPageMetadata } from '../../main/archive/import/html/page-metadata.ts'
import { loadLinkedom } from '../../main/archive/import/html/linkedom-runtime.ts'

await loadLinkedom()

const args = process.argv.slice(2)
const dir = args.find((a) => !a.startsWith('--'))
const missesAt = args.indexOf('--misses')
const missesPath = missesAt >= 0 ? args[missesAt + 1] : 'check-dates-misses.json'
if (!dir || !existsSync(join(dir, 'expected-dates.json'))) {
  console.error('usage: npm run check:dates -- <folder with expected-dates.json and pages/>')
  process.exit(2)
}

interface Miss {
  url: string
  file: string
  expected: string
  got: string | null
  modified: string | null
  by: string | null
}

const expected = JSON.parse(readFileSync(join(dir, 'expected-dates.json'), 'utf8')) as Record<
  string,
  { file: string; date: string }
>
let right = 0
let none = 0
const misses: Miss[] = []
const byRule = new Map<string, [number, number]>()
const started = performance.now()
for (const [url, want] of Object.entries(expected)) {
  const bytes = readFileSync(join(dir, 'pages', want.file))
  let got: string | undefined
  let modified: string | undefined
  let by: string | undefined
  try {
    const meta = extractPageMetadata(bytes, { url })
    got = meta.publishedAt
    modified = meta.modifiedAt
    by = meta.publishedBy
  } catch (err) {
    console.error(`${want.file}: ${String(err)}`)
  }
  const rule = by ?? 'none'
  const tally = (byRule.get(rule) ?? [0, 0]) as [number, number]
  tally[1]++
  if (got?.slice(0, 10) === want.date) tally[0]++
  byRule.set(rule, tally)
  if (got?.slice(0, 10) === want.date) right++
  else {
    if (!got) none++
    misses.push({
      url,
      file: want.file,
      expected: want.date,
      got: got ?? null,
      modified: modified ?? null,
      by: by ?? null,
    })
  }
}
const total = Object.keys(expected).length
const seconds = (performance.now() - started) / 1000
console.log(`pages: ${total}`)
console.log(`published day right: ${right} (${(right / total).toFixed(3)})`)
console.log(`wrong day: ${misses.length - none}, no date: ${none}`)
console.log(
  'by rule (right/used): ' + [...byRule].map(([rule, [ok, n]]) => `${rule} ${ok}/${n}`).join(', '),
)
console.log(`time: ${seconds.toFixed(1)} s (${((1000 * seconds) / total).toFixed(1)} ms a page)`)
writeFileSync(missesPath!, JSON.stringify(misses, null, 2))
console.log(`misses written to ${missesPath}`)
