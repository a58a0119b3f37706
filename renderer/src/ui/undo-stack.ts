// The window's one undo stack. Every destructive or bulk action that can be put back leaves an
// entry; an entry is ordered by when its action *started* (a slow bulk tag finishing after a
// quick delete still sits below it), the newest on top. Undos run one at a time, in the order
// asked, and each reverses exactly its own action.

/** What an action leaves behind so it can be reversed. */
export interface Undoable {
  /** What was done, as the toast says it: "Moved 3 articles to the Trash". */
  message: string
  /** Puts things back as they were before this action (and only this one). */
  undo(): Promise<unknown>
  /** The verb phrase for a failed undo: "undo the delete" -> "Couldn't undo the delete: …". */
  failure?: string
  /** Runs after a successful undo (reopen the article that was open, move the cursor back). */
  after?(): void
}

interface Entry {
  order: number
  item: Undoable
}

/** How many actions can be undone; older ones drop off the bottom. */
export const UNDO_LIMIT = 30

/** Pure bookkeeping, no React: the hook in use-toasts.ts drives it and shows the toasts. */
export class UndoStack {
  #next = 1
  /** Ascending by order: the last is the newest. */
  #entries: Entry[] = []
  #queue: Promise<void> = Promise.resolve()
  readonly #limit: number

  constructor(limit = UNDO_LIMIT) {
    this.#limit = limit
  }

  /** A place in the order, taken when an action (or a plain message) starts. */
  nextOrder(): number {
    return this.#next++
  }

  /** Records a finished action at the place it took when it started. */
  push(order: number, item: Undoable): void {
    const at = this.#entries.findIndex((e) => e.order > order)
    if (at < 0) this.#entries.push({ order, item })
    else this.#entries.splice(at, 0, { order, item })
    if (this.#entries.length > this.#limit) this.#entries.shift()
  }

  get size(): number {
    return this.#entries.length
  }

  has(order: number): boolean {
    return this.#entries.some((e) => e.order === order)
  }

  /** The newest entry's order, or undefined when there is nothing to undo. */
  latest(): number | undefined {
    return this.#entries[this.#entries.length - 1]?.order
  }

  /** Takes an entry off the stack (it can be undone once); undefined when already gone. */
  take(order: number): Undoable | undefined {
    const i = this.#entries.findIndex((e) => e.order === order)
    if (i < 0) return undefined
    return this.#entries.splice(i, 1)[0]?.item
  }

  /**
   * Runs `task` after every undo asked for before it, so two quick Ctrl+Z's reverse the two
   * newest actions one after the other, never interleaved. Resolves when `task` has run.
   */
  serial(task: () => Promise<void>): Promise<void> {
    const run = this.#queue.then(task, task)
    this.#queue = run.catch(() => undefined)
    return run
  }
}
