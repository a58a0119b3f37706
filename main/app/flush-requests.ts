// Asks the page to save what is pending (the reading position, an open note) before its window
// closes, and waits a bounded time for its answer. Electron neither waits for a page's
// `pagehide` work nor for main's promises, so a write sent from there can arrive after the
// archive closed; this handshake makes it arrive first.
import type { BrowserWindow } from 'electron'
import { IPC_EVENT_CHANNEL } from '../../shared/bridge.ts'

/** How long a window may take to save before it closes anyway. */
export const FLUSH_TIMEOUT_MS = 3_000

export class FlushRequests {
  #next = 1
  readonly #waiting = new Map<number, () => void>()

  /**
   * Sends `app:flush` to the window's page; resolves true once the page answered with
   * `app:flushed`, false when it did not within `timeoutMs` or has no live page. Never rejects.
   */
  request(win: BrowserWindow, timeoutMs = FLUSH_TIMEOUT_MS): Promise<boolean> {
    const contents = win.isDestroyed() ? null : win.webContents
    if (!contents || contents.isDestroyed() || contents.isCrashed()) return Promise.resolve(false)
    const id = this.#next++
    return new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => {
        this.#waiting.delete(id)
        resolve(false)
      }, timeoutMs)
      this.#waiting.set(id, () => {
        clearTimeout(timer)
        resolve(true)
      })
      contents.send(IPC_EVENT_CHANNEL, 'app:flush', { id })
    })
  }

  /** The page's answer; false for an id nobody waits for (late, or never asked). */
  answer(id: number): boolean {
    const done = this.#waiting.get(id)
    if (!done) return false
    this.#waiting.delete(id)
    done()
    return true
  }
}
