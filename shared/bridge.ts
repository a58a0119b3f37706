// What the Electron preload exposes as `window.quire`: one generic invoke over the contract
// and an event subscription. The renderer wraps it into the typed QuireClient.
import type { Result } from './api.ts'
import type { EventName } from './events.ts'

export interface QuireBridge {
  /** Refuses unknown operations before anything crosses to main. */
  invoke(op: string, input: unknown): Promise<Result<unknown>>
  on(event: EventName, listener: (payload: unknown) => void): () => void
}

export const IPC_INVOKE_CHANNEL = 'quire:invoke'
export const IPC_EVENT_CHANNEL = 'quire:event'
