// Calls to the running Quire's capture endpoint. Says apart "Quire is not running" (the
// queue waits), "not paired" (the popup asks for a code) and a refusal of this item.
import type { Connection } from './settings.ts'

export type CallOutcome<T> =
  | { kind: 'ok'; value: T }
  | { kind: 'offline'; message: string }
  | { kind: 'unpaired'; message: string }
  | { kind: 'refused'; code: string; message: string }
  | { kind: 'failed'; message: string }

export async function callQuire<T>(
  conn: Connection,
  call: string,
  body: unknown,
): Promise<CallOutcome<T>> {
  let res: Response
  try {
    res = await fetch(`${conn.address.replace(/\/+$/, '')}/capture/${call}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(conn.token ? { 'x-quire-token': conn.token } : {}),
      },
      body: JSON.stringify(body),
      credentials: 'omit',
      cache: 'no-store',
    })
  } catch {
    return { kind: 'offline', message: 'Quire is not running' }
  }
  let json: { ok?: boolean; value?: T; error?: { code?: string; message?: string } } = {}
  try {
    json = (await res.json()) as typeof json
  } catch {
    // Not our endpoint answering: treated as a failure of the call.
  }
  if (res.ok && json.ok) return { kind: 'ok', value: json.value as T }
  const message = json.error?.message ?? `Quire answered ${res.status}`
  if (res.status === 401) return { kind: 'unpaired', message }
  if (res.status >= 500) return { kind: 'failed', message }
  return { kind: 'refused', code: json.error?.code ?? String(res.status), message }
}
