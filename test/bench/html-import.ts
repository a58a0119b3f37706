// How fast saved web pages are extracted on one core: extractHtml over every source.html of a
// Readability test-pages corpus, a warm-up round then several timed rounds (median), and
// where the time goes stage by stage; beside it, in alternating rounds, the reference:
// Readability over linkedom alone on the same pages (CPU time, so per core). Prints a
// Markdown table and JSON.
// Usage: node_modules/.bin/node test/bench/html-import.ts <test-pages dir> [--rounds 5]
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { Readability } from '@mozilla/readability'
import { parseHTML } from 'linkedom'
import { htmlToParagraphs } from '../../shared/html-text.ts'
import { decodeHtml } from '../../main/archive/import/html/decode-html.ts'
import { parseDocument, type DomElement } from '../../main/archive/import/html/dom.ts'
import { extractHtml } from '../../main/archive/import/html/extract-html.ts'
import { flattenDeepNesting } from '../../main/archive/import/html/flatten-deep.ts'
import { readMetadata } from '../../main/archive/import/html/metadata.ts'
import { pickImageSources } from '../../main/archive/import/html/pick-image-src.ts'
import { purifyInPlace } from '../../main/archive/import/html/purifier.ts'
import { serializeBody } from '../../main/archive/import/html/serialize.ts'
import { loadLinkedom } from '../../main/archive/import/html/linkedom-runtime.ts'

// The HTML parser loads on first use in the app; this tool parses from the start.
await loadLinkedom()

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { rounds: { type: 'string', default: '5' } },
})
const dir = positionals[0]
if (!dir || !existsSync(dir)) {
  console.error('usage: node test/bench/html-import.ts <test-pages dir> [--rounds N]')
  process.exit(2)
}
const pages = readdirSync(dir)
  .filter((d) => existsSync(join(dir, d, 'source.html')))
  .sort()
  .map((d) => readFileSync(join(dir, d, 'source.html')))
const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)]!
const round1 = (n: number) => Math.round(n * 10) / 10

function extractAll(): number {
  let failures = 0
  for (const bytes of pages) {
    try {
      extractHtml(bytes)
    } catch {
      failures++
    }
  }
  return failures
}

/** The reference: each page parsed by linkedom and given to Readability, nothing else. */
function referenceAll(): void {
  for (const bytes of pages) {
    try {
      const { document } = parseHTML(bytes.toString('utf8'))
      new Readability(document as never).parse()
    } catch {
      // counted by extractAll's failures, not here
    }
  }
}

const STAGES = [
  'decode',
  'parse',
  'metadata',
  'flatten',
  'readability',
  'purify',
  'serialize',
] as const
type Stage = (typeof STAGES)[number]

/** One pass with a clock around each stage of extractHtml, replayed from its parts. */
function stageTimes(): Record<Stage, number> {
  const total = Object.fromEntries(STAGES.map((s) => [s, 0])) as Record<Stage, number>
  for (const bytes of pages) {
    let t = performance.now()
    const lap = (stage: Stage) => {
      const now = performance.now()
      total[stage] += now - t
      t = now
    }
    const { text } = decodeHtml(bytes)
    lap('decode')
    const doc = parseDocument(text)
    lap('parse')
    readMetadata(doc)
    lap('metadata')
    flattenDeepNesting(doc)
    lap('flatten')
    const article = new Readability<DomElement>(doc as never, {
      serializer: (n) => n as unknown as DomElement,
    }).parse()
    lap('readability')
    if (!article?.content) continue
    pickImageSources(article.content)
    purifyInPlace(article.content)
    lap('purify')
    htmlToParagraphs(serializeBody(article.content).html)
    lap('serialize')
  }
  return total
}

extractAll() // warm-up: JIT, DOMPurify set-up
referenceAll()
const rounds = Number(values.rounds)
const rates: number[] = []
const cpuRates: number[] = []
const refCpuRates: number[] = []
let failures = 0
for (let r = 0; r < rounds; r++) {
  const refCpu = process.cpuUsage()
  referenceAll()
  const refUsed = process.cpuUsage(refCpu)
  refCpuRates.push((pages.length * 1e6) / (refUsed.user + refUsed.system))
  const t = performance.now()
  const cpu = process.cpuUsage()
  failures = extractAll()
  rates.push((pages.length * 1000) / (performance.now() - t))
  // CPU time of this process: on a shared machine, wall time also counts others' work.
  const used = process.cpuUsage(cpu)
  cpuRates.push((pages.length * 1e6) / (used.user + used.system))
}
// Three passes, the median of each stage, so one busy moment on a shared machine does not skew it.
const passes = [stageTimes(), stageTimes(), stageTimes()]
const perPage = Object.fromEntries(
  STAGES.map((s) => [s, round1(median(passes.map((p) => p[s])) / pages.length)]),
)

console.log(
  `| pages | rounds | pages/s wall (median) | pages/s CPU (median) | ms/page | failures |`,
)
console.log(`|---|---|---|---|---|---|`)
console.log(
  `| ${pages.length} | ${rounds} | ${round1(median(rates))} | ${round1(median(cpuRates))} | ${round1(1000 / median(rates))} | ${failures} |`,
)
console.log(`\nms per page by stage: ${STAGES.map((s) => `${s} ${perPage[s]}`).join(', ')}`)
const cpuMsPerPage = 1000 / median(cpuRates)
const refCpuMsPerPage = 1000 / median(refCpuRates)
console.log(
  `\nCPU ms per page: ${round1(cpuMsPerPage)} against ${round1(refCpuMsPerPage)} for Readability over linkedom alone (${(cpuMsPerPage / refCpuMsPerPage).toFixed(2)}×)`,
)
console.log(
  JSON.stringify({
    pages: pages.length,
    pagesPerSecond: round1(median(rates)),
    pagesPerCpuSecond: round1(median(cpuRates)),
    cpuMsPerPage: round1(cpuMsPerPage),
    referenceCpuMsPerPage: round1(refCpuMsPerPage),
    ratio: Math.round((cpuMsPerPage / refCpuMsPerPage) * 100) / 100,
    rates: rates.map(round1),
    failures,
    msPerPageByStage: perPage,
  }),
)
