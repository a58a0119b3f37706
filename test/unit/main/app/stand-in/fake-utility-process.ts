// utilityProcess.fork as Electron 45 documents it, on a real Node child process: 'spawn' once
// started, 'message' for what the child posts on process.parentPort, 'error' ('FatalError',
// location, report) when the child dies of a V8 fatal error such as running out of heap —
// always followed by 'exit' (code) — and 'exit' for any other end. `execArgv` reaches the
// child's V8, so a heap cap really caps it. The diagnostic report here is the tail of the
// child's stderr (Electron gives Node's JSON report).
import { fork, type ChildProcess } from 'node:child_process'
import { EventEmitter } from 'node:events'
import { constants } from 'node:os'
import { fileURLToPath } from 'node:url'

const BOOTSTRAP = fileURLToPath(new URL('./utility-bootstrap.mjs', import.meta.url))
/** Signals a V8 fatal error ends a process with (abort, or a trap on some builds). */
const FATAL_SIGNALS = new Set(['SIGABRT', 'SIGTRAP', 'SIGILL', 'SIGSEGV'])

export interface ForkOptions {
  env?: NodeJS.ProcessEnv
  execArgv?: string[]
  cwd?: string
  stdio?: 'pipe' | 'ignore' | 'inherit'
  serviceName?: string
}

export class FakeUtilityProcess extends EventEmitter {
  static forked: FakeUtilityProcess[] = []
  readonly modulePath: string
  readonly args: string[]
  readonly options: ForkOptions
  readonly #child: ChildProcess
  #stderr = ''
  #exited = false

  constructor(modulePath: string, args: string[] = [], options: ForkOptions = {}) {
    super()
    this.modulePath = modulePath
    this.args = args
    this.options = options
    FakeUtilityProcess.forked.push(this)
    this.#child = fork(BOOTSTRAP, [modulePath, ...args], {
      execArgv: options.execArgv ?? [],
      env: options.env ?? process.env,
      ...(options.cwd ? { cwd: options.cwd } : {}),
      stdio: ['ignore', 'inherit', 'pipe', 'ipc'],
      serialization: 'advanced',
    })
    this.#child.stderr?.on('data', (chunk: Buffer) => {
      this.#stderr = (this.#stderr + chunk.toString()).slice(-8192)
      if (options.stdio !== 'ignore') process.stderr.write(chunk)
    })
    this.#child.once('spawn', () => this.emit('spawn'))
    this.#child.on('message', (message) => this.emit('message', message))
    this.#child.once('exit', (code, signal) => {
      this.#exited = true
      const fatal = /FATAL ERROR: ([^\n]*)/.exec(this.#stderr)
      if (fatal || (signal && FATAL_SIGNALS.has(signal))) {
        this.emit('error', 'FatalError', fatal?.[1] ?? `signal ${signal}`, this.#stderr)
      }
      const number = signal ? constants.signals[signal as keyof typeof constants.signals] : 0
      this.emit('exit', code ?? 128 + (number ?? 0))
    })
  }

  get pid(): number | undefined {
    return this.#exited ? undefined : this.#child.pid
  }

  postMessage(message: unknown): void {
    if (!this.#exited && this.#child.connected) this.#child.send(message as never)
  }

  kill(): boolean {
    return this.#exited ? false : this.#child.kill()
  }

  /** Ends every child still running (test cleanup). */
  static killAll(): void {
    for (const p of FakeUtilityProcess.forked) p.kill()
    FakeUtilityProcess.forked = []
  }
}

export const utilityProcess = {
  fork: (modulePath: string, args?: string[], options?: ForkOptions) =>
    new FakeUtilityProcess(modulePath, args, options),
}
