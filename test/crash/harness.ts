// The crash-consistency harness: runs crash-child.ts on an archive, SIGKILLs it after a
// seeded random delay, then checks the archive: it opens without damage, every journaled
// write is on disk (or the one in flight landed instead), nothing torn, no temp file read.
// Usage: node test/crash/harness.ts [--runs 200] [--seed N] [--jobs 4] [--max-delay-ms 400]
import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { ListQuerySchema } from '../../shared/api.ts'
import { ArchiveService } from '../../main/archive/service.ts'
import { sealedBackups } from '../../main/archive/store/backups.ts'
import { archiveLayout } from '../../main/archive/store/layout.ts'
import type { JournalEntry } from './crash-child.ts'
import { mulberry32, type Random } from './random.ts'

const CHILD = join(import.meta.dirname, 'crash-child.ts')

export interface CrashOptions {
  runs: number
  seed: number
  /** Archives worked on at once; each takes its runs one after another. */
  jobs: number
  /** Kills land uniformly in [0, maxDelayMs] after the child says it is about to open. */
  maxDelayMs: number
  /** Runs that share one archive, so later ones start from the state earlier kills left. */
  runsPerArchive: number
}

export interface CrashSummary {
  runs: number
  /** Files that failed to parse, damage reported on open, or *.damaged files. */
  damaged: number
  /** Journaled writes missing or different on disk (records without a body too). */
  lost: number
  /** Articles on disk that no journaled or in-flight import explains. */
  phantom: number
  /** Sealed backups whose files fail their checksum. */
  torn: number
  /** Opens that failed, came up read-only, or left temp files; children that died alone. */
  other: number
  /** Completed operations journaled, over all runs. */
  ops: number
  /** Runs killed with an operation in flight, and before the first one completed. */
  inFlight: number
  killedEarly: number
  /** Runs that found temp files left by the kill, and stale locks taken over. */
  tempFilesSeen: number
  staleLocks: number
  failures: string[]
}

interface ArticleState {
  title: string
  tags: string[]
  deleted: boolean
  /** Highlights saved on it (the child adds one per annotate op, never removes any). */
  annotations: number
}

type Model = Map<string, ArticleState>

export async function runCrashHarness(opts: CrashOptions): Promise<CrashSummary> {
  const summary: CrashSummary = {
    runs: 0,
    damaged: 0,
    lost: 0,
    phantom: 0,
    torn: 0,
    other: 0,
    ops: 0,
    inFlight: 0,
    killedEarly: 0,
    tempFilesSeen: 0,
    staleLocks: 0,
    failures: [],
  }
  const work = await mkdtemp(join(tmpdir(), 'quire-crash-'))
  const groups = Math.ceil(opts.runs / opts.runsPerArchive)
  let nextGroup = 0
  const worker = async () => {
    while (nextGroup < groups) {
      const g = nextGroup++
      const runs = Math.min(opts.runsPerArchive, opts.runs - g * opts.runsPerArchive)
      const dir = join(work, `archive-${g}`)
      const random = mulberry32(opts.seed * 1000 + g)
      const model: Model = new Map()
      for (let r = 0; r < runs; r++) {
        const issues = await crashOnce(dir, r, model, random, opts, summary)
        summary.runs++
        summary.failures.push(...issues.map((i) => `archive-${g} run ${r}: ${i}`))
      }
      if (!summary.failures.some((f) => f.startsWith(`archive-${g} `))) {
        await rm(dir, { recursive: true, force: true })
      }
    }
  }
  await Promise.all(Array.from({ length: Math.max(1, opts.jobs) }, worker))
  if (!summary.failures.length) await rm(work, { recursive: true, force: true })
  else summary.failures.push(`archives kept for inspection under ${work}`)
  return summary
}

