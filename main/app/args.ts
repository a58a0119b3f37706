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
