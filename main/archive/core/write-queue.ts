// The archive's write queue: work runs one at a time, in the order it was asked for, so two
// edits never interleave their flushes; a failed job does not stop the ones behind it.
export class WriteQueue {
  #tail: Promise<unknown> = Promise.resolve()

  /** Runs `fn` once everything queued before it has finished (or failed). */
  run<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.#tail.then(fn, fn)
    this.#tail = run.catch(() => {})
    return run
  }

  /** Settles when the work queued so far has finished; never rejects. */
  idle(): Promise<void> {
    return this.#tail.then(() => {})
  }
}
