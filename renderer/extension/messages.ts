// What the popup asks the background worker, and what the queue looks like to it.
import type { Delivered, Failed } from './queue.ts'

export type Message =
  | { type: 'capture'; tabId: number }
  | { type: 'amend'; capture: string; tags: string[]; note: string }
  | { type: 'queue' }
  | { type: 'lookup'; tabId: number }
  | { type: 'open'; id: string }

export interface QueueState {
  /** idle: nothing stuck; offline: Quire is not running; unpaired: pair first. */
  state: 'idle' | 'offline' | 'unpaired'
  problem: string
  waiting: { key: string; title: string; url: string; queuedAt: string }[]
  delivered: Delivered[]
  failed: Failed[]
}
