// The crash-consistency harness: runs crash-child.ts on an archive, SIGKILLs it after a
// seeded random delay, then checks the archive: it opens without damage, every logged
// write is on disk (or the one in flight landed instead, on all its articles or none),
// every import item reported is there, nothing is left without an owner once the next open
// has swept, nothing torn, no temp file read. Every third run plays another device's sync
// engine too (sync-copies.ts): conflict copies and replaced shards, merged while the kill
// lands; nothing either side wrote may be lost, and no copy may go before its merge is durable.
// Usage: node test/crash/harness.ts [--runs 200] [--seed N] [--jobs 4] [--max-delay-ms 400]
//        [--merge-every 3]
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdir, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { ListQuerySchema } from '../../shared/api.ts'
import { ArchiveService } from '../../main/archive/service.ts'
import { apply, compare, inspectFiles, orphans, tornBackups, type Model } from './check.ts'
import { inFlightOf, readOpLog } from './op-log.ts'
import { mulberry32, type Random } from './random.ts'
import {
  changesKept,
  copiesGoneEarly,
  copiesLeft,
  copiesStillThere,
  placeOtherDeviceEdits,
  type PlacedChange,
} from './sync-copies.ts'

const CHILD = join(import.meta.dirname, 'crash-child.ts')

/** Children alive now: killed with the harness, so a stopped run leaves no writer looping. */
const living = new Set<ChildProcess>()
process.once('exit', () => {
  for (const child of living) child.kill('SIGKILL')
})

export interface CrashOptions {
  runs: number
  seed: number
  /** Archives worked on at once; each takes its runs one after another. */
  jobs: number
  /** Kills land uniformly in [0, maxDelayMs] after the child says it is about to open. */
  maxDelayMs: number
  /** Runs that share one archive, so later ones start from the state earlier kills left. */
  runsPerArchive: number
  /**
   * Every how many runs the kill timer starts only once the child has finished its first
   * operation (so the kill lands among writes, never in open); 0 for never.
   */
  killAmongOpsEvery?: number
  /** Every how many runs another device's copies are placed (sync-copies.ts); 0 for never. */
  mergeEvery?: number
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
  /** Bodies, versions and images no record owns, once the next open has swept. */
  orphans: number
  /** Operations over several articles found applied to some of them only. */
  partialBulk: number
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
  /** Runs with another device's copies placed, and the changes they carried. */
  mergeRuns: number
  otherChanges: number
  /** Other-device changes lost, and conflict copies removed before their merge was durable. */
  mergeLost: number
  copiesGoneEarly: number
  /** Copies placed before the child opened: still there after the kill, or merged by it. */
  copiesKilledBeforeMerge: number
  copiesMergedByChild: number
  failures: string[]
}

