// A fake of the few electron APIs main/app uses, for `vi.mock('electron', …)`. It records
// what the code under test asked for, so tests can inspect options and fire events.
import { EventEmitter } from 'node:events'
import { vi } from 'vitest'

type Listener = (...args: never[]) => unknown

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
  readonly send = vi.fn()
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler
  }
  isDestroyed(): boolean {
    return this.destroyed
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
  readonly options: Record<string, unknown>
  readonly webContents = new FakeWebContents()
  readonly loadURL = vi.fn(async (_url: string) => {})
  readonly maximize = vi.fn()
  readonly show = vi.fn()
  bounds = { x: 10, y: 20, width: 900, height: 700 }
  maximized = false
  destroyed = false
  constructor(options: Record<string, unknown>) {
    super()
    this.options = options
    FakeBrowserWindow.created.push(this)
  }
  getNormalBounds() {
    return this.bounds
  }
  isMaximized(): boolean {
    return this.maximized
  }
  isDestroyed(): boolean {
    return this.destroyed
  }
}

const invokeHandlers = new Map<string, Listener>()

export const ipcMain = {
  handle: vi.fn(
    (channel: string, listener: Listener) => void invokeHandlers.set(channel, listener),
  ),
  removeHandler: vi.fn((channel: string) => void invokeHandlers.delete(channel)),
  /** The listener registered for a channel, as the code under test installed it. */
  handlerFor(channel: string): Listener | undefined {
    return invokeHandlers.get(channel)
  },
}

export const ipcRenderer = {
  invoke: vi.fn(async (..._args: unknown[]): Promise<unknown> => ({ ok: true, value: null })),
  on: vi.fn(),
  removeListener: vi.fn(),
}

export const contextBridge = { exposeInMainWorld: vi.fn() }
export const shell = {
  openExternal: vi.fn(async (_url: string) => {}),
  openPath: vi.fn(async () => ''),
}
export const protocol = { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() }
export const dialog = {
  showOpenDialog: vi.fn(),
  showMessageBox: vi.fn(async () => ({ response: 0, checkboxChecked: false })),
  showErrorBox: vi.fn(),
}
export const Menu = {
  buildFromTemplate: vi.fn((template: unknown) => ({ template })),
  setApplicationMenu: vi.fn(),
}
export const screen = {
  getAllDisplays: vi.fn(() => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }]),
}
export const BrowserWindow = FakeBrowserWindow
