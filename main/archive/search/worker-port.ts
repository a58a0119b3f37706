// The index worker's side of its channel, whichever host started it: a worker thread
// (parentPort), a forked child process (process.send), or an Electron utility process
// (process.parentPort). The archive root comes with it.
import { parentPort, workerData } from 'node:worker_threads'

export interface WorkerPort {
  root: string
  /** The index file, when not <root>/index/search.sqlite (a read-only archive's own). */
  indexPath: string | undefined
  post(msg: unknown): void
  onMessage(fn: (msg: unknown) => void): void
  close(): void
}

/** Electron's utility-process port (its types come with electron, which this file avoids). */
interface UtilityParentPort {
  on(event: 'message', fn: (e: { data: unknown }) => void): void
  postMessage(msg: unknown): void
}

export function connectWorkerPort(): WorkerPort {
  if (parentPort) {
    const port = parentPort
    const data = workerData as { root: string; indexPath?: string }
    return {
      root: data.root,
      indexPath: data.indexPath,
      post: (msg) => port.postMessage(msg),
      onMessage: (fn) => port.on('message', fn),
      close: () => port.close(),
    }
  }
  const root = process.argv[2]
  const indexPath = process.argv[3]
  if (!root) throw new Error('index worker: no archive folder given')
  const utility = (process as { parentPort?: UtilityParentPort }).parentPort
  if (utility) {
    return {
      root,
      indexPath,
      post: (msg) => utility.postMessage(msg),
      onMessage: (fn) => utility.on('message', (e) => fn(e.data)),
      close: () => process.exit(0),
    }
  }
  if (!process.send) throw new Error('index worker: started without a channel to its parent')
  // The parent died (or closed us): nothing will ask again, so stop.
  process.on('disconnect', () => process.exit(0))
  return {
    root,
    indexPath,
    // With a callback, a send after the parent went (EPIPE) is an error here, not a crash
    // printing its stack: the parent is gone, so this worker is done.
    post: (msg) => void process.send!(msg, undefined, {}, (err) => err && process.exit(0)),
    onMessage: (fn) => process.on('message', fn),
    close: () => process.disconnect(),
  }
}
