// The application menu and File > Import: the picked files are imported into a real archive
// and the window hears progress, the finished report and the change.
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { MenuItemConstructorOptions } from 'electron'
import type { EventName } from '../../../../shared/events.ts'
import { ArchiveService } from '../../../../main/archive/service.ts'
import { tempDir } from '../../helpers/temp-dir.ts'

vi.mock('electron', () => import('./fake-electron.ts'))

const { dialog, Menu } = await import('./fake-electron.ts')
const { buildMenuTemplate, importFromDialog, installMenu } =
  await import('../../../../main/app/menu.ts')

const actions = {
  importFrom: vi.fn(),
  showArchiveFolder: vi.fn(),
  openSettings: vi.fn(),
  openScreen: vi.fn(),
}

function fileMenu(platform: NodeJS.Platform): MenuItemConstructorOptions[] {
  const file = buildMenuTemplate(platform, actions).find((m) => m.label === 'File')
  return (file?.submenu ?? []) as MenuItemConstructorOptions[]
}

beforeEach(() => {
  vi.clearAllMocks()
})

describe('buildMenuTemplate', () => {
  it('on macOS has one Import… (Cmd+O) for files and folders, and the app menu', () => {
    const template = buildMenuTemplate('darwin', actions)
    expect(template[0]).toEqual({ role: 'appMenu' })
    const item = fileMenu('darwin').find((i) => i.label === 'Import…')
    expect(item?.accelerator).toBe('CmdOrCtrl+O')
    item?.click?.({} as never, undefined, {} as never)
    expect(actions.importFrom).toHaveBeenCalledWith('files-and-folders')
  })

  it('on Linux and Windows has separate file and folder imports (one dialog cannot do both)', () => {
    const items = fileMenu('linux')
    expect(items.find((i) => i.label === 'Import Files…')?.accelerator).toBe('CmdOrCtrl+O')
    expect(items.find((i) => i.label === 'Import Folder…')?.accelerator).toBe('CmdOrCtrl+Shift+O')
    items.find((i) => i.label === 'Import Folder…')?.click?.({} as never, undefined, {} as never)
    expect(actions.importFrom).toHaveBeenCalledWith('folders')
    expect(items.some((i) => i.role === 'quit')).toBe(true)
  })

  it('has Settings… (Ctrl/Cmd+,) that asks the page to open its settings', () => {
    const item = fileMenu('linux').find((i) => i.label === 'Settings…')
    expect(item?.accelerator).toBe('CmdOrCtrl+,')
    item?.click?.({} as never, undefined, {} as never)
    expect(actions.openSettings).toHaveBeenCalledOnce()
  })

  it('asks the page for its web import, feeds, export and notebook screens', () => {
    const items = fileMenu('linux')
    for (const [label, screen] of [
      ['Add from the Web…', 'web-import'],
      ['Feeds…', 'feeds'],
      ['Export…', 'export'],
      ['Notebook', 'notebook'],
    ] as const) {
      items.find((i) => i.label === label)?.click?.({} as never, undefined, {} as never)
      expect(actions.openScreen).toHaveBeenLastCalledWith(screen)
    }
  })

  it('has the standard Edit, View, Window and Help menus', () => {
    const roles = buildMenuTemplate('linux', actions).map((m) => m.role)
    expect(roles).toEqual(expect.arrayContaining(['editMenu', 'viewMenu', 'windowMenu', 'help']))
  })

  it('installs the menu as the application menu', () => {
    installMenu('linux', actions)
    expect(Menu.setApplicationMenu).toHaveBeenCalledTimes(1)
  })
})

describe('importFromDialog', () => {
  async function setup() {
    const service = await ArchiveService.open(await tempDir())
    const events: [EventName, unknown][] = []
    const emit = (event: EventName, payload: unknown) => void events.push([event, payload])
    return { service, events, emit }
  }

  it('asks for several files and folders at once on macOS', async () => {
    const { service, emit } = await setup()
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: true, filePaths: [] })
    await importFromDialog({ pick: 'files-and-folders', window: null, service, emit })
    const options = dialog.showOpenDialog.mock.calls[0]?.[0] as { properties: string[] }
    expect(options.properties).toEqual(['openFile', 'openDirectory', 'multiSelections'])
  })

  it('imports the picked files and emits progress, then finished, then changed', async () => {
    const { service, events, emit } = await setup()
    const src = await tempDir()
    const good = join(src, 'rafah.txt')
    const bad = join(src, 'photo.bmp')
    await writeFile(good, 'Crossing closed\n\nThe crossing stayed closed on Tuesday.')
    await writeFile(bad, 'BM')
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [good, bad] })

    const report = await importFromDialog({ pick: 'files', window: null, service, emit })

    expect(report).toMatchObject({ imported: 1, failed: 1 })
    expect((await service.info()).articleCount).toBe(1)
    const names = events.map(([e]) => e)
    expect(names.at(-2)).toBe('import:finished')
    expect(names.at(-1)).toBe('archive:changed')
    expect(names.slice(0, -2).every((n) => n === 'import:progress')).toBe(true)
    expect(events.at(-2)?.[1]).toMatchObject({
      imported: 1,
      failed: 1,
      failures: [expect.objectContaining({ source: expect.stringContaining('photo.bmp') })],
    })
    expect(events.at(-1)?.[1]).toEqual({ reason: 'import' })
  })

  it('does nothing when the dialog is cancelled', async () => {
    const { service, events, emit } = await setup()
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: true, filePaths: [] })
    expect(await importFromDialog({ pick: 'files', window: null, service, emit })).toBeNull()
    expect(events).toEqual([])
  })

  it('reports a failed batch in a dialog and as a finished import', async () => {
    const { service, events, emit } = await setup()
    vi.spyOn(service, 'importPaths').mockRejectedValueOnce(new Error('disk full'))
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: ['/x'] })
    expect(await importFromDialog({ pick: 'folders', window: null, service, emit })).toBeNull()
    expect(events).toEqual([
      [
        'import:finished',
        expect.objectContaining({ failed: 1, failures: [{ source: '/x', message: 'disk full' }] }),
      ],
    ])
    expect(dialog.showMessageBox).toHaveBeenCalledWith(expect.objectContaining({ type: 'error' }))
  })
})