/** One spawn, kill and check. Returns what went wrong, in words. */
async function crashOnce(
  dir: string,
  run: number,
  model: Model,
  random: Random,
  opts: CrashOptions,
  summary: CrashSummary,
): Promise<string[]> {
  const archive = join(dir, 'archive')
  const journal = join(dir, `journal-${run}.jsonl`)
  const childSeed = Math.floor(random() * 2 ** 31)
  const delay = random() * opts.maxDelayMs
  await mkdir(dir, { recursive: true })
  const death = await runAndKill(archive, journal, join(dir, 'sources'), childSeed, delay)
  const issues: string[] = []
  if (death.error) {
    summary.other++
    return [death.error]
  }

  const entries = await readJournal(journal)
  const done = new Set(entries.filter((e) => e.phase === 'done').map((e) => e.seq))
  const last = entries.at(-1)
  const inFlight = last && last.phase === 'begin' && !done.has(last.seq) ? last : null
  summary.ops += done.size
  if (inFlight) summary.inFlight++
  if (!done.size) summary.killedEarly++
  for (const e of entries) if (e.phase === 'done') apply(model, e)

  const seen = await inspectFiles(archive)
  issues.push(...seen.damaged.map((d) => `damaged before open: ${d}`))
  summary.damaged += seen.damaged.length
  if (seen.tempFiles) summary.tempFilesSeen++
  const torn = await tornBackups(archive)
  summary.torn += torn.length
  issues.push(...torn.map((t) => `torn backup file: ${t}`))
  if (seen.lockPid !== null && seen.lockPid === death.pid) summary.staleLocks++

  let service: ArchiveService
  try {
    service = await ArchiveService.open(archive)
  } catch (err) {
    summary.other++
    return [...issues, `the archive did not open: ${(err as Error).message}`]
  }
  try {
    if (service.recoveries.length) {
      summary.damaged += service.recoveries.length
      issues.push(...service.recoveries.map((r) => `recovery on open: ${r.message}`))
    }
    if ((await service.info()).readOnly) {
      summary.other++
      issues.push('the archive opened read-only: the dead child’s lock was not taken over')
    }
    const actual = await readArchive(service)
    const check = compare(model, actual, inFlight)
    summary.lost += check.lost.length
    summary.phantom += check.phantom.length
    issues.push(...check.lost, ...check.phantom)
    for (const id of actual.keys()) {
      await service.get(id).catch((err: Error) => {
        summary.lost++
        issues.push(`record without its body: ${err.message}`)
      })
    }
    // From here on the truth is the disk: the in-flight op either landed or it did not.
    model.clear()
    for (const [id, a] of actual) model.set(id, a)
  } finally {
    await service.close()
  }
  const after = await inspectFiles(archive)
  if (after.tempFiles) {
    summary.other++
    issues.push(`temp files left after open: ${after.tempFiles}`)
  }
  if (after.damaged.length) issues.push(...after.damaged.map((d) => `after open: ${d}`))
  return issues
}

interface Death {
  pid: number
  error?: string
}

/** Start the child; SIGKILL it `delayMs` after it says "ready" (it is about to open). */
function runAndKill(
  archive: string,
  journal: string,
  sources: string,
  seed: number,
  delayMs: number,
): Promise<Death> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CHILD, archive, journal, sources, String(seed)], {
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stderr = ''
    let timer: NodeJS.Timeout | undefined
    child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c))
    child.stdout.setEncoding('utf8').once('data', () => {
      // The crash itself, at a random instant: not a wait for anything to happen.
      timer = setTimeout(() => child.kill('SIGKILL'), delayMs)
    })
    child.once('exit', (code, signal) => {
      clearTimeout(timer)
      const pid = child.pid ?? -1
      if (signal === 'SIGKILL') resolve({ pid })
      else
        resolve({
          pid,
          error: `the child exited by itself (${code}): ${stderr.trim().slice(-800)}`,
        })
    })
  })
}

