// Where the index worker runs: a worker thread, or a child process so its memory (SQLite,
// 100k bodies read during a rebuild) never counts against the main process. The Electron
// app supplies a third host, a utility process (main/app). All speak the same messages.
// node:worker_threads and node:child_process are loaded when a worker starts, not with this
// module (they cost every start ~10 ms): `quire list` and `show` never start one.
import { fileURLToPath } from 'node:url'
import type { WorkerMessage } from './index-protocol.ts'

export interface IndexChannel {
  postMessage(msg: unknown): void
  onMessage(fn: (msg: WorkerMessage) => void): void
  /** Called once if the worker dies or cannot start. */
  onExit(fn: (err: Error) => void): void
  /** While requests are pending the channel keeps the process alive; idle, it does not. */
  ref(): void
  unref(): void
  terminate(): Promise<void>
}

/**
 * Starts a worker on the archive in `root`. `indexPath` puts its index elsewhere than
 * <root>/index/search.sqlite: a read-only archive searches a temporary index of its own,
 * never the writer's.
 */
export type IndexHost = (root: string, indexPath?: string) => IndexChannel

/** The worker's arguments: the archive, then the index file when it is not the default. */
export function workerArgs(root: string, indexPath?: string): string[] {
  return indexPath ? [root, indexPath] : [root]
}

/**
 * The worker next to this module: its source when this runs from source (tests, `npm run
 * serve`), the bundled index-worker.mjs when it runs from the CLI's bundle (dist/cli).
 */
export function defaultWorkerUrl(): URL {
  const bundled = import.meta.url.endsWith('.mjs')
  return new URL(bundled ? './index-worker.mjs' : './index-worker.ts', import.meta.url)
}

export function threadHost(workerUrl: string | URL = defaultWorkerUrl()): IndexHost {
  return (root, indexPath) => {
    // A small heap limit makes the worker collect garbage early while it reads 100k bodies.
    const worker = new (process.getBuiltinModule('node:worker_threads').Worker)(workerUrl, {
      workerData: { root, indexPath },
      resourceLimits: { maxOldGenerationSizeMb: 96 },
    })
    return {
      postMessage: (msg) => worker.postMessage(msg),
      onMessage: (fn) => worker.on('message', fn),
      onExit: (fn) => {
        worker.on('error', fn)
        worker.on('exit', () => fn(new Error('search index worker stopped')))
      },
      ref: () => worker.ref(),
      unref: () => worker.unref(),
      terminate: async () => {
        await worker.terminate()
      },
    }
  }
}

/** The last line of a crashed worker's stderr that is not a stack frame: its message. */
function lastLine(text: string): string {
  const lines = text.split('\n').map((l) => l.trim())
  const message = lines.filter((l) => l && !/^at\s/.test(l) && !/^node:/.test(l)).at(-1)
  return (message ?? '').replace(/^(Uncaught\s+)?\w*Error:\s*/, '').slice(0, 300)
}

export function processHost(workerUrl: string | URL = defaultWorkerUrl()): IndexHost {
  const path = typeof workerUrl === 'string' ? workerUrl : fileURLToPath(workerUrl)
  return (root, indexPath) => {
    const child = process
      .getBuiltinModule('node:child_process')
      .fork(path, workerArgs(root, indexPath), {
        serialization: 'advanced',
        // Its stderr is ours to read, never the user's: a crash is reported as one sentence.
        stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
        execArgv: ['--max-old-space-size=96'],
      })
    let exited = false
    let stderr = ''
    child.stderr
      ?.setEncoding('utf8')
      .on('data', (c: string) => (stderr = (stderr + c).slice(-4000)))
    const exit = new Promise<void>((resolve) => child.once('exit', () => resolve()))
    return {
      postMessage: (msg) => {
        // A send racing the child's exit fails with EPIPE: the exit reports it, once.
        if (!exited) child.send(msg as never, (err) => void err)
      },
      onMessage: (fn) => child.on('message', (m) => fn(m as WorkerMessage)),
      onExit: (fn) => {
        child.on('error', fn)
        child.on('exit', (code, signal) => {
          exited = true
          const why = lastLine(stderr) || (signal ?? `exit ${code}`)
          fn(new Error(`the search index process stopped (${why})`))
        })
      },
      ref: () => {
        child.ref()
        child.channel?.ref()
      },
      unref: () => {
        child.unref()
        child.channel?.unref()
      },
      terminate: async () => {
        // Held while we wait, or an otherwise idle parent would exit before 'exit' arrives.
        child.ref()
        if (!exited) child.kill()
        await exit
      },
    }
  }
}
