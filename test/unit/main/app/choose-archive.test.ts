// Settings > Archive > Change…: the picked folder is remembered and the app reopens on it;
// --archive and QUIRE_ARCHIVE still win over the remembered folder.
import { homedir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { ArchiveService } from '../../../../main/archive/service.ts'
import { BROWSER_ARCHIVE_MESSAGE, createHandlers } from '../../../../main/api/handlers.ts'

vi.mock('electron', () => import('./fake-electron.ts'))

const { dialog, FakeBrowserWindow } = await import('./fake-electron.ts')
const { archiveRootFor, chooseArchive, pickFolderWithDialog } =
  await import('../../../../main/app/choose-archive.ts')

beforeEach(() => {
  vi.clearAllMocks()
  vi.useFakeTimers()
})
afterEach(() => {
  vi.useRealTimers()
})

function deps(picked: string | undefined) {
  return {
    current: '/data/news',
    pickFolder: vi.fn(async () => picked),
    settings: { setArchivePath: vi.fn() },
    relaunch: vi.fn(),
  }
}

describe('chooseArchive', () => {
  it('remembers a new folder and relaunches after answering', async () => {
    const d = deps('/data/other')
    expect(await chooseArchive(d)).toEqual({ changed: true })
    expect(d.settings.setArchivePath).toHaveBeenCalledWith('/data/other')
    expect(d.relaunch).not.toHaveBeenCalled()
    vi.runAllTimers()
    expect(d.relaunch).toHaveBeenCalledOnce()
  })

  it('changes nothing when the person cancels or picks the open archive', async () => {
    for (const picked of [undefined, '/data/news', '/data/news/']) {
      const d = deps(picked)
      expect(await chooseArchive(d)).toEqual({ changed: false })
      vi.runAllTimers()
      expect(d.settings.setArchivePath).not.toHaveBeenCalled()
      expect(d.relaunch).not.toHaveBeenCalled()
    }
  })
})

describe('pickFolderWithDialog', () => {
  it('asks for one folder as a sheet on the window, and reads a cancel as undefined', async () => {
    const win = new FakeBrowserWindow({})
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: ['/data/other'] })
    expect(await pickFolderWithDialog(win as never, '/data/news')).toBe('/data/other')
    const [parent, options] = dialog.showOpenDialog.mock.calls[0] as [
      unknown,
      { properties: string[] },
    ]
    expect(parent).toBe(win)
    expect(options.properties).toContain('openDirectory')
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: true, filePaths: [] })
    expect(await pickFolderWithDialog(null, '/data/news')).toBeUndefined()
  })
})

describe('archiveRootFor', () => {
  it('prefers --archive, then QUIRE_ARCHIVE, then the remembered folder, then ~/Quire', () => {
    expect(archiveRootFor('/flag', { QUIRE_ARCHIVE: '/env' }, '/stored')).toBe('/flag')
    expect(archiveRootFor(undefined, { QUIRE_ARCHIVE: '/env' }, '/stored')).toBe('/env')
    expect(archiveRootFor(undefined, {}, '/stored')).toBe('/stored')
    expect(archiveRootFor(undefined, {}, undefined)).toBe(join(homedir(), 'Quire'))
  })
})

describe("'app:chooseArchive' handler", () => {
  // Only what createHandlers touches before a handler runs: the merge subscription.
  const service = { sync: { onMerged: () => () => {} } } as unknown as ArchiveService

  it('runs the desktop action', async () => {
    const chooseArchive = vi.fn(async () => ({ changed: true }))
    const h = createHandlers(service, () => {}, { chooseArchive })
    expect(await h['app:chooseArchive']({})).toEqual({ changed: true })
  })

  it('is UNSUPPORTED with an explanation in the browser shell', async () => {
    const h = createHandlers(service, () => {})
    await expect(h['app:chooseArchive']({})).rejects.toMatchObject({
      code: 'UNSUPPORTED',
      message: BROWSER_ARCHIVE_MESSAGE,
    })
  })
})
