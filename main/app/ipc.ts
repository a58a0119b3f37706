// The IPC transport of the API: one `ipcMain.handle` channel that refuses every sender but
// the main frame of our window on our origin, then runs the operation through `dispatch`.
import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron'
import type { Handlers, Result } from '../../shared/api.ts'
import { IPC_EVENT_CHANNEL, IPC_INVOKE_CHANNEL } from '../../shared/bridge.ts'
import { dispatch } from '../api/dispatch.ts'
import type { Emit } from '../api/handlers.ts'
import { isAppUrl } from './app-url.ts'

export interface IpcOptions {
  handlers: Handlers
  /** The window allowed to call; null while there is none. */
  getWindow: () => BrowserWindow | null
}

/** Registers the invoke channel; returns a function that removes it. */
export function registerIpc(opts: IpcOptions): () => void {
  ipcMain.handle(IPC_INVOKE_CHANNEL, (event, op: unknown, input: unknown) =>
    handleInvoke(opts, event, op, input),
  )
  return () => ipcMain.removeHandler(IPC_INVOKE_CHANNEL)
}

/** One call from the renderer. Always answers with a Result; never throws across IPC. */
export async function handleInvoke(
  opts: IpcOptions,
  event: IpcMainInvokeEvent,
  op: unknown,
  input: unknown,
): Promise<Result<unknown>> {
  if (!isTrustedSender(event, opts.getWindow())) {
    return {
      ok: false,
      error: { code: 'FORBIDDEN', message: 'This request did not come from the Quire window.' },
    }
  }
  return dispatch(opts.handlers, op, input)
}

/**
 * True only for the main frame of our window showing one of our pages: sub-frames, other
 * windows and pages that navigated elsewhere are refused.
 */
export function isTrustedSender(event: IpcMainInvokeEvent, win: BrowserWindow | null): boolean {
  if (!win || win.isDestroyed()) return false
  if (event.sender.id !== win.webContents.id) return false
  const frame = event.senderFrame
  if (!frame || frame.parent !== null) return false
  return isAppUrl(frame.url)
}

/** Sends main -> renderer events to the window, when there is one to receive them. */
export function createEmitter(getWindow: () => BrowserWindow | null): Emit {
  return (event, payload) => {
    const win = getWindow()
    if (!win || win.isDestroyed() || win.webContents.isDestroyed()) return
    win.webContents.send(IPC_EVENT_CHANNEL, event, payload)
  }
}
