// ipcMain's invoke handlers, shared by the stand-in's ipcMain and its pages.
import { vi } from 'vitest'

type Handler = (...args: never[]) => unknown

const invokeHandlers = new Map<string, Handler>()

export function ipcMainHandler(channel: string): Handler | undefined {
  return invokeHandlers.get(channel)
}

export const ipcMain = {
  handle: vi.fn((channel: string, listener: Handler) => void invokeHandlers.set(channel, listener)),
  removeHandler: vi.fn((channel: string) => void invokeHandlers.delete(channel)),
  /** The listener registered for a channel, as the code under test installed it. */
  handlerFor(channel: string): Handler | undefined {
    return invokeHandlers.get(channel)
  },
}
