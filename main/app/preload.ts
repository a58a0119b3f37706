// The sandboxed preload: exposes `window.quire` (invoke + on) and nothing else of IPC.
// Unknown operations and events are refused here, before anything crosses to main.
import { contextBridge, ipcRenderer, type IpcRenderer } from 'electron'
import { isOp, type Result } from '../../shared/api.ts'
import { IPC_EVENT_CHANNEL, IPC_INVOKE_CHANNEL, type QuireBridge } from '../../shared/bridge.ts'
import { toApiError } from '../../shared/errors.ts'
import { isEventName } from '../../shared/events.ts'

type BridgeIpc = Pick<IpcRenderer, 'invoke' | 'on' | 'removeListener'>

export function createBridge(ipc: BridgeIpc): QuireBridge {
  return {
    invoke(op, input) {
      if (!isOp(op)) {
        return Promise.resolve({
          ok: false,
          error: {
            code: 'UNKNOWN_OPERATION',
            message: `Unknown operation: ${String(op).slice(0, 80)}`,
          },
        })
      }
      return (ipc.invoke(IPC_INVOKE_CHANNEL, op, input) as Promise<Result<unknown>>).catch(
        (err: unknown): Result<unknown> => ({ ok: false, error: toApiError(err) }),
      )
    },
    on(event, listener) {
      if (!isEventName(event)) throw new Error(`Unknown event: ${String(event).slice(0, 80)}`)
      // The IpcRendererEvent (with its sender) never reaches the page: only the payload does.
      const relay = (_e: unknown, name: unknown, payload: unknown) => {
        if (name === event) listener(payload)
      }
      ipc.on(IPC_EVENT_CHANNEL, relay)
      return () => {
        ipc.removeListener(IPC_EVENT_CHANNEL, relay)
      }
    },
  }
}

contextBridge.exposeInMainWorld('quire', createBridge(ipcRenderer))
