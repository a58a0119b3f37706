// Electron's `app` as far as Quire's lifecycle depends on it, modelled on Electron 45's
// documentation of app events and on its Browser class (shell/browser/browser.cc):
// - quit(): 'before-quit' (preventable; prevented, nothing closes), then every window is
//   asked to close ('close' is preventable: a prevented close cancels the quit), then
//   'will-quit' (preventable: prevented, the app stays and a later quit() starts over with
//   'before-quit'), then 'quit' and the process ends. 'window-all-closed' is not emitted on
//   this path. A quit() while one is under way does nothing.
// - closing the last window otherwise: 'window-all-closed' when someone listens (else quit()).
// - exit(code): windows are destroyed ('closed' without 'close'), no 'before-quit' or
//   'will-quit'; 'quit' is emitted, then the process ends.
// The process "ends" as an event tests can hook synchronously (to copy the archive as it is
// at that instant) and a promise; after it, calls are ignored as they would never run.
import { EventEmitter } from 'node:events'
import { join } from 'node:path'
import { vi } from 'vitest'
import { fakeEvent } from './fake-event.ts'

/** What a window tells the app (Electron's WindowList observers). */
export interface AppWindow {
  close(): void
  destroy(): void
}

export class FakeApp extends EventEmitter {
  isPackaged = false
  /** What requestSingleInstanceLock() answers. */
  gotLock = true
  /** Lifecycle events in the order they happened (app and window events), for tests. */
  readonly log: string[] = []
  readonly windows = new Set<AppWindow>()
  readonly relaunch = vi.fn()
  readonly enableSandbox = vi.fn()
  exitCode: number | null = null
  #paths = new Map<string, string>()
  #ready = false
  #quitting = false
  #exiting = false
  #shutdown = false
  #ended: Promise<number>
  #end!: (code: number) => void
  readonly #onEnd: ((code: number) => void)[] = []

  constructor() {
    super()
    this.#ended = new Promise((resolve) => (this.#end = resolve))
  }

  /** A fresh app for the next test. */
  reset(): void {
    this.removeAllListeners()
    this.log.length = 0
    this.windows.clear()
    this.#onEnd.length = 0
    this.#paths.clear()
    this.#ready = this.#quitting = this.#exiting = this.#shutdown = false
    this.exitCode = null
    this.gotLock = true
    this.#ended = new Promise((resolve) => (this.#end = resolve))
    this.relaunch.mockClear()
    this.enableSandbox.mockClear()
  }

  setPath(name: string, value: string): void {
    this.#paths.set(name, value)
  }

  getPath(name: string): string {
    const set = this.#paths.get(name)
    if (set) return set
    const userData = this.#paths.get('userData')
    if (!userData) throw new Error(`stand-in app: no path set for ${name}`)
    return name === 'logs' ? join(userData, 'logs') : userData
  }

  requestSingleInstanceLock(): boolean {
    return this.gotLock
  }

  isReady(): boolean {
    return this.#ready
  }

  /** Ready on the next turn, as Electron is once its message loop runs. */
  whenReady(): Promise<void> {
    return new Promise((resolve) =>
      setImmediate(() => {
        if (!this.#ready) {
          this.#ready = true
          this.emit('ready')
        }
        resolve()
      }),
    )
  }

  get ended(): boolean {
    return this.#shutdown
  }

  /** Resolves with the exit code once the process would have ended. */
  whenEnded(): Promise<number> {
    return this.#ended
  }

  /** Runs `fn` at the instant the process ends (before any later tick). */
  onEnd(fn: (code: number) => void): void {
    this.#onEnd.push(fn)
  }

  quit(): void {
    if (this.#shutdown || this.#quitting) return
    const event = fakeEvent()
    this.#record('before-quit')
    this.emit('before-quit', event)
    if (event.defaultPrevented) return
    this.#quitting = true
    if (this.windows.size === 0) this.#notifyAndShutdown()
    else for (const w of [...this.windows]) w.close()
  }

  exit(code = 0): void {
    if (this.#shutdown) return
    this.exitCode = code
    this.#quitting = true
    this.#exiting = true
    if (this.windows.size === 0) this.#endProcess()
    else for (const w of [...this.windows]) w.destroy()
  }

  /** Called by a window whose 'close' was prevented: a quit in progress is cancelled. */
  windowCloseCancelled(): void {
    this.#quitting = false
  }

  /** Called by a window after its 'closed' event. */
  windowClosed(win: AppWindow): void {
    this.windows.delete(win)
    if (this.windows.size > 0) return
    if (this.#exiting) this.#endProcess()
    else if (this.#quitting) this.#notifyAndShutdown()
    else if (this.listenerCount('window-all-closed') > 0) {
      this.#record('window-all-closed')
      this.emit('window-all-closed')
    } else this.quit()
  }

  /** Logs a lifecycle step (windows log their own 'close' and 'closed'). */
  record(step: string): void {
    this.#record(step)
  }

  #record(step: string): void {
    this.log.push(step)
  }

  #notifyAndShutdown(): void {
    if (this.#shutdown) return
    const event = fakeEvent()
    this.#record('will-quit')
    this.emit('will-quit', event)
    if (event.defaultPrevented) {
      this.#quitting = false
      return
    }
    this.#endProcess()
  }

  #endProcess(): void {
    if (this.#shutdown) return
    this.#shutdown = true
    this.#quitting = true
    const code = this.exitCode ?? 0
    this.exitCode = code
    this.#record('quit')
    this.emit('quit', fakeEvent(), code)
    for (const fn of this.#onEnd) fn(code)
    this.#end(code)
  }
}
