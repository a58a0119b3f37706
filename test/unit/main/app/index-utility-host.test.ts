// The index's utility-process host on the stand-in (real child processes): a process that keeps
// dying is restarted with back-off a bounded number of times, then requests are answered with
// the reason instead of hanging; a close ends it without a restart.
import { fileURLToPath } from 'node:url'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { IndexCrash } from '../../../../main/app/index-utility-host.ts'
import type { WorkerMessage } from '../../../../main/archive/search/index-protocol.ts'

vi.mock('electron', () => import('./fake-electron.ts'))

const fake = await import('./fake-electron.ts')
const { utilityProcessHost, defaultBackoff } =
  await import('../../../../main/app/index-utility-host.ts')

const EXIT_AT_ONCE = fileURLToPath(
  new URL('./stand-in/test-workers/exit-at-once.mjs', import.meta.url),
)

afterEach(() => fake.resetStandIn())

describe('utilityProcessHost', () => {
  it('backs off 1, 2, 4, 8, 16 s and never more than 30 s', () => {
    expect([1, 2, 3, 4, 5, 6, 9].map(defaultBackoff)).toEqual([
      1000, 2000, 4000, 8000, 16000, 30000, 30000,
    ])
  })

  it('gives up after the last restart: the crash is reported, requests fail instead of hanging', async () => {
    const crashes: IndexCrash[] = []
    const channel = utilityProcessHost({
      workerPath: EXIT_AT_ONCE,
      maxRestarts: 2,
      backoffMs: () => 10,
      onCrash: (c) => crashes.push(c),
    })('/nowhere')
    const answers: WorkerMessage[] = []
    channel.onMessage((m) => answers.push(m))
    const exited = new Promise<Error>((resolve) => channel.onExit(resolve))
    channel.postMessage({ id: 1, req: { type: 'sync' } })
    const err = await exited
    expect(err.message).toMatch(/stopped 3 times \(last: exit code 3\)/)
    expect(crashes.map((c) => [c.attempt, c.gaveUp, c.restartInMs])).toEqual([
      [1, false, 10],
      [2, false, 10],
      [3, true, undefined],
    ])
    expect(fake.FakeUtilityProcess.forked).toHaveLength(3)
    for (const p of fake.FakeUtilityProcess.forked) {
      expect(p.options.execArgv).toEqual(['--max-old-space-size=96'])
    }
    await vi.waitFor(() => expect(answers).toHaveLength(1))
    expect(answers[0]).toMatchObject({ id: 1, ok: false })
    // Later requests are answered at once.
    channel.postMessage({ id: 2, req: { type: 'search' } })
    await vi.waitFor(() => expect(answers).toHaveLength(2))
    expect(answers[1]).toMatchObject({ id: 2, ok: false })
  })

  it('terminate() ends the process without a restart or a crash report', async () => {
    const onCrash = vi.fn()
    const channel = utilityProcessHost({
      workerPath: fileURLToPath(
        new URL('./stand-in/test-workers/oom-on-message.mjs', import.meta.url),
      ),
      backoffMs: () => 10,
      onCrash,
    })('/nowhere')
    await new Promise((resolve) => fake.FakeUtilityProcess.forked[0]?.once('spawn', resolve))
    await channel.terminate()
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(onCrash).not.toHaveBeenCalled()
    expect(fake.FakeUtilityProcess.forked).toHaveLength(1)
  })
})
