// Reads Quire's own command-line flags from Electron's argv (which also carries the
// executable, the app path and Chromium switches).
import { resolve } from 'node:path'

/** The value of `--archive DIR` or `--archive=DIR`, made absolute; undefined when absent. */
export function archiveFlag(argv: readonly string[], cwd = process.cwd()): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    if (arg === '--') break
    if (arg?.startsWith('--archive=')) return nonEmpty(arg.slice('--archive='.length), cwd)
    if (arg === '--archive') return nonEmpty(argv[i + 1], cwd)
  }
  return undefined
}

function nonEmpty(value: string | undefined, cwd: string): string | undefined {
  return value && !value.startsWith('--') ? resolve(cwd, value) : undefined
}

/** argv without `--archive DIR` / `--archive=DIR`, for a relaunch on another folder. */
export function withoutArchiveFlag(argv: readonly string[]): string[] {
  const out: string[] = []
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!
    if (arg === '--') {
      out.push(...argv.slice(i))
      break
    }
    if (arg.startsWith('--archive=')) continue
    if (arg === '--archive') {
      if (argv[i + 1] !== undefined && !argv[i + 1]!.startsWith('--')) i++
      continue
    }
    out.push(arg)
  }
  return out
}
