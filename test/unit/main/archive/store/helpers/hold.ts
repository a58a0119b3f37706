// Start hold-archive.ts in a child process and wait until it has the archive open.
import { spawn, type ChildProcess } from 'node:child_process'
import { once } from 'node:events'
import { join } from 'node:path'

const SCRIPT = join(import.meta.dirname, 'hold-archive.ts')

export interface Holder {
  child: ChildProcess
  pid: number
  /** 'writer' when it took the lock, 'read-only' when it did not. */
  mode: string
  /** Close its stdin and wait for a normal exit. */
  release(): Promise<void>
}

export async function holdArchive(root: string): Promise<Holder> {
  const child = spawn(process.execPath, [SCRIPT, root], { stdio: ['pipe', 'pipe', 'inherit'] })
  let out = ''
  child.stdout!.setEncoding('utf8')
  const ready = new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (chunk: string) => {
      out += chunk
      const m = /^ready (\S+)\n/.exec(out)
      if (m) resolve(m[1]!)
    })
    child.once('exit', (code) => reject(new Error(`hold-archive exited early (${code})`)))
  })
  const mode = await ready
  return {
    child,
    pid: child.pid!,
    mode,
    async release() {
      const exited = once(child, 'exit')
      child.stdin!.end()
      await exited
    },
  }
}
