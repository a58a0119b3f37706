// Electron entry. The single-instance lock and the second-instance listener come first, before
// anything slow (the archive's open), so a second launch is never dropped; then the app runs
// (run-app.ts). The archive comes from --archive, QUIRE_ARCHIVE, the folder picked in Settings
// or ~/Quire.
import { join } from 'node:path'
import { app, dialog } from 'electron'
import { toApiError } from '../../shared/errors.ts'
import { registerAppScheme } from './protocol.ts'
import { runApp } from './run-app.ts'
import { SecondInstance } from './second-instance.ts'
import { guardWebContents } from './window.ts'

// A throwaway profile for tests; set before the lock, which is kept in the profile folder.
if (process.env.QUIRE_USER_DATA_DIR) app.setPath('userData', process.env.QUIRE_USER_DATA_DIR)

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  const instance = new SecondInstance(app)
  app.enableSandbox()
  registerAppScheme()
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents))
  // This file is bundled to dist/main/app.cjs (also inside app.asar); the renderer, the
  // preload and the index worker are built next to it, so paths come from __dirname.
  const paths = {
    rendererDir: join(__dirname, '..', 'renderer'),
    preloadPath: join(__dirname, 'preload.cjs'),
    indexWorkerPath: join(__dirname, 'index-worker.cjs'),
  }
  runApp(paths, instance).catch((err: unknown) => {
    dialog.showErrorBox('Quire could not start.', toApiError(err).message)
    app.exit(1)
  })
}