/** The journal's entries; a torn last line (the kill landed mid-append) is dropped. */
async function readJournal(path: string): Promise<JournalEntry[]> {
  const text = await readFile(path, 'utf8').catch(() => '')
  const entries: JournalEntry[] = []
  for (const line of text.split('\n')) {
    if (!line) continue
    try {
      entries.push(JSON.parse(line) as JournalEntry)
    } catch {
      // only the last line can be torn; a torn `done` means the op counts as in flight
    }
  }
  return entries
}

function apply(model: Model, e: JournalEntry): void {
  if (e.op === 'import' && e.phase === 'done') {
    for (const item of e.items)
      model.set(item.id, { title: item.title, tags: [], deleted: false, annotations: 0 })
  } else if (e.op === 'tag') {
    model.get(e.id)!.tags = e.tags
  } else if (e.op === 'trash' || e.op === 'restore') {
    for (const id of e.ids) model.get(id)!.deleted = e.op === 'trash'
  } else if (e.op === 'annotate' && e.phase === 'done') {
    model.get(e.id)!.annotations++
  }
}

async function readArchive(service: ArchiveService): Promise<Model> {
  const out: Model = new Map()
  for (const view of ['all', 'trash'] as const) {
    for (let offset = 0; ;) {
      const page = await service.list(ListQuerySchema.parse({ view, offset, limit: 200 }))
      for (const a of page.items) {
        out.set(a.id, {
          title: a.title,
          tags: a.tags,
          deleted: a.deletedAt !== null,
          annotations: a.annotationCount,
        })
      }
      offset += page.items.length
      if (!page.items.length || offset >= page.total) break
    }
  }
  return out
}

/**
 * Each journaled article must be on disk as the completed ops left it, or as the one
 * in-flight op would leave it (each article on its own: a multi-shard op may land in part).
 */
function compare(
  model: Model,
  actual: Model,
  inFlight: JournalEntry | null,
): { lost: string[]; phantom: string[] } {
  const lost: string[] = []
  const phantom: string[] = []
  const same = (a: string[], b: string[]) => JSON.stringify(a) === JSON.stringify(b)
  for (const [id, want] of model) {
    const got = actual.get(id)
    if (!got) {
      lost.push(`journaled article ${id} ("${want.title}") is missing`)
      continue
    }
    if (got.title !== want.title)
      lost.push(`${id}: title "${got.title}", journaled "${want.title}"`)
    const tagsInFlight = inFlight?.op === 'tag' && inFlight.id === id ? inFlight.tags : null
    if (!same(got.tags, want.tags) && !(tagsInFlight && same(got.tags, tagsInFlight))) {
      lost.push(`${id}: tags ${JSON.stringify(got.tags)}, journaled ${JSON.stringify(want.tags)}`)
    }
    const annotating = inFlight?.op === 'annotate' && inFlight.id === id ? 1 : 0
    if (got.annotations !== want.annotations && got.annotations !== want.annotations + annotating) {
      lost.push(`${id}: ${got.annotations} highlights, journaled ${want.annotations}`)
    }
    const toggled =
      (inFlight?.op === 'trash' || inFlight?.op === 'restore') && inFlight.ids.includes(id)
    if (got.deleted !== want.deleted && !toggled) {
      lost.push(`${id}: ${got.deleted ? 'in' : 'out of'} the trash, journaled the other way`)
    }
  }
  const titles = inFlight?.op === 'import' && inFlight.phase === 'begin' ? [...inFlight.titles] : []
  for (const [id, got] of actual) {
    if (model.has(id)) continue
    const i = titles.indexOf(got.title)
    if (i >= 0 && !got.deleted && got.tags.length === 0 && got.annotations === 0)
      titles.splice(i, 1)
    else phantom.push(`article ${id} ("${got.title}") is on disk but was never imported`)
  }
  return { lost, phantom }
}

