// The preload's bridge: only contract operations and known events cross to main, and the
// page never sees the IpcRendererEvent.
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { IPC_EVENT_CHANNEL, IPC_INVOKE_CHANNEL } from '../../../../shared/bridge.ts'
import type { QuireBridge } from '../../../../shared/bridge.ts'
import type { EventName } from '../../../../shared/events.ts'

vi.mock('electron', () => import('./fake-electron.ts'))

const { contextBridge, ipcRenderer } = await import('./fake-electron.ts')
const { createBridge } = await import('../../../../main/app/preload.ts')

type Relay = (event: unknown, name: unknown, payload: unknown) => void

beforeEach(() => {
  ipcRenderer.invoke.mockClear()
  ipcRenderer.on.mockClear()
  ipcRenderer.removeListener.mockClear()
})

function bridge(): QuireBridge {
  return createBridge(ipcRenderer as never)
}

describe('preload', () => {
  it('exposes the bridge as window.quire and nothing else', () => {
    expect(contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1)
    const [key, api] = contextBridge.exposeInMainWorld.mock.calls[0] as [string, object]
    expect(key).toBe('quire')
    expect(Object.keys(api).sort()).toEqual(['invoke', 'on'])
  })

  it('refuses unknown operations without calling ipcRenderer', async () => {
    for (const op of ['fs:readFile', 'constructor', '__proto__', 'toString', '']) {
      const r = await bridge().invoke(op, {})
      expect(r).toMatchObject({ ok: false, error: { code: 'UNKNOWN_OPERATION' } })
    }
    expect(ipcRenderer.invoke).not.toHaveBeenCalled()
  })

  it('sends contract operations on the invoke channel and returns main’s Result', async () => {
    ipcRenderer.invoke.mockResolvedValueOnce({ ok: true, value: { articleCount: 3 } })
    const r = await bridge().invoke('archive:info', {})
    expect(ipcRenderer.invoke).toHaveBeenCalledWith(IPC_INVOKE_CHANNEL, 'archive:info', {})
    expect(r).toEqual({ ok: true, value: { articleCount: 3 } })
  })

  it('turns a failed IPC call into a Result instead of a rejection', async () => {
    ipcRenderer.invoke.mockRejectedValueOnce(new Error('No handler registered'))
    const r = await bridge().invoke('archive:info', {})
    expect(r).toMatchObject({ ok: false, error: { code: 'INTERNAL' } })
  })

  it('refuses unknown events', () => {
    expect(() => bridge().on('quire:secret' as EventName, () => {})).toThrow(/Unknown event/)
    expect(ipcRenderer.on).not.toHaveBeenCalled()
  })

  it('delivers only the payload of the subscribed event, and unsubscribes', () => {
    const listener = vi.fn()
    const off = bridge().on('import:progress', listener)
    expect(ipcRenderer.on).toHaveBeenCalledWith(IPC_EVENT_CHANNEL, expect.any(Function))
    const relay = ipcRenderer.on.mock.calls[0]?.[1] as Relay
    const ipcEvent = { sender: { send: () => {} }, senderId: 0 }
    relay(ipcEvent, 'archive:changed', { reason: 'update' })
    relay(ipcEvent, 'import:progress', { done: 1, total: 2, current: 'a.txt' })
    expect(listener.mock.calls).toEqual([[{ done: 1, total: 2, current: 'a.txt' }]])
    off()
    expect(ipcRenderer.removeListener).toHaveBeenCalledWith(IPC_EVENT_CHANNEL, relay)
  })
})

describe('the preload bundle', () => {
  it('carries the contract’s names, not zod or its schemas', async () => {
    const { build } = await import('esbuild')
    const { preloadTarget } = await import('../../../../main/tools/build-main.mjs')
    const { OPS } = await import('../../../../shared/api.ts')
    const { EVENT_NAMES } = await import('../../../../shared/events.ts')
    const result = await build({ ...(await preloadTarget()), write: false, sourcemap: false })
    const js = result.outputFiles?.find((f) => f.path.endsWith('.cjs'))?.text ?? ''
    // 766 KB when it bundled zod to check names; the names alone are a few KB.
    expect(js.length).toBeLessThan(8 * 1024)
    expect(js).not.toMatch(/zod|ZodError|safeParse/)
    for (const name of [...OPS, ...EVENT_NAMES]) expect(js).toContain(JSON.stringify(name))
  })
})
