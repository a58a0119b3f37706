// Short-lived messages at the bottom of the window, some with one action (Undo), and the
// window's undo stack (undo-stack.ts) behind those Undo buttons and Ctrl/⌘+Z. Toasts are
// ordered by when what they report started, the newest first, whatever finished first.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { describeError } from '../api/describe-error.ts'
import { UndoStack, type Undoable } from './undo-stack.ts'

export type { Undoable } from './undo-stack.ts'

export interface ToastAction {
  label: string
  run(): void
}

export interface Toast {
  id: number
  /** Its place among the others: when what it reports started. */
  order: number
  kind: 'info' | 'error'
  message: string
  action?: ToastAction
}

export interface ToastInput {
  kind?: Toast['kind']
  message: string
  action?: ToastAction
  /** Milliseconds before it goes away on its own. */
  timeout?: number
}

export interface Toasts {
  /** Newest first. */
  toasts: Toast[]
  show(toast: ToastInput): number
  dismiss(id: number): void
  /**
   * Runs an action that can be undone: `run` does it (reporting its own failure) and resolves
   * to how to undo it, or undefined when it failed or there is nothing to put back. Its toast
   * and stack entry take the place the action had when it started.
   */
  undoable(run: () => Promise<Undoable | undefined>): Promise<void>
  /** Ctrl/⌘+Z: undoes the newest action still on the stack. */
  undoLatest(): void
}

const DEFAULT_TIMEOUT = 6000
const UNDO_TIMEOUT = 8000
const ERROR_TIMEOUT = 10_000
const MAX_VISIBLE = 3

export function useToasts(): Toasts {
  const [toasts, setToasts] = useState<Toast[]>([])
  const nextId = useRef(1)
  const timers = useRef(new Map<number, number>())
  const stack = useRef<UndoStack>(null)
  stack.current ??= new UndoStack()
  /** The toast showing each stack entry, by the entry's order. */
  const undoToasts = useRef(new Map<number, number>())

  const dismiss = useCallback((id: number) => {
    const timer = timers.current.get(id)
    if (timer !== undefined) window.clearTimeout(timer)
    timers.current.delete(id)
    setToasts((all) => all.filter((t) => t.id !== id))
  }, [])

  const showAt = useCallback(
    (order: number, input: ToastInput) => {
      const id = nextId.current++
      const kind = input.kind ?? 'info'
      const toast: Toast = {
        id,
        order,
        kind,
        message: input.message,
        ...(input.action ? { action: input.action } : {}),
      }
      // Newest first; the oldest drop off the end (their undo stays on the stack).
      setToasts((all) => [...all, toast].sort((a, b) => b.order - a.order).slice(0, MAX_VISIBLE))
      const timeout = input.timeout ?? (kind === 'error' ? ERROR_TIMEOUT : DEFAULT_TIMEOUT)
      timers.current.set(
        id,
        window.setTimeout(() => dismiss(id), timeout),
      )
      return id
    },
    [dismiss],
  )

  const show = useCallback(
    (input: ToastInput) => showAt(stack.current!.nextOrder(), input),
    [showAt],
  )

  /** Undoes the entry at `order` (once), after any undo already running. */
  const undo = useCallback(
    (order: number, announce: boolean) => {
      const s = stack.current!
      const item = s.take(order)
      if (!item) return
      const toastId = undoToasts.current.get(order)
      undoToasts.current.delete(order)
      if (toastId !== undefined) dismiss(toastId)
      void s.serial(async () => {
        try {
          await item.undo()
        } catch (err) {
          show({ kind: 'error', message: describeError(item.failure ?? 'undo it', err) })
          return
        }
        item.after?.()
        if (announce) show({ message: `Undone: ${item.message}` })
      })
    },
    [dismiss, show],
  )

  const undoable = useCallback(
    async (run: () => Promise<Undoable | undefined>) => {
      const s = stack.current!
      const order = s.nextOrder()
      const item = await run()
      if (!item) return
      s.push(order, item)
      const id = showAt(order, {
        message: item.message,
        action: { label: 'Undo', run: () => undo(order, false) },
        timeout: UNDO_TIMEOUT,
      })
      undoToasts.current.set(order, id)
      for (const o of undoToasts.current.keys()) if (!s.has(o)) undoToasts.current.delete(o)
    },
    [showAt, undo],
  )

  const undoLatest = useCallback(() => {
    const order = stack.current!.latest()
    if (order === undefined) show({ message: 'Nothing to undo' })
    else undo(order, true)
  }, [show, undo])

  useEffect(() => {
    const pending = timers.current
    return () => {
      for (const timer of pending.values()) window.clearTimeout(timer)
    }
  }, [])

  return useMemo(
    () => ({ toasts, show, dismiss, undoable, undoLatest }),
    [toasts, show, dismiss, undoable, undoLatest],
  )
}
