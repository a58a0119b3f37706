// `npm run bench`: how the archive behaves at scale, each figure beside its physical
// reference measured in the same run (references.ts), so a busy machine moves both. For each
// size it generates a synthetic archive (Zipf vocabulary, realistic lengths, bodies on disk)
// and measures it in fresh processes (measure.ts): open → first page (three starts,
// alternating with three plain parses of the catalog), index build (after a bare FTS5 build
// of the same documents), search, writes and highlight saves (beside bare FTS5 queries and
// durable writes). Then the CLI's start, HTML extraction per core, the app's first rows at
// the largest size, backup and restore. Prints one table of times and ratios; writes both
// to test/bench/results/latest.json.
//   npm run bench -- --sizes 10000 --skip app,backup   (develop at 10k; see the README)
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { availableParallelism, loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { ArchiveService } from '../../main/archive/service.ts'
import { generateArchive, syntheticBody } from './synthetic-archive.ts'
import { backupRestoreTable, measureBackupRestore } from './backup-restore.ts'
import { measureCliStart } from './cli-start.ts'
import { ratioTable, ratioOf, sizeRows, verdict, type Row } from './ratio-table.ts'

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '10000,100000' },
    /** Parts to leave out: imports, html, cli, app, backup. */
    skip: { type: 'string', default: '' },
    pages: { type: 'string', default: '../shared/corpus/readability/test-pages' },
    writes: { type: 'string', default: '200' },
    corpus: { type: 'string', default: '../shared/corpus/bbc-news' },
    out: { type: 'string', default: join('test', 'bench', 'results', 'latest.json') },
    'backup-sizes': { type: 'string', default: '10000,100000' },
  },
})
const sizes = values.sizes.split(',').map(Number)
const skip = new Set(values.skip.split(',').filter(Boolean))
const here = import.meta.dirname

/** Run a bench script in a fresh process; its last stdout line is its JSON result. */
function child(script: string, args: string[]): Record<string, number> {
  const run = spawnSync(process.execPath, [join(here, script), ...args], {
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
  })
  if (run.status !== 0) throw new Error(`${script} ${args.join(' ')} failed: ${run.stderr}`)
  return JSON.parse(run.stdout.trim().split('\n').pop()!) as Record<string, number>
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!

async function measureSize(n: number, last: boolean) {
  const root = await mkdtemp(join(tmpdir(), `quire-bench-${n}-`))
  const scratch = `${root}-ref`
  try {
    const t = performance.now()
    await generateArchive(root, n, true)
    const generateS = Math.round((performance.now() - t) / 100) / 10
    const archive = ['--archive', root]
    // Open → first page against the plain parse, alternating, three of each.
    const opens: number[] = []
    const parses: number[] = []
    for (let i = 0; i < 3; i++) {
      parses.push(child('reference-phase.ts', [...archive, '--phase', 'raw-parse']).rawParseMs!)
      opens.push(child('measure.ts', [...archive, '--phase', 'open']).openToFirstPageMs!)
    }
    await mkdir(scratch, { recursive: true })
    const bareDb = join(scratch, 'bare-fts.sqlite')
    const bare = child('reference-phase.ts', [...archive, '--phase', 'fts-build', '--db', bareDb])
    const phase = (name: string) =>
      child('measure.ts', [
        ...archive,
        '--writes',
        values.writes,
        '--phase',
        name,
        '--bare',
        bareDb,
        '--scratch',
        scratch,
      ])
    const measured: Record<string, number> = { ...phase('build'), ...phase('steady') }
    // The app's first rows and scroll frames, on the largest archive only (Chromium).
    const app = last && !skip.has('app') ? appFirstRows(root, n, scratch) : null
    return {
      articles: n,
      generateS,
      ...measured,
      openToFirstPageMs: median(opens),
      opensMs: opens,
      rawParseMs: median(parses),
      rawParsesMs: parses,
      bareFtsBuildMs: bare.bareFtsBuildMs!,
      peakRssMb: Math.max(measured.buildPeakRssMb!, measured.steadyPeakRssMb!),
      app,
    }
  } finally {
    await rm(root, { recursive: true, force: true })
    await rm(scratch, { recursive: true, force: true })
  }
}

/** The library-scroll bench (Chromium) on this archive: first rows and frame times. */
function appFirstRows(root: string, n: number, scratch: string): Record<string, number> {
  const out = join(scratch, 'scroll.json')
  const args = ['--archive', root, '--articles', String(n), '--out', out]
  const run = spawnSync(process.execPath, [join(here, 'library-scroll.ts'), ...args], {
    encoding: 'utf8',
  })
  if (run.status !== 0) throw new Error(`library-scroll.ts failed: ${run.stderr}`)
  return JSON.parse(readFileSync(out, 'utf8')) as Record<string, number>
}

/**
 * Imports `dir` into a new archive. The archive is left for the caller to delete after the
 * last import: on this machine's ext4, creating files right after thousands were deleted
 * costs ~1 ms of kernel time each (the inode allocator skips recently freed inodes), which
 * took the same import from ~2,800 to ~900 articles/s.
 */
async function importRate(dir: string, label: string, roots: string[]) {
  const root = await mkdtemp(join(tmpdir(), 'quire-bench-import-'))
  roots.push(root)
  const service = await ArchiveService.open(root)
  const t = performance.now()
  const report = await service.importPaths([dir])
  const s = (performance.now() - t) / 1000
  await service.close()
  return {
    source: label,
    imported: report.imported,
    failed: report.failed,
    seconds: Math.round(s * 100) / 100,
    perSecond: Math.round(report.imported / s),
  }
}

/** 5,000 generated text files: the rate does not depend on a corpus being at hand. */
async function syntheticTextDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'quire-bench-text-'))
  let seed = 7
  const r = () => (seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32
  await mkdir(dir, { recursive: true })
  for (let i = 0; i < 5000; i++) {
    const body = syntheticBody(150 + Math.floor(r() * 500), r)
      .replace(/<\/?p>/g, '')
      .replace(/\n/g, '\n\n')
    await writeFile(join(dir, `${i}.txt`), `Synthetic article ${i}\n\n${body}`)
  }
  return dir
}