/** Parse every data file as the store would, before the store gets to recover anything. */
async function inspectFiles(
  archive: string,
): Promise<{ damaged: string[]; tempFiles: number; lockPid: number | null }> {
  const damaged: string[] = []
  let tempFiles = 0
  const check = async (rel: string) => {
    const text = await readFile(join(archive, rel), 'utf8').catch(() => null)
    if (text === null) return
    try {
      const json = JSON.parse(text) as { articles?: unknown; format?: unknown }
      if (rel.startsWith('catalog/') && typeof json.articles !== 'object') throw new Error()
      if (rel === 'quire.json' && json.format !== 'quire-archive') throw new Error()
    } catch {
      damaged.push(`${rel} does not parse`)
    }
  }
  await check('quire.json')
  for (const sub of ['', 'catalog', 'content']) {
    for (const name of await readdir(join(archive, sub)).catch(() => [] as string[])) {
      const rel = sub ? `${sub}/${name}` : name
      if (name.endsWith('.tmp')) tempFiles++
      else if (name.endsWith('.damaged')) damaged.push(`${rel} exists`)
      else if (sub === 'catalog' && /^[0-9a-f]{2}\.json$/.test(name)) await check(rel)
      else if (sub === 'catalog') damaged.push(`unexpected file ${rel}`)
    }
  }
  const lock = await readFile(join(archive, '.quire.lock'), 'utf8').catch(() => null)
  return { damaged, tempFiles, lockPid: lockOwnerPid(lock) }
}

function lockOwnerPid(lock: string | null): number | null {
  try {
    return lock ? (JSON.parse(lock) as { pid: number }).pid : null
  } catch {
    return null
  }
}

async function tornBackups(archive: string): Promise<string[]> {
  const torn: string[] = []
  const backups = await sealedBackups(archiveLayout(archive)).catch(() => [])
  for (const b of backups) {
    for (const [rel, entry] of Object.entries(b.manifest.files)) {
      const bytes = await readFile(join(b.dir, rel)).catch(() => Buffer.alloc(0))
      if (createHash('sha256').update(bytes).digest('hex') !== entry.sha256) {
        torn.push(`${b.name}/${rel}`)
      }
    }
  }
  return torn
}

export function formatSummary(s: CrashSummary): string {
  return (
    `runs=${s.runs} damaged=${s.damaged} lost=${s.lost} phantom=${s.phantom} torn=${s.torn} ` +
    `other=${s.other} | ops=${s.ops} in-flight=${s.inFlight} killed-before-first-op=${s.killedEarly} ` +
    `temp-files-seen=${s.tempFilesSeen} stale-locks-taken-over=${s.staleLocks}`
  )
}

export function isClean(s: CrashSummary): boolean {
  return s.failures.length === 0
}

if (import.meta.main) {
  const { values } = parseArgs({
    options: {
      runs: { type: 'string', default: '200' },
      seed: { type: 'string', default: String(Date.now() % 100000) },
      jobs: { type: 'string', default: '4' },
      'max-delay-ms': { type: 'string', default: '400' },
      'runs-per-archive': { type: 'string', default: '10' },
    },
  })
  const opts: CrashOptions = {
    runs: Number(values.runs),
    seed: Number(values.seed),
    jobs: Number(values.jobs),
    maxDelayMs: Number(values['max-delay-ms']),
    runsPerArchive: Number(values['runs-per-archive']),
  }
  const started = Date.now()
  console.log(
    `crash harness: ${opts.runs} kills, seed ${opts.seed}, ${opts.jobs} at a time, ` +
      `kill within ${opts.maxDelayMs} ms of open, ${opts.runsPerArchive} runs per archive`,
  )
  const summary = await runCrashHarness(opts)
  for (const f of summary.failures.slice(0, 50)) console.log(`FAIL ${f}`)
  console.log(`${formatSummary(summary)} elapsed=${((Date.now() - started) / 1000).toFixed(1)}s`)
  process.exitCode = isClean(summary) ? 0 : 1
}
