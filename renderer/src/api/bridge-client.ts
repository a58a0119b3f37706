// The QuireClient over Electron's preload bridge (`window.quire`).
import type { Op, OpInput, OpOutput, QuireClient } from '../../../shared/api.ts'
import type { QuireBridge } from '../../../shared/bridge.ts'
import { parseEventPayload } from './event-payload.ts'
import { unwrapResult } from './unwrap-result.ts'

export function createBridgeClient(bridge: QuireBridge): QuireClient {
  return {
    async call<K extends Op>(op: K, input: OpInput<K>): Promise<OpOutput<K>> {
      // The bridge is untyped across the process boundary; main validated the output's shape.
      return unwrapResult(await bridge.invoke(op, input)) as OpOutput<K>
    },
    on(event, listener) {
      return bridge.on(event, (raw) => {
        const payload = parseEventPayload(event, raw)
        if (payload !== undefined) listener(payload)
      })
    },
  }
}
