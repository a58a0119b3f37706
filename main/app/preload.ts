// The sandboxed preload: exposes `window.quire` (invoke + on) and nothing else of IPC.
// Unknown operations and events are refused here, before anything crosses to main. It knows
// the contract only by name (contract-names.ts); main validates every input.
import { contextBridge, ipcRenderer, type IpcRenderer } from 'electron'
import type { Result } from '../../shared/api.ts'
import { IPC_EVENT_CHANNEL, IPC_INVOKE_CHANNEL, type QuireBridge } from '../../shared/bridge.ts'
import type { EventName } from '../../shared/events.ts'
import { EVENT_NAME_LIST, OP_NAMES } from './contract-names.ts'

type BridgeIpc = Pick<IpcRenderer, 'invoke' | 'on' | 'removeListener'>

const ops = new Set(OP_NAMES)
const events = new Set(EVENT_NAME_LIST)

export function createBridge(ipc: BridgeIpc): QuireBridge {
  return {
    invoke(op, input) {
      if (typeof op !== 'string' || !ops.has(op)) {
        return Promise.resolve({
          ok: false,
          error: {
            code: 'UNKNOWN_OPERATION',
            message: `Unknown operation: ${String(op).slice(0, 80)}`,
          },
        })
      }
      return (ipc.invoke(IPC_INVOKE_CHANNEL, op, input) as Promise<Result<unknown>>).catch(
        (err: unknown): Result<unknown> => ({
          ok: false,
          // As shared/errors.ts's toApiError for an unknown error: the message, never a stack.
          error: { code: 'INTERNAL', message: err instanceof Error ? err.message : String(err) },
        }),
      )
    },
    on(event: EventName, listener) {
      if (typeof event !== 'string' || !events.has(event)) {
        throw new Error(`Unknown event: ${String(event).slice(0, 80)}`)
      }
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
