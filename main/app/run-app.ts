// The desktop app once Electron is ready: settings, the archive, the app:// protocol, the IPC
// API, the search index process, the menu, the window, and the quit sequence that closes it
// all cleanly. main.ts calls it after taking the single-instance lock; tests call it with the
// stand-in electron module.
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { app, dialog, session, shell, type BrowserWindow } from 'electron'
import { toApiError } from '../../shared/errors.ts'
import { createHandlers } from '../api/handlers.ts'
import { DEFAULT_CAPTURE_PORT } from '../../shared/capture.ts'
import { capturePortFromEnv, startCapture } from '../serve/capture/start-capture.ts'
import { showArticle } from './show-article.ts'
import { ArchiveService } from '../archive/service.ts'
import { archiveLayout } from '../archive/store/layout.ts'
import { APP_START_URL } from './app-url.ts'
import { archiveFlag, withoutArchiveFlag } from './args.ts'
import { archiveRootFor, chooseArchive, pickFolderWithDialog } from './choose-archive.ts'
import { installContextMenu } from './context-menu.ts'
import { FlushRequests } from './flush-requests.ts'
import { indexCrashReporter } from './index-crash-report.ts'
import { utilityProcessHost } from './index-utility-host.ts'
import { createEmitter, registerIpc } from './ipc.ts'
import { importFromDialog, installMenu } from './menu.ts'
import { restrictPermissions } from './permissions.ts'
import { printToPdf } from './print-to-pdf.ts'
import { handleAppProtocol } from './protocol.ts'
import { installQuitSequence, type QuitOptions, type QuitSequence } from './quit-sequence.ts'
import { RunningImports, trackImportHandlers } from './running-imports.ts'
import type { SecondInstance } from './second-instance.ts'
import { describeSettingsIssue, openSettings, type SettingsIssue } from './settings.ts'
import { createMainWindow } from './window.ts'
import { guardWindowClose } from './window-close-guard.ts'

export interface AppPaths {
  rendererDir: string
  preloadPath: string
  indexWorkerPath: string
}

/** What a test needs to drive the running app. */
export interface RunningApp {
  service: ArchiveService
  quit: QuitSequence
  window(): BrowserWindow | null
}

export interface RunOptions {
  quit?: QuitOptions
  /** The index process's restart back-off (tests shorten it). */
  indexBackoffMs?(attempt: number): number
}

const QUIT_SIGNALS = ['SIGINT', 'SIGTERM'] as const

