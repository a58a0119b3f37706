// The QuireClient over the browser shell's HTTP API (main/serve): POST /api/<op> with the
// per-launch token, and Server-Sent Events from /api/events for main -> renderer events.
import type { Op, OpInput, OpOutput, QuireClient } from '../../../shared/api.ts'
import { EVENT_NAMES, type EventName } from '../../../shared/events.ts'
import { QuireError } from '../../../shared/errors.ts'
import { parseEventPayload } from './event-payload.ts'
import { asResult, unwrapResult } from './unwrap-result.ts'

type RawListener = (payload: unknown) => void

export function createHttpClient(token: string, base = '/'): QuireClient {
  const listeners = new Map<EventName, Set<RawListener>>()
  let source: EventSource | undefined

  function ensureEventSource(): void {
    if (source) return
    source = new EventSource(`${base}api/events?token=${encodeURIComponent(token)}`)
    for (const name of EVENT_NAMES) {
      source.addEventListener(name, (e) => {
        let data: unknown
        try {
          data = JSON.parse((e as MessageEvent<string>).data)
        } catch {
          return
        }
        for (const l of listeners.get(name) ?? []) l(data)
      })
    }
  }

  return {
    async call<K extends Op>(op: K, input: OpInput<K>): Promise<OpOutput<K>> {
      let response: Response
      try {
        response = await fetch(`${base}api/${encodeURIComponent(op)}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-quire-token': token },
          body: JSON.stringify(input ?? {}),
        })
      } catch {
        throw new QuireError('IO', 'the archive server is not answering')
      }
      let body: unknown
      try {
        body = await response.json()
      } catch {
        throw new QuireError('INTERNAL', `the archive server answered HTTP ${response.status}`)
      }
      // The server checked the output against the contract before sending it.
      return unwrapResult(asResult(body)) as OpOutput<K>
    },
    on(event, listener) {
      ensureEventSource()
      const raw: RawListener = (data) => {
        const payload = parseEventPayload(event, data)
        if (payload !== undefined) listener(payload)
      }
      let set = listeners.get(event)
      if (!set) listeners.set(event, (set = new Set()))
      set.add(raw)
      return () => {
        set.delete(raw)
      }
    },
  }
}
