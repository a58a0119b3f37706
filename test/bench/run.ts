// `npm run bench`: how the archive behaves at scale. For each size it generates a synthetic
// archive (Zipf vocabulary, realistic lengths, bodies on disk) and measures it in a fresh
// process (two: the first build, then a start with the index built; see measure.ts): open to
// first page, index build, search p50/p95 over a fixed query set, one write, peak RSS. The
// plain-text import rate is measured first. Results: test/bench/results/latest.json
// and a Markdown table on stdout (copied into the README's performance section).
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { ArchiveService } from '../../main/archive/service.ts'
import { generateArchive, syntheticBody } from './synthetic-archive.ts'
import { backupRestoreTable, measureBackupRestore } from './backup-restore.ts'

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '100,1000,10000,100000' },
    writes: { type: 'string', default: '200' },
    corpus: { type: 'string', default: '../shared/corpus/bbc-news' },
    out: { type: 'string', default: join('test', 'bench', 'results', 'latest.json') },
    'backup-sizes': { type: 'string', default: '10000,100000' },
  },
})
const sizes = values.sizes.split(',').map(Number)
const here = import.meta.dirname

interface Measured {
  openToFirstPageMs: number
  indexBuildMs: number
  indexedFirstPageMs: number
  searchP50Ms: number
  searchP95Ms: number
  searchFirstRoundP50Ms: number
  searchFirstRoundMaxMs: number
  searchAfterBuildP50Ms: number
  searchAfterBuildMaxMs: number
  reopenToIndexReadyMs: number
  writeP50Ms: number
  writeP95Ms: number
  annotateP50Ms: number
  annotateP95Ms: number
  /** Main process peak RSS: the higher of the two phases' processes. */
  peakRssMb: number
  peakAfterOpenMb: number
  buildPeakRssMb: number
  steadyPeakRssMb: number
  indexerPeakRssMb: number | null
}

async function measureSize(n: number): Promise<Measured & { articles: number; generateS: number }> {
  const root = await mkdtemp(join(tmpdir(), `quire-bench-${n}-`))
  try {
    const t = performance.now()
    await generateArchive(root, n, true)
    const generateS = Math.round((performance.now() - t) / 100) / 10
    // Two processes (see measure.ts): the first build, then a start with the index built.
    const phase = (name: string) => {
      const child = spawnSync(
        process.execPath,
        [join(here, 'measure.ts'), '--archive', root, '--writes', values.writes, '--phase', name],
        { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 },
      )
      if (child.status !== 0) throw new Error(`measure ${name} failed for ${n}: ${child.stderr}`)
      return JSON.parse(child.stdout.trim().split('\n').pop()!) as Partial<Measured>
    }
    const measured = { ...phase('build'), ...phase('steady') } as Measured
    measured.peakRssMb = Math.max(measured.buildPeakRssMb, measured.steadyPeakRssMb)
    return { articles: n, generateS, ...measured }
  } finally {
    await rm(root, { recursive: true, force: true })
  }
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
const textDir = await syntheticTextDir()
imports.push(await importRate(textDir, '5,000 synthetic text files', importRoots))
if (existsSync(values.corpus))
  imports.push(await importRate(values.corpus, 'BBC corpus (2,225 files)', importRoots))
for (const dir of [textDir, ...importRoots]) await rm(dir, { recursive: true, force: true })

const results = []
for (const n of sizes) {
  const r = await measureSize(n)
  results.push(r)
  console.error(`measured ${n}: ${JSON.stringify(r)}`)
}

// Backup and restore: their own section (test/bench/backup-restore.ts).
const backups = []
for (const n of values['backup-sizes'].split(',').filter(Boolean).map(Number)) {
  backups.push(await measureBackupRestore(n))
  console.error(`measured backup/restore ${n}: ${JSON.stringify(backups.at(-1))}`)
}

const table = [
  '| articles | open → first page | index build | first page (indexed) | reopen → index ready | search p50 | search p95 | first-run search p50 / max | right after build p50 / max | write p50 | write p95 | highlight p50 / p95 | main peak RSS: build / steady (after open) | indexer peak RSS |',
  '|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ...results.map(
    (r) =>
      `| ${r.articles.toLocaleString('en')} | ${r.openToFirstPageMs} ms | ${(r.indexBuildMs / 1000).toFixed(1)} s | ${r.indexedFirstPageMs} ms | ${r.reopenToIndexReadyMs} ms | ${r.searchP50Ms} ms | ${r.searchP95Ms} ms | ${r.searchFirstRoundP50Ms} / ${r.searchFirstRoundMaxMs} ms | ${r.searchAfterBuildP50Ms} / ${r.searchAfterBuildMaxMs} ms | ${r.writeP50Ms} ms | ${r.writeP95Ms} ms | ${r.annotateP50Ms} / ${r.annotateP95Ms} ms | ${r.buildPeakRssMb} / ${r.steadyPeakRssMb} MB (${r.peakAfterOpenMb} MB) | ${r.indexerPeakRssMb ?? '?'} MB |`,
  ),
  '',
  ...imports.map(
    (i) =>
      `Import, ${i.source}: ${i.imported} in ${i.seconds} s = ${i.perSecond} articles/s (${i.failed} failed)`,
  ),
].join('\n')
console.log(table)
if (backups.length) console.log(`\nBackup and restore:\n\n${backupRestoreTable(backups)}`)
await writeFile(
  values.out,
  JSON.stringify(
    {
      date: new Date().toISOString(),
      node: process.version,
      cpus: 2,
      sizes: results,
      imports,
      backupRestore: backups,
    },
    null,
    2,
  ) + '\n',
)
console.log(`\nresults written to ${values.out}`)
