// `npm run bench`: how the archive behaves at scale. For each archive size it measures
// open time, the first library page, and the cost of one write (tag edit), and — when the
// BBC corpus is at hand — the plain-text import rate. Results go to test/bench/results/.
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { ListQuerySchema } from '../../shared/api.ts'
import { ArchiveService } from '../../main/archive/service.ts'
import { generateArchive } from './synthetic-archive.ts'

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '100,100000' },
    writes: { type: 'string', default: '200' },
    corpus: { type: 'string', default: '../shared/corpus/bbc-news' },
  },
})
const sizes = values.sizes.split(',').map(Number)
const writes = Number(values.writes)

interface SizeResult {
  articles: number
  openMs: number
  firstPageMs: number
  writeP50Ms: number
  writeP95Ms: number
  writeMaxMs: number
  heapMb: number
  rssMb: number
}

function pct(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!
}

const round = (n: number) => Math.round(n * 100) / 100

async function benchSize(n: number): Promise<SizeResult> {
  const root = await mkdtemp(join(tmpdir(), `quire-bench-${n}-`))
  try {
    await generateArchive(root, n)
    global.gc?.()
    let t = performance.now()
    const service = await ArchiveService.open(root)
    const openMs = performance.now() - t
    t = performance.now()
    const page = await service.list(ListQuerySchema.parse({ view: 'inbox', limit: 100 }))
    const firstPageMs = performance.now() - t
    const ids = page.items.map((a) => a.id)
    const times: number[] = []
    for (let i = 0; i < writes; i++) {
      const id = ids[i % ids.length]!
      t = performance.now()
      await service.update(id, { tags: i % 2 ? ['bench'] : [] })
      times.push(performance.now() - t)
    }
    times.sort((a, b) => a - b)
    const mem = process.memoryUsage()
    return {
      articles: n,
      openMs: round(openMs),
      firstPageMs: round(firstPageMs),
      writeP50Ms: round(pct(times, 50)),
      writeP95Ms: round(pct(times, 95)),
      writeMaxMs: round(times.at(-1)!),
      heapMb: Math.round(mem.heapUsed / 2 ** 20),
      rssMb: Math.round(mem.rss / 2 ** 20),
    }
  } finally {
    await rm(root, { recursive: true, force: true })
  }
}

async function benchImport(corpus: string) {
  const root = await mkdtemp(join(tmpdir(), 'quire-bench-import-'))
  try {
    const service = await ArchiveService.open(root)
    const t = performance.now()
    const report = await service.importPaths([corpus])
    const ms = performance.now() - t
    return {
      corpus,
      imported: report.imported,
      failed: report.failed,
      seconds: round(ms / 1000),
      articlesPerSecond: Math.round(report.imported / (ms / 1000)),
    }
  } finally {
    await rm(root, { recursive: true, force: true })
  }
}

const results: SizeResult[] = []
for (const n of sizes) {
  const r = await benchSize(n)
  results.push(r)
  console.log(
    `${String(n).padStart(7)} articles  open ${r.openMs} ms  first page ${r.firstPageMs} ms  ` +
      `write p50 ${r.writeP50Ms} ms  p95 ${r.writeP95Ms} ms  max ${r.writeMaxMs} ms  rss ${r.rssMb} MB`,
  )
}
const importResult = existsSync(values.corpus) ? await benchImport(values.corpus) : null
if (importResult) {
  console.log(
    `import ${importResult.imported} text files in ${importResult.seconds} s: ` +
      `${importResult.articlesPerSecond} articles/s (${importResult.failed} failed)`,
  )
} else console.log(`import: skipped (no corpus at ${values.corpus}; pass --corpus DIR)`)

const out = join('test', 'bench', 'results', 'latest.json')
await writeFile(
  out,
  JSON.stringify(
    {
      date: new Date().toISOString(),
      node: process.version,
      writes,
      sizes: results,
      import: importResult,
    },
    null,
    2,
  ) + '\n',
)
console.log(`results written to ${out}`)
