// What must be saved before the desktop window closes (the reading position, an open note):
// features register a flush; when main asks (`app:flush`, sent as the window closes or the app
// quits), every flush runs and main is told when their writes are done (`app:flushed`), so
// they reach the archive before it closes. The browser shell never asks; `pagehide` stays
// the fallback there.
import type { QuireClient } from '../../../shared/api.ts'

type Flush = () => Promise<unknown> | void

const flushes = new Set<Flush>()

/** Registers a flush; returns the function that removes it. */
export function onFlushBeforeClose(flush: Flush): () => void {
  flushes.add(flush)
  return () => void flushes.delete(flush)
}

/** Answers main's flush requests for as long as the returned function is not called. */
export function answerFlushRequests(client: QuireClient): () => void {
  return client.on('app:flush', ({ id }) => {
    void Promise.allSettled([...flushes].map(async (flush) => flush())).then(() =>
      client.call('app:flushed', { id }).catch(() => {
        // Main stopped waiting (or is gone): nothing more the page can do.
      }),
    )
  })
}
