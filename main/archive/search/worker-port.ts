// The index worker's side of its channel, whichever host started it: a worker thread
// (parentPort), a forked child process (process.send), or an Electron utility process
// (process.parentPort). The archive root comes with it.
import { parentPort, workerData } from 'node:worker_threads'

export interface WorkerPort {
  root: string
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
    return {
      root: (workerData as { root: string }).root,
      post: (msg) => port.postMessage(msg),
      onMessage: (fn) => port.on('message', fn),
      close: () => port.close(),
    }
  }
  const root = process.argv[2]
  if (!root) throw new Error('index worker: no archive folder given')
  const utility = (process as { parentPort?: UtilityParentPort }).parentPort
  if (utility) {
    return {
      root,
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
    post: (msg) => process.send!(msg),
    onMessage: (fn) => process.on('message', fn),
    close: () => process.disconnect(),
  }
}
