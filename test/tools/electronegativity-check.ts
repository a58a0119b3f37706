// Runs @doyensec/electronegativity over main/ and fails on any HIGH finding that is not a
// documented false positive in electronegativity-allow.json. Used by .ci/run.
//
// Why not the CLI: it always exits 0; its CSV writer issues the header and the findings as
// two concurrent writes to one file (seen here: the header overwrote the first finding), and
// its SARIF drops severity and confidence. So this calls the runner the CLI calls and reads
// the findings it returns. Why the .ts sources, not dist/main: the tool only lists .js, .ts
// and .html files, so the .cjs bundle would be skipped whole (0 files scanned, and global
// checks then report "no navigation limits" for code they never saw).
import { readdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { z } from 'zod'

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..')
const ALLOW_FILE = join(REPO, 'test', 'tools', 'electronegativity-allow.json')
const require = createRequire(import.meta.url)

const SEVERITIES = ['HIGH', 'MEDIUM', 'LOW', 'INFORMATIONAL'] as const
const CONFIDENCES = ['CERTAIN', 'FIRM', 'TENTATIVE'] as const
/** Downloads Electron's release list from GitHub on every run; CI has no internet. */
const OFFLINE_EXCLUDED = ['AvailableSecurityFixesGlobalCheck']

const RawIssue = z.object({
  id: z.string(),
  file: z.string(),
  severity: z.object({ name: z.enum(SEVERITIES) }),
  confidence: z.object({ name: z.enum(CONFIDENCES) }),
  location: z.object({ line: z.number(), column: z.number() }).optional(),
  sample: z.string().optional(),
  manualReview: z.boolean().optional(),
})
const RunnerResult = z.object({
  issues: z.array(RawIssue),
  errors: z.array(z.object({ file: z.string(), message: z.string(), tolerable: z.boolean() })),
  atomicChecks: z.number(),
  globalChecks: z.number(),
})
const AllowList = z.object({
  about: z.string().optional(),
  entries: z.array(
    z.object({ check: z.string().min(1), file: z.string().min(1), reason: z.string().min(20) }),
  ),
})

export type Severity = (typeof SEVERITIES)[number]
export type AllowEntry = z.infer<typeof AllowList>['entries'][number]

export interface Finding {
  check: string
  severity: Severity
  confidence: (typeof CONFIDENCES)[number]
  /** Relative to the repository root with forward slashes; `N/A` for app-wide findings. */
  file: string
  line: number
  manualReview: boolean
}

export interface ScanResult {
  findings: Finding[]
  /** Files the tool could not parse: it saw nothing in them. */
  parseErrors: string[]
  filesScanned: number
  checks: number
}

export interface Verdict {
  blocking: Finding[]
  allowed: { finding: Finding; reason: string }[]
  /** Allow-list entries that matched nothing: stale, so they fail the check too. */
  unused: AllowEntry[]
}

type Runner = (options: Record<string, unknown>, forCli: boolean) => Promise<unknown>

/** Scans `input` (a folder) for an app on `electronVersion`, without any network request. */
export async function scan(input: string, electronVersion: string): Promise<ScanResult> {
  const run = loadRunnerOffline()
  const raw = RunnerResult.parse(
    await run(
      { input, excludeFromScan: OFFLINE_EXCLUDED, electronVersionOverride: electronVersion },
      false,
    ),
  )
  const findings = raw.issues.map((i) => ({
    check: i.id,
    severity: i.severity.name,
    confidence: i.confidence.name,
    file: i.file === 'N/A' ? 'N/A' : relative(REPO, i.file).split('\\').join('/'),
    line: i.location?.line ?? 0,
    manualReview: i.manualReview ?? false,
  }))
  return {
    findings,
    parseErrors: raw.errors.filter((e) => !e.tolerable).map((e) => `${e.file}: ${e.message}`),
    filesScanned: countScannable(input),
    checks: raw.atomicChecks + raw.globalChecks,
  }
}

/** HIGH findings block unless an allow-list entry names the same check and the same file. */
export function judge(findings: Finding[], allow: AllowEntry[]): Verdict {
  const used = new Set<AllowEntry>()
  const verdict: Verdict = { blocking: [], allowed: [], unused: [] }
  for (const f of findings) {
    if (f.severity !== 'HIGH') continue
    const entry = allow.find((a) => a.check === f.check && a.file === f.file)
    if (entry) {
      used.add(entry)
      verdict.allowed.push({ finding: f, reason: entry.reason })
    } else verdict.blocking.push(f)
  }
  verdict.unused = allow.filter((a) => !used.has(a))
  return verdict
}

/** Counts by severity (rows) and confidence (columns), then one line per finding. */
export function summarize(findings: Finding[]): string {
  const pad = (s: string | number, n: number) => String(s).padEnd(n)
  const lines = [pad('severity', 15) + CONFIDENCES.map((c) => pad(c, 11)).join('') + 'total']
  for (const s of SEVERITIES) {
    const row = findings.filter((f) => f.severity === s)
    const cells = CONFIDENCES.map((c) => pad(row.filter((f) => f.confidence === c).length, 11))
    lines.push(pad(s, 15) + cells.join('') + row.length)
  }
  lines.push('')
  for (const f of findings) {
    const where = f.file === 'N/A' ? '(whole app)' : `${f.file}:${f.line}`
    const review = f.manualReview ? '  [review by hand]' : ''
    lines.push(
      `${pad(f.severity, 8)} ${pad(f.confidence, 10)} ${pad(f.check, 40)} ${where}${review}`,
    )
  }
  return lines.join('\n')
}

export function readAllowList(file = ALLOW_FILE): AllowEntry[] {
  return AllowList.parse(JSON.parse(readFileSync(file, 'utf8'))).entries
}

export function installedElectronVersion(): string {
  const pkg = JSON.parse(readFileSync(join(REPO, 'node_modules/electron/package.json'), 'utf8'))
  return z.object({ version: z.string() }).parse(pkg).version
}

/**
 * The runner fetches translations from S3 before every scan (and waits seconds when offline);
 * its own English strings ship in the package, so they are loaded from there instead.
 */
function loadRunnerOffline(): Runner {
  const dist = join(dirname(require.resolve('@doyensec/electronegativity/package.json')), 'dist')
  const i18nPath = join(dist, 'locales', 'i18n.js')
  require(i18nPath)
  const cached = require.cache[i18nPath]
  if (!cached) throw new Error(`electronegativity's i18n module is not where expected: ${i18nPath}`)
  const i18n = createRequire(i18nPath)('i18n') as {
    configure(options: Record<string, unknown>): void
    setLocale(locale: string): void
  }
  cached.exports = async () => {
    i18n.configure({
      locales: ['en-US'],
      defaultLocale: 'en-US',
      directory: dirname(i18nPath),
      updateFiles: false,
      objectNotation: true,
      register: globalThis,
    })
    i18n.setLocale('en-US')
  }
  return require(join(dist, 'runner.js')) as Runner
}

/** The files the tool's loader picks up (its own extension list, node_modules excluded). */
function countScannable(input: string): number {
  const entries = readdirSync(input, { recursive: true, encoding: 'utf8' })
  return entries.filter((p) => !p.includes('node_modules') && /\.(jsx?|tsx?|html?)$/i.test(p))
    .length
}

async function main(): Promise<number> {
  const started = Date.now()
  const input = join(REPO, 'main')
  const version = installedElectronVersion()
  const result = await scan(input, version)
  const verdict = judge(result.findings, readAllowList())
  const seconds = ((Date.now() - started) / 1000).toFixed(1)
  console.log(
    `electronegativity: ${result.checks} checks over ${result.filesScanned} files in main/ ` +
      `(Electron ${version}) in ${seconds} s; ${result.findings.length} findings\n`,
  )
  console.log(summarize(result.findings))
  for (const a of verdict.allowed) {
    console.log(`allowed: ${a.finding.check} in ${a.finding.file}: ${a.reason}`)
  }
  const problems = [
    ...result.parseErrors.map((e) => `could not parse ${e}`),
    ...(result.filesScanned === 0 ? ['no file in main/ was scanned'] : []),
    ...verdict.blocking.map((f) => `HIGH ${f.check} at ${f.file}:${f.line}`),
    ...verdict.unused.map((a) => `stale allow-list entry ${a.check} for ${a.file}: remove it`),
  ]
  for (const p of problems) console.error(`electronegativity-check: ${p}`)
  console.log(problems.length ? '\nFAILED' : '\nno HIGH findings: passed')
  return problems.length ? 1 : 0
}

if (import.meta.main) {
  main().then(
    (code) => process.exit(code),
    (err: unknown) => {
      console.error(`electronegativity-check: ${err instanceof Error ? err.message : String(err)}`)
      process.exit(1)
    },
  )
}
