// Keeps the window's size and position in the settings on every way it can go: a normal close
// reads them fresh; a window destroyed without a 'close' event (app.exit, a crash of the quit
// sequence) still saves the last bounds seen, which are followed as the window moves.
import type { BrowserWindow } from 'electron'
import type { AppSettings, WindowState } from './settings.ts'

const TRACKED_EVENTS = ['resize', 'move', 'maximize', 'unmaximize'] as const

/** Follows the window's bounds and saves them when it closes, however it closes. */
export function rememberWindowState(win: BrowserWindow, settings: AppSettings): void {
  let last: WindowState | undefined
  const read = () => {
    if (!win.isDestroyed()) last = currentState(win)
  }
  for (const event of TRACKED_EVENTS) win.on(event as 'resize', read)
  win.once('ready-to-show', read)
  win.on('close', () => {
    read()
    if (last) settings.saveWindowState(last)
  })
  // After destroy() no bounds can be read, but 'closed' is guaranteed: save what was seen.
  win.once('closed', () => {
    if (last) settings.saveWindowState(last)
  })
}

export function currentState(win: BrowserWindow): WindowState {
  const b = win.getNormalBounds()
  return { x: b.x, y: b.y, width: b.width, height: b.height, maximized: win.isMaximized() }
}