// Imports first, before any archive of the runs below is deleted (see importRate).
const imports = []
const importRoots: string[] = []
if (!skip.has('imports')) {
  const textDir = await syntheticTextDir()
  imports.push(await importRate(textDir, '5,000 synthetic text files', importRoots))
  if (existsSync(values.corpus))
    imports.push(await importRate(values.corpus, 'BBC corpus (2,225 files)', importRoots))
  importRoots.push(textDir)
}
// HTML: extraction per core beside Readability over linkedom alone (html-import.ts), and a
// bulk import of the same pages through the app's import, against that reference spread
// over the machine's cores.
let html: Record<string, number> | null = null
let bulkHtml: Awaited<ReturnType<typeof importRate>> | null = null
if (!skip.has('html') && existsSync(values.pages)) {
  html = child('html-import.ts', [values.pages, '--rounds', '3'])
  const dir = await mkdtemp(join(tmpdir(), 'quire-bench-html-'))
  importRoots.push(dir)
  for (const name of readdirSync(values.pages)) {
    const source = join(values.pages, name, 'source.html')
    if (existsSync(source)) await copyFile(source, join(dir, `${name}.html`))
  }
  bulkHtml = await importRate(dir, 'Readability test pages (HTML)', importRoots)
}
for (const dir of importRoots) await rm(dir, { recursive: true, force: true })

const cli = skip.has('cli') ? null : await measureCliStart()

const results = []
for (const [i, n] of sizes.entries()) {
  const r = await measureSize(n, i === sizes.length - 1)
  results.push(r)
  console.error(`measured ${n}: ${JSON.stringify(r)}`)
}

// Backup and restore: their own section (test/bench/backup-restore.ts).
const backups = []
for (const n of skip.has('backup')
  ? []
  : values['backup-sizes'].split(',').filter(Boolean).map(Number)) {
  backups.push(await measureBackupRestore(n))
  console.error(`measured backup/restore ${n}: ${JSON.stringify(backups.at(-1))}`)
}

