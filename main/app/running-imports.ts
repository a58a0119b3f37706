// Imports in progress, so that quitting can stop them between items and wait for what they
// already stored (the pipeline flushes the catalog before an aborted import returns).
import type { Handlers, Op } from '../../shared/api.ts'

/** Operations that import many items and honour the quit signal or finish on their own. */
export const IMPORT_OPS = [
  'import:upload',
  'import:urls',
  'articles:fetch',
  'feeds:refresh',
  'feeds:subscribe',
] as const satisfies readonly Op[]

export class RunningImports {
  readonly #controller = new AbortController()
  readonly #running = new Set<Promise<unknown>>()

  /** Aborted once the app starts quitting; imports started later stop at once. */
  get signal(): AbortSignal {
    return this.#controller.signal
  }

  get count(): number {
    return this.#running.size
  }

  /** Counts `work` as running until it settles; returns it unchanged. */
  track<T>(work: Promise<T>): Promise<T> {
    this.#running.add(work)
    const done = () => void this.#running.delete(work)
    work.then(done, done)
    return work
  }

  /**
   * Asks every import to stop after the items it is working on and resolves when all have
   * settled (never rejects). The caller bounds the wait.
   */
  async stop(): Promise<void> {
    this.#controller.abort()
    await Promise.allSettled([...this.#running])
  }
}

/** The same handlers, with the import operations counted by `imports`. */
export function trackImportHandlers(handlers: Handlers, imports: RunningImports): Handlers {
  const tracked: Handlers = { ...handlers }
  for (const op of IMPORT_OPS) {
    const handler = handlers[op] as (input: unknown) => Promise<unknown>
    ;(tracked as Record<Op, (input: unknown) => Promise<unknown>>)[op] = (input) =>
      imports.track(handler(input))
  }
  return tracked
}
