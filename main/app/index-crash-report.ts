// What happens when the search index process dies: the crash and Node's diagnostic report go
// to a file in the logs folder and to stderr, and the person is told once per session (a
// restart is quick and searching carries on, so a dialog at every crash would only alarm).
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { IndexCrash } from './index-utility-host.ts'

export interface CrashReporterDeps {
  /** Where reports are written (Electron's logs folder). */
  logDir: string
  /** Shows the one message of the session; must not block. */
  tell(message: { message: string; detail: string }): void
}

/** Returns the `onCrash` callback for utilityProcessHost. */
export function indexCrashReporter(deps: CrashReporterDeps): (crash: IndexCrash) => void {
  let told = false
  return (crash) => {
    const file = writeReport(deps.logDir, crash)
    console.error(
      `Quire: the search index process stopped (${crash.reason}); ` +
        (crash.gaveUp ? 'not restarted' : `restarting in ${crash.restartInMs} ms`) +
        (file ? `; report: ${file}` : ''),
    )
    if (told) return
    told = true
    deps.tell(describeCrash(crash, file))
  }
}

export function describeCrash(
  crash: IndexCrash,
  file: string | null,
): { message: string; detail: string } {
  const where = file ? ` A report was saved to ${file}.` : ''
  if (crash.gaveUp) {
    return {
      message: 'Search is not available: the search index keeps stopping.',
      detail:
        `It stopped ${crash.attempt} times (${crash.reason}). Your archive is not affected; ` +
        `the library still opens. Quire tries again the next time it starts.${where}`,
    }
  }
  return {
    message: 'The search index stopped unexpectedly and is being restarted.',
    detail:
      `(${crash.reason}) Your archive is not affected. Searches wait a moment and then ` +
      `carry on; the index catches up by itself.${where}`,
  }
}

function writeReport(dir: string, crash: IndexCrash): string | null {
  try {
    mkdirSync(dir, { recursive: true })
    const file = join(dir, `index-crash-${new Date().toISOString().replace(/[:.]/g, '-')}.json`)
    writeFileSync(file, JSON.stringify({ at: new Date().toISOString(), ...crash }, null, 2))
    return file
  } catch {
    return null
  }
}
