// Quality check of the HTML importer, beside bare Readability over linkedom, on either of two
// corpora (the mode is chosen by the folder's layout):
// - trafilatura's evaluation set (expected.json + pages/): body precision/recall/F over
//   `with`/`without` passages, and title, author and date rates;
// - Readability's test pages (dirs of source.html, expected.html, expected-metadata.json):
//   metadata match rates and body similarity to expected.html.
// Writes every page's result as JSON to a file it names.
// Usage: npm run check:extraction -- <corpus dir> [--out results.json] [--misses N]
import { existsSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { loadLinkedom } from '../../main/archive/import/html/linkedom-runtime.ts'
import { checkPassagesCorpus, isPassagesCorpus } from './extraction/passages-corpus.ts'
import { checkReadabilityPages, isReadabilityPages } from './extraction/readability-pages.ts'

// The HTML parser loads on first use in the app; this tool parses from the start.
await loadLinkedom()

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { out: { type: 'string' }, misses: { type: 'string', default: '10' } },
})
const dir = positionals[0]
if (!dir || !existsSync(dir)) {
  console.error(
    'usage: npm run check:extraction -- <corpus dir> [--out results.json] [--misses N]\n' +
      '  a corpus dir is trafilatura-style (expected.json + pages/) or Readability test-pages',
  )
  process.exit(2)
}

const summary = isPassagesCorpus(dir)
  ? checkPassagesCorpus(dir, { misses: Number(values.misses) })
  : isReadabilityPages(dir)
    ? checkReadabilityPages(dir)
    : undefined
if (!summary) {
  console.error(`${dir}: neither expected.json + pages/ nor Readability test-page folders`)
  process.exit(2)
}
const out = resolve(
  values.out ?? join(tmpdir(), `quire-check-extraction-${basename(resolve(dir))}.json`),
)
writeFileSync(out, JSON.stringify(summary, null, 1))
console.log(`results: ${out}`)
process.exitCode = summary.failures > 0 ? 1 : 0
