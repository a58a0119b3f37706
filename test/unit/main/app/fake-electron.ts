// The stand-in `electron` module for tests (`vi.mock('electron', () => import(…))`): no
// Electron binary can run here, so main/app is tested against this. Where Quire's behaviour
// depends on Electron's (the quit lifecycle and preventDefault, window close and destroy,
// utility processes and their events, IPC from a page that is going away) it follows Electron
// 45's documentation — see stand-in/ — so a test can fail the way the real app would. The rest
// records what the code asked for.
import { vi } from 'vitest'
import { FakeApp } from './stand-in/fake-app.ts'
import { FakeBrowserWindow } from './stand-in/fake-window.ts'
import { FakeUtilityProcess } from './stand-in/fake-utility-process.ts'

export { FakeApp } from './stand-in/fake-app.ts'
export { FakeBrowserWindow, FakeFrame, FakeWebContents } from './stand-in/fake-window.ts'
export { FakePage } from './stand-in/fake-page.ts'
export { ipcMain } from './stand-in/fake-ipc.ts'
export { FakeUtilityProcess, utilityProcess } from './stand-in/fake-utility-process.ts'

export const app = new FakeApp()
FakeBrowserWindow.app = app

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
  buildFromTemplate: vi.fn((template: unknown) => ({ template, popup: vi.fn() })),
  setApplicationMenu: vi.fn(),
}
export const clipboard = { writeText: vi.fn() }
export const screen = {
  getAllDisplays: vi.fn(() => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }]),
}

function fakeSession() {
  let spellcheck = true
  return {
    setPermissionRequestHandler: vi.fn(),
    setPermissionCheckHandler: vi.fn(),
    setSpellCheckerEnabled: vi.fn((on: boolean) => void (spellcheck = on)),
    isSpellCheckerEnabled: () => spellcheck,
  }
}
export const session = {
  defaultSession: fakeSession(),
  fromPartition: vi.fn(() => fakeSession()),
}
export const BrowserWindow = FakeBrowserWindow

/** A fresh stand-in for the next test: a new app state, no windows, no child processes. */
export function resetStandIn(): void {
  app.reset()
  FakeBrowserWindow.created = []
  FakeUtilityProcess.killAll()
  session.defaultSession = fakeSession()
}
