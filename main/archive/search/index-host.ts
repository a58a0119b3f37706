// Where the index worker runs: a worker thread, or a child process so its memory (SQLite,
// 100k bodies read during a rebuild) never counts against the main process. The Electron
// app supplies a third host, a utility process (main/app). All speak the same messages.
import { fork } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { Worker } from 'node:worker_threads'
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

export type IndexHost = (root: string) => IndexChannel

/** The worker's source next to this file: right for the CLI, tests and `npm run serve`. */
export function defaultWorkerUrl(): URL {
  return new URL('./index-worker.ts', import.meta.url)
}

export function threadHost(workerUrl: string | URL = defaultWorkerUrl()): IndexHost {
  return (root) => {
    // A small heap limit makes the worker collect garbage early while it reads 100k bodies.
    const worker = new Worker(workerUrl, {
      workerData: { root },
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

export function processHost(workerUrl: string | URL = defaultWorkerUrl()): IndexHost {
  const path = typeof workerUrl === 'string' ? workerUrl : fileURLToPath(workerUrl)
  return (root) => {
    const child = fork(path, [root], {
      serialization: 'advanced',
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      execArgv: ['--max-old-space-size=96'],
    })
    let exited = false
    const exit = new Promise<void>((resolve) => child.once('exit', () => resolve()))
    return {
      postMessage: (msg) => {
        if (!exited) child.send(msg as never)
      },
      onMessage: (fn) => child.on('message', (m) => fn(m as WorkerMessage)),
      onExit: (fn) => {
        child.on('error', fn)
        child.on('exit', (code, signal) => {
          exited = true
          fn(new Error(`search index process stopped (${signal ?? `exit ${code}`})`))
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
