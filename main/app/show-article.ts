// "Open in Quire" from the browser extension, in the desktop app: the window comes to the
// front (restored if minimised) and the page opens the article. False when there is no
// window to show it in (the extension then says so).
import type { BrowserWindow } from 'electron'
import type { Emit } from '../api/handlers.ts'

/** The part of a window this needs (a BrowserWindow; a plain object in the tests). */
export type ShowableWindow = Pick<
  BrowserWindow,
  'isDestroyed' | 'isMinimized' | 'restore' | 'show' | 'focus'
>

export function showArticle(win: ShowableWindow | null, id: string, emit: Emit): boolean {
  if (!win || win.isDestroyed()) return false
  if (win.isMinimized()) win.restore()
  win.show()
  win.focus()
  emit('ui:openArticle', { id })
  return true
}
