// Captures waiting for Quire, in chrome.storage.local so they outlive the browser: an ordered
// list of keys plus one entry per item. Each item keeps the key Quire answers it by, so a
// delivery retried after a lost answer is imported once.
import type { CaptureAmend, CaptureRequest, CaptureResult } from '../../shared/capture.ts'

export type QueueItem =
  | {
      kind: 'save'
      key: string
      title: string
      url: string
      queuedAt: string
      body: CaptureRequest
    }
  | { kind: 'amend'; key: string; title: string; url: string; queuedAt: string; body: CaptureAmend }

export interface Delivered {
  key: string
  title: string
  url: string
  result: CaptureResult | { id: string }
  at: string
}

export interface Failed {
  key: string
  title: string
  url: string
  reason: string
  at: string
}

const ORDER = 'queue'
const itemKey = (key: string) => `item:${key}`

export function newKey(): string {
  return crypto.randomUUID()
}

export async function enqueue(item: QueueItem): Promise<void> {
  // The item first: a key in the order always has its entry.
  await chrome.storage.local.set({ [itemKey(item.key)]: item })
  const order = await keys()
  await chrome.storage.local.set({ [ORDER]: [...order, item.key] })
}

export async function keys(): Promise<string[]> {
  const got = await chrome.storage.local.get(ORDER)
  return Array.isArray(got[ORDER]) ? (got[ORDER] as string[]) : []
}

export async function item(key: string): Promise<QueueItem | null> {
  const got = await chrome.storage.local.get(itemKey(key))
  return (got[itemKey(key)] as QueueItem | undefined) ?? null
}

/** What is waiting, oldest first, without the page bodies (for the popup). */
export async function waiting(): Promise<
  { key: string; title: string; url: string; queuedAt: string }[]
> {
  const out = []
  for (const key of await keys()) {
    const it = await item(key)
    if (it) out.push({ key, title: it.title, url: it.url, queuedAt: it.queuedAt })
  }
  return out
}

/** Takes a delivered or refused item out of the queue, noting what became of it. */
export async function settle(
  key: string,
  outcome: { delivered: Delivered } | { failed: Failed },
): Promise<void> {
  const list = 'delivered' in outcome ? 'delivered' : 'failed'
  const entry = 'delivered' in outcome ? outcome.delivered : outcome.failed
  const got = await chrome.storage.local.get(list)
  const before = Array.isArray(got[list]) ? (got[list] as unknown[]) : []
  await chrome.storage.local.set({
    [list]: [...before, entry].slice(-20),
    [ORDER]: (await keys()).filter((k) => k !== key),
  })
  await chrome.storage.local.remove(itemKey(key))
}

export async function recent(): Promise<{ delivered: Delivered[]; failed: Failed[] }> {
  const got = await chrome.storage.local.get(['delivered', 'failed'])
  return {
    delivered: Array.isArray(got.delivered) ? (got.delivered as Delivered[]) : [],
    failed: Array.isArray(got.failed) ? (got.failed as Failed[]) : [],
  }
}

/** Tags and a note for a capture still waiting: added to it rather than queued apart. */
export async function amendWaiting(
  capture: string,
  change: { tags: string[]; note?: string },
): Promise<boolean> {
  const it = await item(capture)
  if (!it || it.kind !== 'save') return false
  const body: CaptureRequest = {
    ...it.body,
    tags: [...new Set([...it.body.tags, ...change.tags])],
    ...(change.note ? { note: [it.body.note, change.note].filter(Boolean).join('\n\n') } : {}),
  }
  await chrome.storage.local.set({ [itemKey(capture)]: { ...it, body } })
  return true
}