export async function runCrashHarness(opts: CrashOptions): Promise<CrashSummary> {
  const summary: CrashSummary = {
    runs: 0,
    damaged: 0,
    lost: 0,
    phantom: 0,
    torn: 0,
    orphans: 0,
    partialBulk: 0,
    other: 0,
    ops: 0,
    inFlight: 0,
    killedEarly: 0,
    tempFilesSeen: 0,
    staleLocks: 0,
    mergeRuns: 0,
    otherChanges: 0,
    mergeLost: 0,
    copiesGoneEarly: 0,
    copiesKilledBeforeMerge: 0,
    copiesMergedByChild: 0,
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
  const logPath = join(dir, `log-${run}.jsonl`)
  const childSeed = Math.floor(random() * 2 ** 31)
  const delay = random() * opts.maxDelayMs
  const every = opts.killAmongOpsEvery ?? 0
  const startOn = every > 0 && run % every === every - 1 ? 'working' : 'ready'
  await mkdir(dir, { recursive: true })
  const mergeEvery = opts.mergeEvery ?? 0
  const mergeRun = mergeEvery > 0 && run % mergeEvery === mergeEvery - 1
  // Most merge runs place the copies before the child opens (the kill lands in its merge);
  // the rest after the kill, over a journal the next open must replay.
  const placeFirst = mergeRun && random() < 0.7
  const placed: PlacedChange[] = placeFirst
    ? await placeOtherDeviceEdits(archive, model, random, run)
    : []
  const death = await runAndKill(archive, logPath, join(dir, 'sources'), childSeed, delay, startOn)
  const issues: string[] = []
  if (death.error) {
    summary.other++
    return [death.error]
  }

  const entries = await readOpLog(logPath)
  const inFlight = inFlightOf(entries)
  const done = entries.filter((e) => e.phase === 'done')
  summary.ops += done.length
  if (inFlight) summary.inFlight++
  if (!done.length) summary.killedEarly++
  for (const e of done) apply(model, e)
  // A copy the child removed must already be in the shard files.
  const copies = new Set(placed.flatMap((p) => (p.copy ? [p.copy] : []))).size
  const stillThere = await copiesStillThere(placed)
  summary.copiesKilledBeforeMerge += stillThere
  summary.copiesMergedByChild += copies - stillThere
  const early = await copiesGoneEarly(placed, entries)
  summary.copiesGoneEarly += early.length
  issues.push(...early)

  const seen = await inspectFiles(archive)
  issues.push(...seen.damaged.map((d) => `damaged before open: ${d}`))
  summary.damaged += seen.damaged.length
  if (seen.tempFiles) summary.tempFilesSeen++
  const torn = await tornBackups(archive)
  summary.torn += torn.length
  issues.push(...torn.map((t) => `torn backup file: ${t}`))
  if (seen.lockPid !== null && seen.lockPid === death.pid) summary.staleLocks++
  if (mergeRun && !placeFirst) {
    const op = inFlight?.op
    const busy = new Set(op ? ('ids' in op ? op.ids : 'id' in op ? [op.id] : []) : [])
    placed.push(...(await placeOtherDeviceEdits(archive, model, random, run, busy)))
  }
  if (placed.length) {
    summary.mergeRuns++
    summary.otherChanges += placed.length
  }

  let service: ArchiveService
  try {
    // No grace for the sweep: one machine here, no record on its way from another device.
    service = await ArchiveService.open(archive, { sweepGraceMs: 0 })
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
    const { model: actual, records } = await readArchive(service)
    const check = compare(model, actual, inFlight)
    summary.lost += check.lost.length
    summary.phantom += check.phantom.length
    summary.partialBulk += check.partialBulk.length
    issues.push(...check.lost, ...check.phantom, ...check.partialBulk.map((p) => `partial: ${p}`))
    const kept = await changesKept(placed, entries, (id) =>
      service.get(id).then(
        (r) => r.article,
        () => undefined,
      ),
    )
    const left = await copiesLeft(archive)
    summary.mergeLost += kept.length + left.length
    issues.push(...kept, ...left.map((c) => `conflict copy not merged at open: catalog/${c}`))
    for (const id of actual.keys()) {
      await service.get(id).catch((err: Error) => {
        summary.lost++
        issues.push(`record without its body: ${err.message}`)
      })
    }
    // The open swept what the kill left without an owner; nothing may remain.
    await service.swept
    const orphaned = await orphans(archive, records)
    summary.orphans += orphaned.length
    issues.push(...orphaned.slice(0, 10).map((o) => `orphan after open: ${o}`))
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

/**
 * Start the child; SIGKILL it `delayMs` after it says `startOn`: "ready" (it is about to
 * open) or "working" (its first operation is done).
 */
function runAndKill(
  archive: string,
  logPath: string,
  sources: string,
  seed: number,
  delayMs: number,
  startOn: 'ready' | 'working',
): Promise<Death> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CHILD, archive, logPath, sources, String(seed)], {
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    living.add(child)
    let stderr = ''
    let stdout = ''
    let timer: NodeJS.Timeout | undefined
    child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c))
    child.stdout.setEncoding('utf8').on('data', (c: string) => {
      stdout += c
      if (timer || !stdout.split('\n').includes(startOn)) return
      // The crash itself, at a random instant: not a wait for anything to happen.
      timer = setTimeout(() => child.kill('SIGKILL'), delayMs)
    })
    child.once('exit', (code, signal) => {
      living.delete(child)
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

async function readArchive(service: ArchiveService): Promise<{
  model: Model
  records: Map<string, { versions?: { n: number }[]; leadImage?: string }>
}> {
  const model: Model = new Map()
  const records = new Map<string, { versions?: { n: number }[]; leadImage?: string }>()
  for (const view of ['all', 'trash'] as const) {
    for (let offset = 0; ;) {
      const page = await service.list(ListQuerySchema.parse({ view, offset, limit: 200 }))
      for (const a of page.items) {
        model.set(a.id, {
          title: a.title,
          tags: a.tags,
          deleted: a.deletedAt !== null,
          annotations: a.annotationCount,
        })
        records.set(a.id, {
          ...(a.versions ? { versions: a.versions } : {}),
          ...(a.leadImage ? { leadImage: a.leadImage } : {}),
        })
      }
      offset += page.items.length
      if (!page.items.length || offset >= page.total) break
    }
  }
  return { model, records }
}

export function formatSummary(s: CrashSummary): string {
  return (
    `runs=${s.runs} damaged=${s.damaged} lost=${s.lost} phantom=${s.phantom} torn=${s.torn} ` +
    `orphans=${s.orphans} partial-bulk=${s.partialBulk} other=${s.other} | ops=${s.ops} in-flight=${s.inFlight} killed-before-first-op=${s.killedEarly} ` +
    `temp-files-seen=${s.tempFilesSeen} stale-locks-taken-over=${s.staleLocks} | ` +
    `merge-runs=${s.mergeRuns} other-device-changes=${s.otherChanges} merge-lost=${s.mergeLost} ` +
    `copies-removed-early=${s.copiesGoneEarly} copies-killed-before-merge-done=${s.copiesKilledBeforeMerge} ` +
    `copies-merged-by-child=${s.copiesMergedByChild}`
  )
}

export function isClean(s: CrashSummary): boolean {
  return s.failures.length === 0
}

if (import.meta.main) {
  // Stopped by hand (Ctrl+C): the exit hook above takes the children with it.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(130))
  const { values } = parseArgs({
    options: {
      runs: { type: 'string', default: '200' },
      seed: { type: 'string', default: String(Date.now() % 100000) },
      jobs: { type: 'string', default: '4' },
      'max-delay-ms': { type: 'string', default: '400' },
      'runs-per-archive': { type: 'string', default: '10' },
      'kill-among-ops-every': { type: 'string', default: '2' },
      'merge-every': { type: 'string', default: '3' },
    },
  })
  const opts: CrashOptions = {
    runs: Number(values.runs),
    seed: Number(values.seed),
    jobs: Number(values.jobs),
    maxDelayMs: Number(values['max-delay-ms']),
    runsPerArchive: Number(values['runs-per-archive']),
    killAmongOpsEvery: Number(values['kill-among-ops-every']),
    mergeEvery: Number(values['merge-every']),
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
