// Runs the search index worker in an Electron utility process, so its memory and CPU stay
// out of the main process (the packaged app disables RunAsNode, so it cannot fork Node).
import { utilityProcess } from 'electron'
import { workerArgs, type IndexHost } from '../archive/search/index-host.ts'
import type { WorkerMessage } from '../archive/search/index-protocol.ts'

export function utilityProcessHost(workerPath: string): IndexHost {
  return (root, indexPath) => {
    const child = utilityProcess.fork(workerPath, workerArgs(root, indexPath), {
      serviceName: 'Quire search index',
      stdio: 'inherit',
    })
    let exited = false
    const exit = new Promise<void>((resolve) => child.once('exit', () => resolve()))
    return {
      postMessage: (msg) => {
        if (!exited) child.postMessage(msg)
      },
      onMessage: (fn) => child.on('message', (m: WorkerMessage) => fn(m)),
      onExit: (fn) =>
        child.on('exit', (code) => {
          exited = true
          fn(new Error(`search index process stopped (exit ${code})`))
        }),
      // A utility process never keeps Electron's main process alive; nothing to do.
      ref: () => {},
      unref: () => {},
      terminate: async () => {
        if (!exited) child.kill()
        await exit
      },
    }
  }
}
