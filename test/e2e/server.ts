// Starts the browser shell (main/serve) on a throwaway archive for one test and stops it after.
// Uses the Node that runs Playwright, so the server runs on the project's Node (24).
import { spawn, type ChildProcess } from 'node:child_process'
import { fileURLToPath } from 'node:url'

export const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url))
// Generous: on a 2-core machine with both cores busy, starting the shell alone took 15 s.
const START_TIMEOUT_MS = 90_000

export interface RunningShell {
  /** The address to open, token in the fragment. */
  url: string
  stop(): Promise<void>
}

function assertNodeRunsTypeScript(): void {
  const major = Number(process.versions.node.split('.')[0])
  if (major < 23) {
    throw new Error(
      `Node ${process.versions.node} cannot run main/serve/main.ts; run the e2e tests with \`npm run test:e2e\` (Node 24 from devDependencies).`,
    )
  }
}

/** Runs a Node script of the project to completion (the CLI, to seed an archive). */
export function runNode(args: string[]): Promise<string> {
  assertNodeRunsTypeScript()
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      cwd: PROJECT_ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let out = ''
    child.stdout.on('data', (d: Buffer) => (out += d.toString()))
    child.stderr.on('data', (d: Buffer) => (out += d.toString()))
    child.on('error', reject)
    child.on('exit', (code) =>
      code === 0
        ? resolve(out)
        : reject(new Error(`node ${args.join(' ')} exited ${code}:\n${out}`)),
    )
  })
}

function waitForExit(child: ChildProcess, timeoutMs: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve()
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      resolve()
    }, timeoutMs)
    child.once('exit', () => {
      clearTimeout(timer)
      resolve()
    })
  })
}

/** Spawns `node main/serve/main.ts --archive DIR` and resolves once it prints its address. */
export function startShell(
  archiveDir: string,
  opts: { args?: string[]; env?: Record<string, string> } = {},
): Promise<RunningShell> {
  assertNodeRunsTypeScript()
  const args = ['main/serve/main.ts', '--archive', archiveDir, ...(opts.args ?? [])]
  const child = spawn(process.execPath, args, {
    cwd: PROJECT_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    ...(opts.env ? { env: { ...process.env, ...opts.env } } : {}),
  })
  let output = ''
  return new Promise<RunningShell>((resolve, reject) => {
    const fail = (why: string) => {
      clearTimeout(timer)
      child.kill('SIGKILL')
      reject(new Error(`${why}\n--- server output ---\n${output}`))
    }
    const timer = setTimeout(
      () => fail('the server did not print its address in time'),
      START_TIMEOUT_MS,
    )
    child.on('error', (err) => fail(`could not start the server: ${err.message}`))
    child.on('exit', (code) => fail(`the server exited early (code ${code})`))
    child.stderr.on('data', (d: Buffer) => (output += d.toString()))
    child.stdout.on('data', (d: Buffer) => {
      output += d.toString()
      const match = /^Open (http:\/\/\S+)$/m.exec(output)
      if (!match?.[1]) return
      clearTimeout(timer)
      child.removeAllListeners('exit')
      resolve({
        url: match[1],
        stop: async () => {
          child.kill('SIGTERM')
          await waitForExit(child, 5000)
        },
      })
    })
  })
}
