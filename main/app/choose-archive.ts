// "Change…" in Settings > Archive: pick another archive folder, remember it in the settings
// and reopen the app on it. Which folder to open follows one order: --archive, then
// QUIRE_ARCHIVE, then the remembered folder, then ~/Quire.
import { resolve } from 'node:path'
import { dialog, type BrowserWindow, type OpenDialogOptions } from 'electron'
import { resolveArchiveRoot } from '../archive/store/layout.ts'
import type { AppSettings } from './settings.ts'

export interface ChooseArchiveDeps {
  /** The archive open now. */
  current: string
  /** Asks the person for a folder; undefined when they cancel. */
  pickFolder(): Promise<string | undefined>
  settings: Pick<AppSettings, 'setArchivePath'>
  /** Restarts the app on the remembered folder; called after the answer has been sent. */
  relaunch(): void
}

/** Remembers the picked folder and schedules a relaunch; `changed` is false when nothing changes. */
export async function chooseArchive(deps: ChooseArchiveDeps): Promise<{ changed: boolean }> {
  const picked = await deps.pickFolder()
  if (picked === undefined || resolve(picked) === resolve(deps.current)) return { changed: false }
  deps.settings.setArchivePath(resolve(picked))
  // Let the answer reach the window before the app goes away.
  setTimeout(deps.relaunch, 50)
  return { changed: true }
}

/** The folder picker, as a sheet on the window when there is one. */
export async function pickFolderWithDialog(
  window: BrowserWindow | null,
  defaultPath: string,
): Promise<string | undefined> {
  const options: OpenDialogOptions = {
    title: 'Choose an archive folder',
    buttonLabel: 'Open Archive',
    defaultPath,
    properties: ['openDirectory', 'createDirectory'],
  }
  const result = window
    ? await dialog.showOpenDialog(window, options)
    : await dialog.showOpenDialog(options)
  return result.canceled ? undefined : result.filePaths[0]
}

/** --archive, then QUIRE_ARCHIVE, then the folder picked in Settings, then ~/Quire. */
export function archiveRootFor(
  flag: string | undefined,
  env: NodeJS.ProcessEnv,
  stored: string | undefined,
): string {
  if (flag || env.QUIRE_ARCHIVE) return resolveArchiveRoot(flag, env)
  return stored ?? resolveArchiveRoot(undefined, env)
}