/** Starts the app; resolves undefined when it could not start (the user was told why). */
export async function runApp(
  paths: AppPaths,
  instance: SecondInstance,
  opts: RunOptions = {},
): Promise<RunningApp | undefined> {
  await app.whenReady()
  const issues: SettingsIssue[] = []
  const settings = openSettings({ cwd: app.getPath('userData'), onIssue: (i) => issues.push(i) })
  const root = archiveRootFor(archiveFlag(process.argv), process.env, settings.archivePath())
  restrictPermissions(session.defaultSession)
  // Off unless turned on: the dictionaries come from Google's servers (Windows and Linux).
  session.defaultSession.setSpellCheckerEnabled(settings.ui().spellcheck)
  if (!existsSync(join(paths.rendererDir, 'index.html'))) {
    return fail(
      'The Quire interface is not built.',
      `Run "npm run build" (looked in ${paths.rendererDir}).`,
    )
  }
  let service: ArchiveService
  try {
    service = await ArchiveService.open(root)
  } catch (err) {
    return fail(`Quire could not open the archive ${root}`, toApiError(err).message)
  }
  // Article images are served from the archive's assets/ by the same app:// protocol.
  handleAppProtocol(paths.rendererDir, archiveLayout(service.root).assetsDir)

  let win: BrowserWindow | null = null
  const getWindow = () => win
  const emit = createEmitter(getWindow)
  const imports = new RunningImports()
  const flush = new FlushRequests()
  // The browser extension delivers captures here as it does to `quire serve`; paired
  // extensions are kept in the app's own folder. "Open in Quire" shows the article in the
  // window, brought to the front.
  const capturePort = capturePortFromEnv(process.env, DEFAULT_CAPTURE_PORT)
  const capture =
    capturePort === null
      ? null
      : await startCapture({
          archive: { ...service.captures, tags: () => service.tags() },
          port: capturePort,
          configDir: app.getPath('userData'),
          showInApp: (id) => showArticle(win, id, emit),
          onChanged: () => emit('archive:changed', { reason: 'import' }),
        })
  const quit = installQuitSequence(
    app,
    {
      prepare: async () => {
        if (imports.count > 0) showQuitProgress(win)
        await imports.stop()
        if (win) await flush.request(win)
      },
      closeArchive: async () => {
        await capture?.close()
        await service.close()
      },
    },
    opts.quit,
  )
  for (const signal of QUIT_SIGNALS) process.on(signal, () => app.quit())

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
          // The clean quit: pages save, the archive closes, then the new instance starts.
          app.quit()
        },
      }),
    flushed: (id: number) => flush.answer(id),
    // openPath answers an error message, or '' when the file manager opened it.
    openFolder: async (path: string) => (await shell.openPath(path)) === '',
    settings: () => ({ desktop: true, spellcheck: settings.ui().spellcheck }),
    updateSettings: ({ spellcheck }: { spellcheck: boolean }) => {
      settings.updateUi({ spellcheck })
      // Turning it off stops it now; turning it on reaches windows created from now on.
      session.defaultSession.setSpellCheckerEnabled(spellcheck)
      return { desktop: true, spellcheck: settings.ui().spellcheck }
    },
  }
  const handlers = createHandlers(service, emit, appActions, {
    signal: imports.signal,
    ...(capture ? { capture } : {}),
  })
  registerIpc({ handlers: trackImportHandlers(handlers, imports), getWindow })
  const onCrash = indexCrashReporter({
    logDir: app.getPath('logs'),
    tell: (text) => void dialog.showMessageBox({ type: 'warning', ...text }),
  })
  service.startIndex({
    host: utilityProcessHost({
      workerPath: paths.indexWorkerPath,
      onCrash,
      ...(opts.indexBackoffMs ? { backoffMs: opts.indexBackoffMs } : {}),
    }),
    onStatus: (st) => emit('index:progress', { state: st.state, done: st.done, total: st.total }),
  })
  installMenu(process.platform, {
    importFrom: (pick) => {
      importFromDialog({ pick, window: win, service, emit, imports }).catch((err: unknown) =>
        dialog.showErrorBox('The import could not start.', toApiError(err).message),
      )
    },
    showArchiveFolder: () => void shell.openPath(service.root),
    openSettings: () => emit('ui:open', { screen: 'settings' }),
    openScreen: (screen) => emit('ui:open', { screen }),
  })
  const openWindow = (): BrowserWindow => {
    const created = createMainWindow({
      preloadPath: paths.preloadPath,
      startUrl: APP_START_URL,
      settings,
    })
    guardWindowClose(created, {
      app,
      flush,
      quit,
      quitsApp: () => process.platform !== 'darwin',
    })
    installContextMenu(created.webContents, () => settings.ui().spellcheck)
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

  instance.ready(() => {
    if (quit.isQuitting()) return
    const current = win ?? openWindow()
    if (current.isMinimized()) current.restore()
    current.focus()
  })
  app.on('activate', () => {
    if (!win && !quit.isQuitting()) openWindow()
  })
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
  return { service, quit, window: getWindow }
}

/** The window says why it has not closed yet while imports stop. */
function showQuitProgress(win: BrowserWindow | null): void {
  if (!win || win.isDestroyed()) return
  win.setTitle('Quire — finishing the import before quitting…')
  // Indeterminate: the import stops after the items it is on, whatever their number.
  win.setProgressBar(2, { mode: 'indeterminate' })
}

function fail(message: string, detail: string): undefined {
  dialog.showErrorBox(message, detail)
  app.exit(1)
  return undefined
}
