// One clean quit, whichever way it starts (the last window closed, Cmd/Ctrl+Q, the Quit menu,
// SIGTERM/SIGINT, a relaunch): Electron does not wait for promises, so both steps hold its
// quit with preventDefault() and quit again when they are done.
//
//   before-quit  -> held: stop imports between items, let the pages save (bounded)
//   windows close (bounds saved), will-quit -> held: flush and close the archive (bounded)
//   app.quit() again -> before-quit and will-quit pass -> quit (once)
import type { App } from 'electron'

export type QuitPhase = 'running' | 'preparing' | 'closing-windows' | 'closing-archive' | 'done'

export interface QuitSteps {
  /** Before any window closes: stop imports, ask pages to save. */
  prepare(): Promise<void>
  /** Once every window is closed: flush and close the archive, releasing its lock. */
  closeArchive(): Promise<void>
}

export interface QuitOptions {
  /** Longest wait for prepare() (imports stopping, pages saving). */
  prepareMs?: number
  /** Longest wait for closeArchive(); past it the app quits anyway (the lock then goes stale). */
  closeMs?: number
  /** Told when a step ran out of time or failed, so it reaches the log. */
  onProblem?(step: 'prepare' | 'close', message: string): void
}

export const PREPARE_TIMEOUT_MS = 15_000
export const CLOSE_TIMEOUT_MS = 15_000

export interface QuitSequence {
  phase(): QuitPhase
  /** True from the first quit request on: no new window should open. */
  isQuitting(): boolean
}

type QuitApp = Pick<App, 'on' | 'quit'>

/** Installs the handlers; call once, after the archive is open. */
export function installQuitSequence(
  app: QuitApp,
  steps: QuitSteps,
  opts: QuitOptions = {},
): QuitSequence {
  let phase: QuitPhase = 'running'
  const problem = opts.onProblem ?? ((step, message) => console.error(`Quire ${step}: ${message}`))

  app.on('before-quit', (event) => {
    if (phase === 'preparing') return event.preventDefault()
    if (phase !== 'running') return
    event.preventDefault()
    phase = 'preparing'
    void bounded(steps.prepare(), opts.prepareMs ?? PREPARE_TIMEOUT_MS, (m) =>
      problem('prepare', m),
    ).then(() => {
      phase = 'closing-windows'
      app.quit()
    })
  })

  app.on('will-quit', (event) => {
    if (phase === 'done') return
    event.preventDefault()
    if (phase === 'closing-archive') return
    phase = 'closing-archive'
    void bounded(steps.closeArchive(), opts.closeMs ?? CLOSE_TIMEOUT_MS, (m) =>
      problem('close', m),
    ).then(() => {
      phase = 'done'
      app.quit()
    })
  })

  return { phase: () => phase, isQuitting: () => phase !== 'running' }
}

/** Waits for `work` at most `ms`; reports a timeout or a failure and never rejects. */
async function bounded(work: Promise<void>, ms: number, report: (m: string) => void) {
  let timer: ReturnType<typeof setTimeout> | undefined
  const late = new Promise<'late'>((resolve) => {
    timer = setTimeout(() => resolve('late'), ms)
  })
  try {
    const outcome = await Promise.race([work.then(() => 'done' as const), late])
    if (outcome === 'late') report(`still running after ${ms / 1000} s; quitting anyway`)
  } catch (err) {
    report(err instanceof Error ? err.message : String(err))
  } finally {
    clearTimeout(timer)
  }
}
