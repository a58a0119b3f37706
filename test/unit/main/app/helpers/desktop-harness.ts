// Starts the real desktop app (main/app/run-app.ts) on the stand-in electron module, with a
// page in its window that runs the real preload bridge and the renderer's flush handshake, and
// copies the archive at the instant the stand-in's process ends (what a real exit leaves).
// Tests that use it must `vi.mock('electron', …)` and `vi.mock('electron-store', …)` first.
import { cpSync, mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { QuireClient } from '../../../../../shared/api.ts'
import type { QuireBridge } from '../../../../../shared/bridge.ts'
import { createBridgeClient } from '../../../../../renderer/src/api/bridge-client.ts'
import { answerFlushRequests } from '../../../../../renderer/src/api/flush-before-close.ts'
import type { RunningApp, RunOptions } from '../../../../../main/app/run-app.ts'
import { tempDir } from '../../../helpers/temp-dir.ts'
import * as fake from '../fake-electron.ts'

export const REAL_INDEX_WORKER = fileURLToPath(
  new URL('../../../../../main/archive/search/index-worker.ts', import.meta.url),
)

export interface Desktop {
  running: RunningApp
  win: fake.FakeBrowserWindow
  /** The page's client, as the renderer has it. */
  client: QuireClient
  bridge: QuireBridge
  archive: string
  userData: string
  /** The archive as it was when the process ended (filled by then). */
  snapshot: string
}

const SIGNALS = ['SIGINT', 'SIGTERM'] as const
const before = new Map<string, NodeJS.SignalsListener[]>()

/** Starts the app on a fresh archive and profile. */
export async function startDesktop(
  opts: RunOptions & { indexWorkerPath?: string } = {},
): Promise<Desktop> {
  fake.resetStandIn()
  for (const s of SIGNALS) before.set(s, process.listeners(s))
  const root = await tempDir('quire-desktop-')
  const userData = join(root, 'profile')
  const archive = join(root, 'archive')
  const rendererDir = join(root, 'renderer')
  const snapshot = join(root, 'at-exit')
  mkdirSync(rendererDir)
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Quire</title>')
  fake.app.setPath('userData', userData)
  process.env.QUIRE_ARCHIVE = archive
  // The capture endpoint on a port of its own per test, never the user's usual one.
  process.env.QUIRE_CAPTURE_PORT = '0'
  fake.app.onEnd(() => cpSync(archive, snapshot, { recursive: true }))

  const { runApp } = await import('../../../../../main/app/run-app.ts')
  const { SecondInstance } = await import('../../../../../main/app/second-instance.ts')
  const { createBridge } = await import('../../../../../main/app/preload.ts')
  const running = await runApp(
    {
      rendererDir,
      preloadPath: join(root, 'preload.cjs'),
      indexWorkerPath: opts.indexWorkerPath ?? REAL_INDEX_WORKER,
    },
    new SecondInstance(fake.app as never),
    { indexBackoffMs: () => 50, ...opts },
  )
  if (!running) throw new Error('the app did not start')
  const win = fake.FakeBrowserWindow.created.at(-1)
  if (!win) throw new Error('no window')
  const bridge = createBridge(win.webContents.page.ipcRenderer as never)
  const client = createBridgeClient(bridge)
  answerFlushRequests(client)
  return { running, win, client, bridge, archive, userData, snapshot }
}

/** Removes the signal listeners the app added (the test process outlives many apps). */
export function stopListeningForSignals(): void {
  for (const s of SIGNALS) {
    const kept = new Set(before.get(s) ?? [])
    for (const fn of process.listeners(s)) if (!kept.has(fn)) process.off(s, fn)
  }
  delete process.env.QUIRE_ARCHIVE
  delete process.env.QUIRE_CAPTURE_PORT
}

/** `count` small plain-text news files, each a different article. */
export async function writeArticles(count: number): Promise<string> {
  const dir = await tempDir('quire-articles-')
  for (let i = 0; i < count; i++) {
    const n = String(i).padStart(4, '0')
    writeFileSync(
      join(dir, `story-${n}.txt`),
      `Story number ${n} about harbour ${i * 7919}\n\nBy Reporter ${n}\n\n` +
        `The harbour council met on day ${i} and agreed on plan ${i * 31}. `.repeat(6) +
        `\n\nResidents of district ${i % 17} said the change ${n} came late.\n`,
    )
  }
  return dir
}
