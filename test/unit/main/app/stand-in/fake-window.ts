// BrowserWindow and WebContents as Quire uses them, with the behaviour its lifecycle depends on
// (Electron 45's docs): close() emits 'close' (preventable; a prevented close cancels a quit),
// then the page unloads ('pagehide' runs), then 'closed'; destroy() skips 'close' and the
// page's unload but always emits 'closed'. Messages between the page and main are delivered on
// a later turn, and one that arrives after its page or window is gone is dropped, as a
// renderer's message is once its frame is destroyed.
import { EventEmitter } from 'node:events'
import { vi } from 'vitest'
import type { FakeApp } from './fake-app.ts'
import { fakeEvent } from './fake-event.ts'
import { FakePage } from './fake-page.ts'

let nextId = 1

export class FakeFrame {
  url: string
  parent: FakeFrame | null
  constructor(url: string, parent: FakeFrame | null = null) {
    this.url = url
    this.parent = parent
  }
}

export class FakeWebContents extends EventEmitter {
  readonly id = nextId++
  readonly mainFrame = new FakeFrame('app://quire/index.html')
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null
  destroyed = false
  crashed = false
  /** The page loaded in it: what the renderer would do, driven by tests. */
  readonly page = new FakePage(this)
  readonly session = { addWordToSpellCheckerDictionary: vi.fn(() => true) }
  readonly replaceMisspelling = vi.fn()
  /** Main -> page messages; delivered to the page's listeners on a later turn. */
  readonly send = vi.fn((channel: string, ...args: unknown[]) => {
    setImmediate(() => {
      if (!this.destroyed) this.page.deliver(channel, args)
    })
  })
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler
  }
  isDestroyed(): boolean {
    return this.destroyed
  }
  isCrashed(): boolean {
    return this.crashed
  }
  /** Fires a navigation event the way Electron 45 does; returns true when it was prevented. */
  navigate(event: 'will-navigate' | 'will-redirect', url: string): boolean {
    let prevented = false
    this.emit(event, { url, preventDefault: () => (prevented = true) })
    return prevented
  }
}

export class FakeBrowserWindow extends EventEmitter {
  static created: FakeBrowserWindow[] = []
  /** The app windows report to; set by the stand-in module. */
  static app: FakeApp | null = null
  static getAllWindows(): FakeBrowserWindow[] {
    return FakeBrowserWindow.created.filter((w) => !w.destroyed)
  }
  readonly options: Record<string, unknown>
  readonly webContents = new FakeWebContents()
  readonly loadURL = vi.fn(async (_url: string) => {})
  readonly maximize = vi.fn()
  readonly show = vi.fn()
  readonly focus = vi.fn()
  readonly restore = vi.fn()
  readonly setProgressBar = vi.fn()
  bounds = { x: 10, y: 20, width: 900, height: 700 }
  maximized = false
  minimized = false
  destroyed = false
  title: string
  constructor(options: Record<string, unknown>) {
    super()
    this.options = options
    this.title = typeof options.title === 'string' ? options.title : 'Quire'
    FakeBrowserWindow.created.push(this)
    FakeBrowserWindow.app?.windows.add(this)
  }
  getNormalBounds() {
    return this.bounds
  }
  isMaximized(): boolean {
    return this.maximized
  }
  isMinimized(): boolean {
    return this.minimized
  }
  isDestroyed(): boolean {
    return this.destroyed
  }
  setTitle(title: string): void {
    this.title = title
  }
  getTitle(): string {
    return this.title
  }
  /** Moves the window as the user would: new bounds, then the 'move' event. */
  moveTo(bounds: { x: number; y: number; width: number; height: number }): void {
    this.bounds = bounds
    this.emit('move')
  }
  /** Asks the window to close, like its close button; the page may still save. */
  close(): void {
    if (this.destroyed) return
    setImmediate(() => {
      if (this.destroyed) return
      const event = fakeEvent()
      FakeBrowserWindow.app?.record('close')
      this.emit('close', event)
      if (event.defaultPrevented) {
        FakeBrowserWindow.app?.windowCloseCancelled()
        return
      }
      this.webContents.page.unload()
      this.#gone()
    })
  }
  /** Closes at once: no 'close', no unload in the page, but 'closed' always. */
  destroy(): void {
    if (!this.destroyed) this.#gone()
  }
  #gone(): void {
    this.destroyed = true
    this.webContents.destroyed = true
    FakeBrowserWindow.app?.record('closed')
    this.emit('closed')
    FakeBrowserWindow.app?.windowClosed(this)
  }
}
