// The IPC transport: senders other than our window's main frame on our origin are refused,
// inputs are validated by the contract, and valid calls reach a real ArchiveService.
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { OPS, type Handlers, type Result } from '../../../../shared/api.ts'
import { IPC_EVENT_CHANNEL, IPC_INVOKE_CHANNEL } from '../../../../shared/bridge.ts'
import { createHandlers } from '../../../../main/api/handlers.ts'
import { ArchiveService } from '../../../../main/archive/service.ts'
import { tempDir } from '../../helpers/temp-dir.ts'

vi.mock('electron', () => import('./fake-electron.ts'))

const { FakeBrowserWindow, FakeFrame, FakeWebContents, ipcMain } =
  await import('./fake-electron.ts')
const { createEmitter, registerIpc } = await import('../../../../main/app/ipc.ts')

type Invoke = (event: unknown, op: unknown, input: unknown) => Promise<Result<unknown>>

interface Setup {
  win: InstanceType<typeof FakeBrowserWindow>
  invoke: Invoke
  service: ArchiveService
  handlers: Handlers
}

async function setup(): Promise<Setup> {
  const win = new FakeBrowserWindow({})
  const service = await ArchiveService.open(await tempDir())
  const handlers = createHandlers(service, () => {})
  registerIpc({ handlers, getWindow: () => win as never })
  const listener = ipcMain.handlerFor(IPC_INVOKE_CHANNEL) as Invoke | undefined
  if (!listener) throw new Error('no handler registered on the invoke channel')
  return { win, invoke: listener, service, handlers }
}

/** An invoke event as Electron builds it: the sender's WebContents and frame. */
function eventFrom(
  sender: InstanceType<typeof FakeWebContents>,
  frame: unknown = sender.mainFrame,
) {
  return { sender, senderFrame: frame }
}

beforeEach(() => {
  vi.clearAllMocks()
})

describe('registerIpc', () => {
  it('answers a valid call from our window', async () => {
    const { win, invoke } = await setup()
    const r = await invoke(eventFrom(win.webContents), 'archive:info', {})
    expect(r).toMatchObject({ ok: true, value: { articleCount: 0, trashCount: 0 } })
  })

  it('answers INVALID_INPUT to input the contract rejects', async () => {
    const { win, invoke } = await setup()
    const r = await invoke(eventFrom(win.webContents), 'articles:get', { id: '../../etc/passwd' })
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
  })

  it('answers UNKNOWN_OPERATION to names outside the contract', async () => {
    const { win, invoke } = await setup()
    const r = await invoke(eventFrom(win.webContents), 'fs:readFile', { path: '/etc/passwd' })
    expect(r).toMatchObject({ ok: false, error: { code: 'UNKNOWN_OPERATION' } })
  })

  it('refuses another WebContents (FORBIDDEN)', async () => {
    const { invoke } = await setup()
    const other = new FakeWebContents()
    const r = await invoke(eventFrom(other), 'archive:info', {})
    expect(r).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  })

  it('refuses a sub-frame of our window (FORBIDDEN)', async () => {
    const { win, invoke } = await setup()
    const child = new FakeFrame('app://quire/index.html', win.webContents.mainFrame)
    const r = await invoke(eventFrom(win.webContents, child), 'archive:info', {})
    expect(r).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  })

  it('refuses our window once it shows another origin (FORBIDDEN)', async () => {
    const { win, invoke } = await setup()
    for (const url of ['https://evil.example/', 'file:///index.html', 'app://evil/index.html']) {
      const r = await invoke(eventFrom(win.webContents, new FakeFrame(url)), 'archive:info', {})
      expect(r).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    }
  })

  it('refuses a frame that is gone, and calls when the window is closed (FORBIDDEN)', async () => {
    const { win, invoke } = await setup()
    expect(await invoke(eventFrom(win.webContents, null), 'archive:info', {})).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    })
    win.destroyed = true
    expect(await invoke(eventFrom(win.webContents), 'archive:info', {})).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    })
  })

  it('never runs a handler for a forbidden call', async () => {
    const { invoke, service } = await setup()
    const spy = vi.spyOn(service, 'emptyTrash')
    const r = await invoke(eventFrom(new FakeWebContents()), 'trash:empty', {})
    expect(r.ok).toBe(false)
    expect(spy).not.toHaveBeenCalled()
  })

  // One contract test per operation over IPC: bad input and a foreign sender.
  it.each(OPS)('%s: INVALID_INPUT for bad input, FORBIDDEN for a foreign sender', async (op) => {
    const { win, invoke } = await setup()
    const bad = await invoke(eventFrom(win.webContents), op, { notAField: true })
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    const foreign = await invoke(eventFrom(new FakeWebContents()), op, {})
    expect(foreign).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  })

  it('can be removed again', async () => {
    const remove = registerIpc({ handlers: {} as Handlers, getWindow: () => null })
    remove()
    expect(ipcMain.removeHandler).toHaveBeenCalledWith(IPC_INVOKE_CHANNEL)
  })
})

describe('createEmitter', () => {
  it('sends events to the window on the event channel', () => {
    const win = new FakeBrowserWindow({})
    createEmitter(() => win as never)('archive:changed', { reason: 'import' })
    expect(win.webContents.send).toHaveBeenCalledWith(IPC_EVENT_CHANNEL, 'archive:changed', {
      reason: 'import',
    })
  })

  it('drops events when there is no window', () => {
    expect(() => createEmitter(() => null)('archive:changed', { reason: 'x' })).not.toThrow()
  })
})
