// Runs the search index worker in an Electron utility process, so its memory and CPU stay
// out of the main process (the packaged app disables RunAsNode, so it cannot fork Node).
// The process is capped at a small heap; when it dies (a V8 fatal error such as running out
// of that heap, or any other exit nobody asked for) it is restarted after a back-off and the
// requests it had not answered are sent again, so the index catches up by itself: a sync
// resumes at the shards it had not stamped, updates and searches are simply repeated.
import { utilityProcess, type UtilityProcess } from 'electron'
import { workerArgs, type IndexChannel, type IndexHost } from '../archive/search/index-host.ts'
import type { WorkerMessage } from '../archive/search/index-protocol.ts'

/** The index worker's old-generation heap, as for the worker thread and child process hosts. */
export const INDEX_HEAP_MB = 96
export const MAX_RESTARTS = 5
/** A process that ran this long without dying starts the restart count afresh. */
export const STABLE_AFTER_MS = 60_000

export interface IndexCrash {
  /** What Electron said: the fatal error's type and location, or the exit code. */
  reason: string
  /** Node's diagnostic report of a fatal error, when Electron gave one. */
  report?: string
  /** Consecutive crashes so far. */
  attempt: number
  /** The restart waits this long; absent when Quire gave up. */
  restartInMs?: number
  gaveUp: boolean
}

export interface UtilityHostOptions {
  workerPath: string
  heapMb?: number
  onCrash?(crash: IndexCrash): void
  /** The wait before the n-th consecutive restart (n from 1). */
  backoffMs?(attempt: number): number
  maxRestarts?: number
  stableAfterMs?: number
}

/** 1 s, 2 s, 4 s, 8 s, 16 s… at most 30 s. */
export function defaultBackoff(attempt: number): number {
  return Math.min(1000 * 2 ** (attempt - 1), 30_000)
}

export function utilityProcessHost(opts: UtilityHostOptions): IndexHost {
  return (root, indexPath) => new RestartingChannel(root, indexPath, opts)
}

interface Request {
  id: number
  req: { type: string }
}

class RestartingChannel implements IndexChannel {
  readonly #root: string
  /** The index file, when it is not the archive's own (a read-only archive's temporary one). */
  readonly #indexPath: string | undefined
  readonly #opts: UtilityHostOptions
  #child: UtilityProcess | null = null
  #childExit: Promise<void> = Promise.resolve()
  /** Sent and not answered, in the order sent: replayed to a restarted process. */
  readonly #unanswered = new Map<number, Request>()
  readonly #onMessage: ((msg: WorkerMessage) => void)[] = []
  readonly #onExit: ((err: Error) => void)[] = []
  /** A close was requested: the next exit is expected. */
  #closing = false
  /** Set when Quire gave up restarting; every request is then answered with it. */
  #dead: Error | null = null
  #crashes = 0
  #spawnedAt = 0
  #restartTimer: ReturnType<typeof setTimeout> | undefined

  constructor(root: string, indexPath: string | undefined, opts: UtilityHostOptions) {
    this.#root = root
    this.#indexPath = indexPath
    this.#opts = opts
    this.#spawn()
  }

  postMessage(msg: unknown): void {
    const request = asRequest(msg)
    if (!request) return
    if (this.#dead) return this.#answerLater(request.id, this.#dead.message)
    if (request.req.type === 'close') this.#closing = true
    this.#unanswered.set(request.id, request)
    // Without a process (a restart is pending) the request waits in #unanswered.
    this.#child?.postMessage(request)
  }

  onMessage(fn: (msg: WorkerMessage) => void): void {
    this.#onMessage.push(fn)
  }

  onExit(fn: (err: Error) => void): void {
    this.#onExit.push(fn)
  }

  // A utility process never keeps Electron's main process alive; nothing to do.
  ref(): void {}
  unref(): void {}

  async terminate(): Promise<void> {
    this.#closing = true
    clearTimeout(this.#restartTimer)
    const exit = this.#childExit
    this.#child?.kill()
    await exit
  }

  #spawn(): void {
    this.#spawnedAt = Date.now()
    let child: UtilityProcess
    try {
      child = utilityProcess.fork(this.#opts.workerPath, workerArgs(this.#root, this.#indexPath), {
        serviceName: 'Quire search index',
        stdio: 'inherit',
        execArgv: [`--max-old-space-size=${this.#opts.heapMb ?? INDEX_HEAP_MB}`],
      })
    } catch (err) {
      this.#crashed(`could not start: ${(err as Error).message}`, undefined)
      return
    }
    this.#child = child
    let fatal: { reason: string; report: string } | undefined
    let exited!: () => void
    this.#childExit = new Promise((resolve) => (exited = resolve))
    child.on('message', (msg: WorkerMessage) => this.#receive(msg))
    // Without this listener a fatal error in the worker is an uncaught 'error' in main.
    child.on('error', (type, location, report) => {
      fatal = { reason: `${type} at ${location}`, report }
    })
    child.on('exit', (code) => {
      exited()
      if (this.#child !== child) return
      this.#child = null
      if (this.#closing) return this.#finish(new Error('The search index was closed.'))
      this.#crashed(fatal?.reason ?? `exit code ${code}`, fatal?.report)
    })
    for (const request of this.#unanswered.values()) child.postMessage(request)
  }

  #receive(msg: WorkerMessage): void {
    if (msg.id !== null) this.#unanswered.delete(msg.id)
    for (const fn of this.#onMessage) fn(msg)
  }

  #crashed(reason: string, report: string | undefined): void {
    if (Date.now() - this.#spawnedAt >= (this.#opts.stableAfterMs ?? STABLE_AFTER_MS)) {
      this.#crashes = 0
    }
    const attempt = ++this.#crashes
    const detail = report === undefined ? {} : { report }
    if (attempt > (this.#opts.maxRestarts ?? MAX_RESTARTS)) {
      this.#opts.onCrash?.({ reason, ...detail, attempt, gaveUp: true })
      this.#dead = new Error(`The search index stopped ${attempt} times (last: ${reason}).`)
      return this.#finish(this.#dead)
    }
    const restartInMs = (this.#opts.backoffMs ?? defaultBackoff)(attempt)
    this.#opts.onCrash?.({ reason, ...detail, attempt, restartInMs, gaveUp: false })
    this.#restartTimer = setTimeout(() => {
      if (!this.#closing) this.#spawn()
    }, restartInMs)
  }

  /** No process will answer again: every waiting request fails, and the client is told. */
  #finish(err: Error): void {
    for (const id of [...this.#unanswered.keys()]) this.#answerLater(id, err.message)
    this.#unanswered.clear()
    for (const fn of this.#onExit) fn(err)
  }

  #answerLater(id: number, message: string): void {
    queueMicrotask(() => this.#receive({ id, ok: false, error: { message } }))
  }
}

function asRequest(msg: unknown): Request | null {
  if (typeof msg !== 'object' || msg === null) return null
  const { id, req } = msg as Partial<Request>
  if (typeof id !== 'number' || typeof req !== 'object' || req === null) return null
  return msg as Request
}
