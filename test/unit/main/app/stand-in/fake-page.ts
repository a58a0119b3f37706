// The renderer side of a stand-in window: what the preload's ipcRenderer and the page's
// `pagehide` listeners would do. Tests run the real preload bridge and renderer modules on it.
import { ipcMainHandler } from './fake-ipc.ts'

interface Contents {
  readonly mainFrame: { url: string; parent: unknown }
  isDestroyed(): boolean
}

type Listener = (event: unknown, ...args: unknown[]) => void

export class FakePage {
  readonly #contents: Contents
  readonly #listeners = new Map<string, Set<Listener>>()
  readonly #pagehide = new Set<() => void>()

  constructor(contents: Contents) {
    this.#contents = contents
  }

  /** An ipcRenderer for the preload's createBridge(). */
  readonly ipcRenderer = {
    invoke: (channel: string, ...args: unknown[]): Promise<unknown> => this.#invoke(channel, args),
    on: (channel: string, fn: Listener) => {
      const set = this.#listeners.get(channel) ?? new Set()
      set.add(fn)
      this.#listeners.set(channel, set)
      return this.ipcRenderer
    },
    removeListener: (channel: string, fn: Listener) => {
      this.#listeners.get(channel)?.delete(fn)
      return this.ipcRenderer
    },
  }

  addEventListener(type: 'pagehide', fn: () => void): void {
    if (type === 'pagehide') this.#pagehide.add(fn)
  }

  /** Called by main's webContents.send, on a later turn. */
  deliver(channel: string, args: unknown[]): void {
    for (const fn of this.#listeners.get(channel) ?? []) fn({ sender: null }, ...args)
  }

  /** The page is unloading as its window closes: `pagehide` listeners run now. */
  unload(): void {
    for (const fn of this.#pagehide) fn()
  }

  /**
   * A call to main: handled on a later turn, dropped (never answered) when the page is gone by
   * then, as Electron drops a message from a destroyed frame.
   */
  #invoke(channel: string, args: unknown[]): Promise<unknown> {
    return new Promise((resolve, reject) => {
      setImmediate(() => {
        if (this.#contents.isDestroyed()) return
        const handler = ipcMainHandler(channel)
        if (!handler) return reject(new Error(`No handler registered for '${channel}'`))
        const event = { sender: this.#contents, senderFrame: this.#contents.mainFrame }
        Promise.resolve((handler as (...a: unknown[]) => unknown)(event, ...args)).then(
          resolve,
          reject,
        )
      })
    })
  }
}