const cores = availableParallelism()
const rows: Row[] = results.flatMap((r) =>
  sizeRows(r.articles, r as unknown as Record<string, number>),
)
if (html) {
  rows.push({
    figure: 'HTML extraction, CPU per page (one core)',
    size: `${html.pages} pages`,
    ours: html.cpuMsPerPage!,
    reference: html.referenceCpuMsPerPage!,
    referenceName: 'Readability over linkedom alone, CPU per page',
  })
}
if (html && bulkHtml) {
  rows.push({
    figure: `bulk HTML import, wall per page (${cores} cores)`,
    size: `${bulkHtml.imported} pages`,
    ours: (bulkHtml.seconds * 1000) / bulkHtml.imported,
    reference: html.referenceCpuMsPerPage! / cores,
    referenceName: `Readability over linkedom alone, CPU per page ÷ ${cores} cores`,
  })
}
if (cli) {
  rows.push({
    figure: 'CLI start: quire list --json, empty archive (median)',
    size: '—',
    ours: cli.quireListMs,
    reference: cli.nodeMs,
    referenceName: 'node -e 0 (median)',
    goal: 3,
  })
}
const app = results.at(-1)?.app
if (app) {
  rows.push({
    figure: 'app: navigation → first rows',
    size: results.at(-1)!.articles.toLocaleString('en'),
    ours: app.firstRowsMs!,
    reference: app.staticLoadMs!,
    referenceName: "the browser shell's static page load (load event)",
  })
}

const details = [
  '| articles | first page (indexed) | reopen → index ready | first-run search p50 / max | right after build p50 / max | write p50 | highlight p50 | main peak RSS: build / steady (after open) | indexer peak RSS |',
  '|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ...results
    .map((r) => r as unknown as Record<string, number>)
    .map(
      (r) =>
        `| ${r.articles!.toLocaleString('en')} | ${r.indexedFirstPageMs} ms | ${r.reopenToIndexReadyMs} ms | ${r.searchFirstRoundP50Ms} / ${r.searchFirstRoundMaxMs} ms | ${r.searchAfterBuildP50Ms} / ${r.searchAfterBuildMaxMs} ms | ${r.writeP50Ms} ms | ${r.annotateP50Ms} ms | ${r.buildPeakRssMb} / ${r.steadyPeakRssMb} MB (${r.peakAfterOpenMb} MB) | ${r.indexerPeakRssMb ?? '?'} MB |`,
    ),
  '',
  ...(app
    ? [
        `Library scroll at ${results.at(-1)!.articles.toLocaleString('en')}: frame p50 / p95 / max ${app.frameP50Ms} / ${app.frameP95Ms} / ${app.frameMaxMs} ms, ${app.blankFrames} blank frames of ${app.frames}`,
      ]
    : []),
  ...[...imports, ...(bulkHtml ? [bulkHtml] : [])].map(
    (i) =>
      `Import, ${i.source}: ${i.imported} in ${i.seconds} s = ${i.perSecond} articles/s (${i.failed} failed)`,
  ),
].join('\n')
console.log(`Times and ratios (load average at the end ${loadavg()[0]!.toFixed(1)}):\n`)
console.log(ratioTable(rows))
console.log(`\nDetails:\n\n${details}`)
if (backups.length) console.log(`\nBackup and restore:\n\n${backupRestoreTable(backups)}`)
await writeFile(
  values.out,
  JSON.stringify(
    {
      date: new Date().toISOString(),
      node: process.version,
      cpus: cores,
      loadAverage: loadavg(),
      ratios: rows.map((r) => ({ ...r, ratio: ratioOf(r), verdict: verdict(r) })),
      sizes: results,
      cliStart: cli,
      htmlExtraction: html,
      imports: [...imports, ...(bulkHtml ? [bulkHtml] : [])],
      backupRestore: backups,
    },
    null,
    2,
  ) + '\n',
)
console.log(`\nresults written to ${values.out}`)
