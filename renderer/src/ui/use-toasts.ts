// Short-lived messages at the bottom of the window, some with one action (Undo).
import { useCallback, useEffect, useRef, useState } from 'react'

export interface ToastAction {
  label: string
  run(): void
}

export interface Toast {
  id: number
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
  toasts: Toast[]
  show(toast: ToastInput): number
  dismiss(id: number): void
}

const DEFAULT_TIMEOUT = 6000
const ERROR_TIMEOUT = 10_000
const MAX_VISIBLE = 3

export function useToasts(): Toasts {
  const [toasts, setToasts] = useState<Toast[]>([])
  const nextId = useRef(1)
  const timers = useRef(new Map<number, number>())

  const dismiss = useCallback((id: number) => {
    const timer = timers.current.get(id)
    if (timer !== undefined) window.clearTimeout(timer)
    timers.current.delete(id)
    setToasts((all) => all.filter((t) => t.id !== id))
  }, [])

  const show = useCallback(
    (input: ToastInput) => {
      const id = nextId.current++
      const kind = input.kind ?? 'info'
      const toast: Toast = {
        id,
        kind,
        message: input.message,
        ...(input.action ? { action: input.action } : {}),
      }
      setToasts((all) => [...all, toast].slice(-MAX_VISIBLE))
      const timeout = input.timeout ?? (kind === 'error' ? ERROR_TIMEOUT : DEFAULT_TIMEOUT)
      timers.current.set(
        id,
        window.setTimeout(() => dismiss(id), timeout),
      )
      return id
    },
    [dismiss],
  )

  useEffect(() => {
    const pending = timers.current
    return () => {
      for (const timer of pending.values()) window.clearTimeout(timer)
    }
  }, [])

  return { toasts, show, dismiss }
}
