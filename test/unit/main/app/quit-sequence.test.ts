// The quit sequence on the stand-in app: both steps hold Electron's quit until they are done
// (or out of time), each runs once, and the app ends once.
import { afterEach, describe, expect, it } from 'vitest'
import { installQuitSequence } from '../../../../main/app/quit-sequence.ts'
import { FakeApp } from './stand-in/fake-app.ts'
import { FakeBrowserWindow } from './stand-in/fake-window.ts'

const app = new FakeApp()
FakeBrowserWindow.app = app

afterEach(() => {
  app.reset()
  FakeBrowserWindow.created = []
})

function deferred() {
  let resolve!: () => void
  const promise = new Promise<void>((r) => (resolve = r))
  return { promise, resolve }
}

describe('installQuitSequence', () => {
  it('prepares before any window closes and closes the archive after, then quits once', async () => {
    const steps: string[] = []
    const prepared = deferred()
    const closed = deferred()
    const win = new FakeBrowserWindow({})
    win.on('close', () => steps.push('window close'))
    const quit = installQuitSequence(app as never, {
      prepare: () => (steps.push('prepare'), prepared.promise),
      closeArchive: () => (steps.push('close archive'), closed.promise),
    })
    app.quit()
    app.quit()
    await new Promise((r) => setTimeout(r, 20))
    expect(steps).toEqual(['prepare'])
    expect(quit.phase()).toBe('preparing')
    prepared.resolve()
    await new Promise((r) => setTimeout(r, 20))
    expect(steps).toEqual(['prepare', 'window close', 'close archive'])
    expect(app.ended).toBe(false)
    closed.resolve()
    expect(await app.whenEnded()).toBe(0)
    expect(app.log.filter((s) => s === 'quit')).toHaveLength(1)
    expect(quit.phase()).toBe('done')
  })

  it('quits anyway when a step runs out of time, and says so', async () => {
    const problems: string[] = []
    installQuitSequence(
      app as never,
      { prepare: () => new Promise(() => {}), closeArchive: () => new Promise(() => {}) },
      { prepareMs: 30, closeMs: 30, onProblem: (step, m) => problems.push(`${step}: ${m}`) },
    )
    app.quit()
    await app.whenEnded()
    expect(problems).toEqual([
      'prepare: still running after 0.03 s; quitting anyway',
      'close: still running after 0.03 s; quitting anyway',
    ])
  })

  it('quits when closing the archive fails, and reports the failure', async () => {
    const problems: string[] = []
    installQuitSequence(
      app as never,
      { prepare: async () => {}, closeArchive: async () => Promise.reject(new Error('disk gone')) },
      { onProblem: (step, m) => problems.push(`${step}: ${m}`) },
    )
    app.quit()
    await app.whenEnded()
    expect(problems).toEqual(['close: disk gone'])
  })
})
