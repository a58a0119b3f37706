// The main window: locked-down web preferences, guards against pop-ups and foreign
// navigation, and its size and position remembered in the settings.
import { BrowserWindow, screen, shell, type Rectangle, type WebContents } from 'electron'
import { isAppUrl, isExternalOpenable } from './app-url.ts'
import type { AppSettings, WindowState } from './settings.ts'
import { rememberWindowState } from './window-state.ts'

export const DEFAULT_SIZE = { width: 1200, height: 800 }
const MIN_SIZE = { width: 480, height: 360 }
/** How much of a saved window must fall on a screen for its position to be reused. */
const MIN_VISIBLE = { width: 120, height: 60 }
const guarded = new WeakSet<WebContents>()

export interface MainWindowOptions {
  preloadPath: string
  startUrl: string
  settings: AppSettings
}

/** Creates the window at its saved place, loads the app and saves the bounds when it goes. */
export function createMainWindow(opts: MainWindowOptions): BrowserWindow {
  const saved = opts.settings.windowState()
  const workAreas = screen.getAllDisplays().map((d) => d.workArea)
  const win = new BrowserWindow({
    ...restoreBounds(saved, workAreas),
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    title: 'Quire',
    show: false,
    backgroundColor: '#ffffff',
    // Written out here, not built by a helper, so static auditors (electronegativity in
    // .ci/run) can read every setting: no Node, an isolated preload, the sandbox, web security.
    webPreferences: {
      preload: opts.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      // Off by default: on Windows and Linux it downloads Hunspell dictionaries from Google.
      spellcheck: opts.settings.ui().spellcheck,
    },
  })
  guardWebContents(win.webContents)
  win.once('ready-to-show', () => {
    if (saved?.maximized) win.maximize()
    win.show()
  })
  rememberWindowState(win, opts.settings)
  win.loadURL(opts.startUrl).catch((err: unknown) => {
    console.error(`Quire could not load ${opts.startUrl}: ${String(err)}`)
  })
  return win
}

/**
 * Pop-ups are always denied (http(s) links go to the system browser instead) and the page
 * may only navigate within the app's origin. Applied to every WebContents the app creates.
 */
export function guardWebContents(contents: WebContents): void {
  // Both createMainWindow and app's 'web-contents-created' guard the window: listen once.
  if (guarded.has(contents)) return
  guarded.add(contents)
  contents.setWindowOpenHandler(({ url }) => {
    openExternalSafely(url)
    return { action: 'deny' }
  })
  contents.on('will-navigate', (event) => {
    if (isAppUrl(event.url)) return
    event.preventDefault()
    // A link clicked in an article opens in the browser rather than inside the app.
    openExternalSafely(event.url)
  })
  contents.on('will-redirect', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault()
  })
  contents.on('will-attach-webview', (event) => event.preventDefault())
}

/** Hands a URL to the system only if it parses as http, https or mailto. */
export function openExternalSafely(url: string): boolean {
  if (!isExternalOpenable(url)) return false
  shell.openExternal(new URL(url).href).catch((err: unknown) => {
    console.warn(`Quire could not open ${url}: ${String(err)}`)
  })
  return true
}

/**
 * The bounds to open with: the saved size, and the saved position only when enough of the
 * window lands on a connected screen (a monitor may have been unplugged since).
 */
export function restoreBounds(
  saved: WindowState | undefined,
  workAreas: Rectangle[],
): { width: number; height: number; x?: number; y?: number } {
  if (!saved) return { ...DEFAULT_SIZE }
  const size = {
    width: Math.max(saved.width, MIN_SIZE.width),
    height: Math.max(saved.height, MIN_SIZE.height),
  }
  if (saved.x === undefined || saved.y === undefined) return size
  const rect = { x: saved.x, y: saved.y, ...size }
  return workAreas.some((area) => overlaps(rect, area)) ? rect : size
}

function overlaps(a: Rectangle, b: Rectangle): boolean {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y)
  return width >= MIN_VISIBLE.width && height >= MIN_VISIBLE.height
}
