// The application menu, and File > Import: pick files or folders, import them into the
// archive and report progress to the window as events.
import {
  Menu,
  dialog,
  type BrowserWindow,
  type MenuItemConstructorOptions,
  type OpenDialogOptions,
} from 'electron'
import { toApiError } from '../../shared/errors.ts'
import type { EventPayload } from '../../shared/events.ts'
import type { ImportReport } from '../../shared/model.ts'
import type { Emit } from '../api/handlers.ts'
import type { ArchiveService } from '../archive/service.ts'
import type { RunningImports } from './running-imports.ts'

/** What the import dialog lets the user pick. */
export type ImportPick = 'files-and-folders' | 'files' | 'folders'

export interface MenuActions {
  importFrom(pick: ImportPick): void
  showArchiveFolder(): void
  /** Asks the page to open its Settings screen (the page owns that screen). */
  openSettings(): void
  /** Asks the page to open one of its other screens. */
  openScreen(screen: Exclude<EventPayload<'ui:open'>['screen'], 'settings'>): void
}

/**
 * The menu as a template. macOS's open dialog can pick files and folders at once; on Windows
 * and Linux it cannot (asking for both shows a folder picker), so there are two items there.
 */
export function buildMenuTemplate(
  platform: NodeJS.Platform,
  actions: MenuActions,
): MenuItemConstructorOptions[] {
  const isMac = platform === 'darwin'
  const importItems: MenuItemConstructorOptions[] = isMac
    ? [
        {
          label: 'Import…',
          accelerator: 'CmdOrCtrl+O',
          click: () => actions.importFrom('files-and-folders'),
        },
      ]
    : [
        {
          label: 'Import Files…',
          accelerator: 'CmdOrCtrl+O',
          click: () => actions.importFrom('files'),
        },
        {
          label: 'Import Folder…',
          accelerator: 'CmdOrCtrl+Shift+O',
          click: () => actions.importFrom('folders'),
        },
      ]
  const file: MenuItemConstructorOptions = {
    label: 'File',
    submenu: [
      ...importItems,
      {
        label: 'Add from the Web…',
        accelerator: 'CmdOrCtrl+L',
        click: () => actions.openScreen('web-import'),
      },
      { label: 'Feeds…', click: () => actions.openScreen('feeds') },
      { type: 'separator' },
      {
        label: 'Export…',
        accelerator: 'CmdOrCtrl+E',
        click: () => actions.openScreen('export'),
      },
      { label: 'Notebook', click: () => actions.openScreen('notebook') },
      { type: 'separator' },
      { label: 'Show Archive Folder', click: () => actions.showArchiveFolder() },
      { label: 'Settings…', accelerator: 'CmdOrCtrl+,', click: () => actions.openSettings() },
      { type: 'separator' },
      isMac ? { role: 'close' } : { role: 'quit' },
    ],
  }
  return [
    ...(isMac ? [{ role: 'appMenu' } as const] : []),
    file,
    { role: 'editMenu' },
    { role: 'viewMenu' },
    { role: 'windowMenu' },
    { role: 'help', submenu: [{ role: 'about', label: 'About Quire' }] },
  ]
}

export function installMenu(platform: NodeJS.Platform, actions: MenuActions): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(buildMenuTemplate(platform, actions)))
}

export interface ImportFromDialogOptions {
  pick: ImportPick
  window: BrowserWindow | null
  service: ArchiveService
  emit: Emit
  /** Stops the import between items when the app quits, and counts it as running. */
  imports?: Pick<RunningImports, 'signal' | 'track'>
}

/**
 * Shows the open dialog and imports what was picked, emitting `import:progress`, then
 * `import:finished` and `archive:changed`. Returns null when the user cancels. A failure of
 * the whole batch is shown in a dialog and reported as a finished import with one failure.
 */
export async function importFromDialog(
  opts: ImportFromDialogOptions,
): Promise<ImportReport | null> {
  const options = openDialogOptions(opts.pick)
  const picked = opts.window
    ? await dialog.showOpenDialog(opts.window, options)
    : await dialog.showOpenDialog(options)
  if (picked.canceled || picked.filePaths.length === 0) return null
  try {
    const run = opts.service.importPaths(picked.filePaths, {
      onProgress: (p) => opts.emit('import:progress', p),
      ...(opts.imports ? { signal: opts.imports.signal } : {}),
    })
    const report = await (opts.imports ? opts.imports.track(run) : run)
    opts.emit('import:finished', finishedPayload(report))
    opts.emit('archive:changed', { reason: 'import' })
    return report
  } catch (err) {
    const { message } = toApiError(err)
    opts.emit('import:finished', {
      imported: 0,
      duplicates: 0,
      skipped: 0,
      failed: 1,
      failures: [{ source: picked.filePaths.join(', '), message }],
    })
    const box = { type: 'error' as const, message: 'The import failed.', detail: message }
    await (opts.window ? dialog.showMessageBox(opts.window, box) : dialog.showMessageBox(box))
    return null
  }
}

export function openDialogOptions(pick: ImportPick): OpenDialogOptions {
  const kinds: OpenDialogOptions['properties'] =
    pick === 'files-and-folders'
      ? ['openFile', 'openDirectory']
      : pick === 'files'
        ? ['openFile']
        : ['openDirectory']
  return {
    title: 'Import into Quire',
    buttonLabel: 'Import',
    properties: [...kinds, 'multiSelections'],
  }
}

export function finishedPayload(report: ImportReport): EventPayload<'import:finished'> {
  return {
    imported: report.imported,
    duplicates: report.duplicates,
    skipped: report.skipped,
    failed: report.failed,
    failures: report.results.flatMap((r) =>
      r.status === 'failed' ? [{ source: r.source, message: r.error.message }] : [],
    ),
  }
}
