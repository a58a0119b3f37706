// Electron entry: one instance; the archive from --archive, QUIRE_ARCHIVE, the folder picked
// in Settings or ~/Quire; the app:// protocol, the window, the menu and the IPC API, wired
// together.
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { app, dialog, session, shell, type BrowserWindow } from 'electron'
import { toApiError } from '../../shared/errors.ts'
import { createHandlers } from '../api/handlers.ts'
import { ArchiveService } from '../archive/service.ts'
import { utilityProcessHost } from './index-utility-host.ts'
import { APP_START_URL } from './app-url.ts'
import { archiveFlag, withoutArchiveFlag } from './args.ts'
import { archiveRootFor, chooseArchive, pickFolderWithDialog } from './choose-archive.ts'
import { createEmitter, registerIpc } from './ipc.ts'
import { importFromDialog, installMenu } from './menu.ts'
import { restrictPermissions } from './permissions.ts'
import { printToPdf } from './print-to-pdf.ts'
import { handleAppProtocol, registerAppScheme } from './protocol.ts'
import { archiveLayout } from '../archive/store/layout.ts'
import { describeSettingsIssue, openSettings, type SettingsIssue } from './settings.ts'
import { createMainWindow, guardWebContents } from './window.ts'

// This file is bundled to dist/main/app.cjs (also inside app.asar); the renderer and the
// preload are built next to it, so paths come from __dirname, not from import.meta.
const RENDERER_DIR = join(__dirname, '..', 'renderer')
const PRELOAD_PATH = join(__dirname, 'preload.cjs')
const INDEX_WORKER_PATH = join(__dirname, 'index-worker.cjs')

// A throwaway profile for tests, so they never touch the user's settings.
if (process.env.QUIRE_USER_DATA_DIR) app.setPath('userData', process.env.QUIRE_USER_DATA_DIR)
app.enableSandbox()
registerAppScheme()
app.on('web-contents-created', (_event, contents) => guardWebContents(contents))

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  start().catch((err: unknown) => fail('Quire could not start.', toApiError(err).message))
}

async function start(): Promise<void> {
  await app.whenReady()
  const issues: SettingsIssue[] = []
  const settings = openSettings({ cwd: app.getPath('userData'), onIssue: (i) => issues.push(i) })
  const root = archiveRootFor(archiveFlag(process.argv), process.env, settings.archivePath())
  restrictPermissions(session.defaultSession)
  if (!existsSync(join(RENDERER_DIR, 'index.html'))) {
    return fail(
      'The Quire interface is not built.',
      `Run "npm run build" (looked in ${RENDERER_DIR}).`,
    )
  }
  let service: ArchiveService
  try {
    service = await ArchiveService.open(root)
  } catch (err) {
    return fail(`Quire could not open the archive ${root}`, toApiError(err).message)
  }
  // Article images are served from the archive's assets/ by the same app:// protocol.
  handleAppProtocol(RENDERER_DIR, archiveLayout(service.root).assetsDir)

  let win: BrowserWindow | null = null
  const getWindow = () => win
  const emit = createEmitter(getWindow)
  const appActions = {
    printToPdf: (html: string) => printToPdf(html),
    chooseArchive: () =>
      chooseArchive({
        current: service.root,
        pickFolder: () => pickFolderWithDialog(win, service.root),
        settings,
        relaunch: () => {
          // The picked folder only wins when neither the flag nor the variable names one.
          delete process.env.QUIRE_ARCHIVE
          app.relaunch({ args: withoutArchiveFlag(process.argv.slice(1)) })
          // Let queued archive writes finish before the process goes.
          void service.close().finally(() => app.exit(0))
        },
      }),
  }
  registerIpc({ handlers: createHandlers(service, emit, appActions), getWindow })
  service.startIndex({
    host: utilityProcessHost(INDEX_WORKER_PATH),
    onStatus: (st) => emit('index:progress', { state: st.state, done: st.done, total: st.total }),
  })
  installMenu(process.platform, {
    importFrom: (pick) => {
      importFromDialog({ pick, window: win, service, emit }).catch((err: unknown) =>
        dialog.showErrorBox('The import could not start.', toApiError(err).message),
      )
    },
    showArchiveFolder: () => void shell.openPath(service.root),
    openSettings: () => emit('ui:open', { screen: 'settings' }),
    openScreen: (screen) => emit('ui:open', { screen }),
  })
  const openWindow = (): BrowserWindow => {
    const created = createMainWindow({
      preloadPath: PRELOAD_PATH,
      startUrl: APP_START_URL,
      settings,
    })
    created.on('closed', () => {
      if (win === created) win = null
    })
    win = created
    return created
  }
  openWindow()
  for (const issue of issues) {
    void dialog.showMessageBox({ type: 'warning', ...describeSettingsIssue(issue) })
  }

  app.on('second-instance', () => {
    const current = win ?? openWindow()
    if (current.isMinimized()) current.restore()
    current.focus()
  })
  app.on('activate', () => {
    if (!win) openWindow()
  })
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
}

function fail(message: string, detail: string): void {
  dialog.showErrorBox(message, detail)
  app.exit(1)
}
