// Starts the browser shell for an archive and keeps it running until SIGINT/SIGTERM.
// Shared by `npm run serve`, `quire serve` and `npm start` without Electron.
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { ArchiveService } from '../archive/service.ts'
import { archiveLayout, resolveArchiveRoot } from '../archive/store/layout.ts'
import { createHandlers } from '../api/handlers.ts'
import { startServer, type RunningServer } from './server.ts'
import { DEFAULT_CAPTURE_PORT } from '../../shared/capture.ts'
import { quireConfigDir } from './capture/config-dir.ts'
import { startCapture } from './capture/start-capture.ts'

export const RENDERER_DIR = fileURLToPath(new URL('../../dist/renderer/', import.meta.url))

export interface RunServeOptions {
  archive?: string | undefined
  port?: number | undefined
  /** Feed items and images may come from private addresses (tests serve them on 127.0.0.1). */
  allowLocalNetwork?: boolean
  /** Where the browser extension delivers captures; null: not at all. */
  capturePort?: number | null | undefined
}

export async function runServe(opts: RunServeOptions): Promise<RunningServer> {
  const root = resolveArchiveRoot(opts.archive)
  const service = await ArchiveService.open(root)
  // What was rebuilt on open, and why writes are refused: each said once, here.
  const told = new Set(service.recoveries.map((r) => r.message))
  for (const message of told) console.error(message)
  const reason = service.readOnlyReason
  if (reason && !told.has(reason)) console.error(reason)
  if (opts.allowLocalNetwork) service.configure({ allowLocalNetwork: true })
  // Handlers emit through the server, which needs the handlers first: break the cycle here.
  const ref: { server?: RunningServer } = {}
  const capturePort = opts.capturePort === undefined ? DEFAULT_CAPTURE_PORT : opts.capturePort
  const capture =
    capturePort === null
      ? null
      : await startCapture({
          archive: { ...service.captures, tags: () => service.tags() },
          port: capturePort,
          configDir: quireConfigDir(),
          openLink: (id) => ref.server?.openLink(id) ?? null,
          onChanged: () => ref.server?.emit('archive:changed', { reason: 'import' }),
        })
  const handlers = createHandlers(
    service,
    (event, payload) => ref.server?.emit(event, payload),
    undefined,
    capture ? { capture } : {},
  )
  const hasUi = existsSync(RENDERER_DIR)
  // A server that cannot start (a bad or taken port) must not leave the capture endpoint and
  // the archive holding the process open: both are closed before the error is said.
  const server = await startServer({
    handlers,
    // Uploads stream to disk and are imported from there (upload-spool.ts).
    uploads: async (files, tags) => {
      const report = await service.importUploads(files, {
        tags,
        onProgress: (p) => ref.server?.emit('import:progress', p),
      })
      ref.server?.emit('archive:changed', { reason: 'import' })
      return report
    },
    assetsDir: archiveLayout(root).assetsDir,
    ...(hasUi ? { staticDir: RENDERER_DIR } : {}),
    ...(opts.port !== undefined ? { port: opts.port } : {}),
  }).catch(async (err: unknown) => {
    await capture?.close()
    await service.close()
    throw err
  })
  ref.server = server
  // Start indexing at once, so the first search does not wait for a rebuild.
  service.startIndex({
    onStatus: (st) =>
      server.emit('index:progress', { state: st.state, done: st.done, total: st.total }),
  })
  if (!hasUi)
    console.log('The UI is not built (run `npm run build:renderer`); serving the API only.')
  console.log(`Quire is serving the archive ${root}`)
  console.log(`Open ${server.appUrl}`)
  if (capture?.server) console.log(`Browser extension captures: ${capture.server.address}`)
  const stop = () => {
    void Promise.all([server.close(), capture?.close()]).then(() => process.exit(0))
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
  return server
}
