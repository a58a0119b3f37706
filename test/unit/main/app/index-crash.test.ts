// The search index process dying in the desktop app, through the stand-in's utility process
// (a real Node child running the real index worker): the app survives, the search that was
// in flight is answered after a restart, the user is told once, a report is written, and the
// heap cap really reaches the process.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { startDesktop, stopListeningForSignals, writeArticles } from './helpers/desktop-harness.ts'

vi.mock('electron', () => import('./fake-electron.ts'))
vi.mock('electron-store', async () => {
  const { default: Conf } = await import('conf')
  class Store extends Conf<Record<string, unknown>> {
    constructor({ name, ...rest }: { name?: string; cwd: string }) {
      super({ ...rest, configName: name ?? 'config' })
    }
  }
  return { default: Store }
})

const fake = await import('./fake-electron.ts')
const CRASHING_WORKER = fileURLToPath(
  new URL('./stand-in/test-workers/index-worker-crash-once.ts', import.meta.url),
)

afterEach(() => {
  stopListeningForSignals()
  fake.resetStandIn()
  delete process.env.QUIRE_TEST_CRASH_MARKER
})

describe('a fatal error in the search index process', () => {
  it('is survived: restarted with back-off, the search answered, the user told once, reported', async () => {
    const folder = await writeArticles(12)
    const marker = join(folder, 'crash-next-search')
    process.env.QUIRE_TEST_CRASH_MARKER = marker
    const d = await startDesktop({ indexWorkerPath: CRASHING_WORKER })
    await d.running.service.importPaths([folder])

    writeFileSync(marker, '')
    const first = await d.client.call('articles:search', { query: 'harbour' })
    expect(first.total).toBe(12)
    expect(existsSync(marker)).toBe(false)

    // A second crash: restarted again, and no second message.
    writeFileSync(marker, '')
    const second = await d.client.call('articles:search', { query: 'district' })
    expect(second.total).toBe(12)

    const forks = fake.FakeUtilityProcess.forked
    expect(forks.length).toBeGreaterThanOrEqual(3)
    for (const f of forks) expect(f.options.execArgv).toEqual(['--max-old-space-size=96'])
    const warnings = fake.dialog.showMessageBox.mock.calls as unknown as [{ message: string }][]
    const told = warnings.filter(([box]) => /search index/i.test(box.message))
    expect(told).toHaveLength(1)
    expect(told[0]![0].message).toMatch(/stopped unexpectedly and is being restarted/)

    const logs = join(d.userData, 'logs')
    const reports = readdirSync(logs).filter((f) => f.startsWith('index-crash-'))
    expect(reports.length).toBeGreaterThanOrEqual(2)
    const report = JSON.parse(readFileSync(join(logs, reports[0]!), 'utf8'))
    expect(report).toMatchObject({ reason: expect.stringMatching(/^FatalError at .*heap/i) })

    fake.app.quit()
    expect(await fake.app.whenEnded()).toBe(0)
  }, 120_000)
})
