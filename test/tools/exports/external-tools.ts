// The real consumers the export check runs: epubcheck (Debian's package, a jar) and pandoc.
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'

export interface ToolRun {
  code: number | null
  stdout: string
  stderr: string
}

const JAR = '/usr/share/java/epubcheck.jar'

/** Run a tool; `null` code when it could not start (not installed). */
function run(cmd: string, args: string[], input?: string): ToolRun {
  const r = spawnSync(cmd, args, {
    encoding: 'utf8',
    maxBuffer: 512 * 1024 * 1024,
    ...(input !== undefined ? { input } : {}),
  })
  if (r.error) return { code: null, stdout: '', stderr: String(r.error.message) }
  return { code: r.status, stdout: r.stdout, stderr: r.stderr }
}

/** How to start epubcheck here: the `epubcheck` command, else Debian's jar through java. */
export function epubcheckCommand(): [string, string[]] | null {
  const direct = run('epubcheck', ['--version'])
  if (direct.code === 0 || /EPUBCheck v/.test(direct.stdout + direct.stderr))
    return ['epubcheck', []]
  if (existsSync(JAR) && run('java', ['-version']).code === 0) return ['java', ['-jar', JAR]]
  return null
}

export interface EpubcheckResult {
  fatals: number
  errors: number
  warnings: number
  infos: number
  /** The messages epubcheck printed (ERROR(…)/WARNING(…) lines). */
  messages: string[]
  summary: string
}

/** epubcheck's verdict on `file`. Throws when epubcheck is missing or printed no summary. */
export function epubcheck(file: string): EpubcheckResult {
  const cmd = epubcheckCommand()
  if (!cmd) throw new Error('epubcheck is not installed (apt-get install -y epubcheck)')
  const r = run(cmd[0], [...cmd[1], file])
  const out = `${r.stdout}\n${r.stderr}`
  const m = /Messages: (\d+) fatals? \/ (\d+) errors? \/ (\d+) warnings? \/ (\d+) infos?/.exec(out)
  if (!m) {
    const clean = /No errors or warnings detected/.test(out)
    if (!clean) throw new Error(`epubcheck printed no summary:\n${out.slice(0, 2000)}`)
  }
  const [fatals, errors, warnings, infos] = m ? m.slice(1, 5).map(Number) : [0, 0, 0, 0]
  return {
    fatals: fatals!,
    errors: errors!,
    warnings: warnings!,
    infos: infos!,
    messages: out.split('\n').filter((l) => /^(FATAL|ERROR|WARNING)/.test(l)),
    summary: m ? m[0] : 'No errors or warnings detected',
  }
}

export function pandocVersion(): string | null {
  const r = run('pandoc', ['--version'])
  return r.code === 0 ? (r.stdout.split('\n')[0] ?? 'pandoc') : null
}

/** `pandoc -f <from> -t csljson <file>`: its exit code, CSL items and any warning. */
export function pandocToCsl(file: string, from: string): { run: ToolRun; items: unknown[] } {
  const r = run('pandoc', ['-f', from, '-t', 'csljson', file])
  let items: unknown[] = []
  if (r.code === 0) {
    try {
      items = JSON.parse(r.stdout) as unknown[]
    } catch {
      items = []
    }
  }
  return { run: r, items }
}
