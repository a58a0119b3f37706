// Checks an event's payload against its schema in shared/events.ts before listeners see it.
import { events, type EventName, type EventPayload } from '../../../shared/events.ts'

/** The payload typed for its event, or undefined when it does not match the contract. */
export function parseEventPayload<E extends EventName>(
  event: E,
  raw: unknown,
): EventPayload<E> | undefined {
  const parsed = events[event].safeParse(raw)
  return parsed.success ? (parsed.data as EventPayload<E>) : undefined
}
