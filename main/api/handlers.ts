// The contract's operations bound to an ArchiveService. One mapped object, so an operation
// without a handler is a type error. Used by every transport (IPC, HTTP).
import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import type { DesktopSettings, Handlers } from '../../shared/api.ts'
import { QuireError } from '../../shared/errors.ts'
import type { EventName, EventPayload } from '../../shared/events.ts'
import type { PairingCode } from '../../shared/capture.ts'
import type { ArchiveService } from '../archive/service.ts'
import { previewExport, runExport } from '../archive/export/export-runner.ts'
import { throttledProgress } from '../archive/export/export-progress.ts'
import { syncMergedEvent, syncStatusView } from '../archive/store/sync/sync-status.ts'

export type Emit = <E extends EventName>(event: E, payload: EventPayload<E>) => void

/** What only the desktop app can do; the browser shell leaves these out. */
export interface AppActions {
  chooseArchive(): Promise<{ changed: boolean }>
  /** A complete HTML document as PDF bytes (Electron's printToPDF); absent in the browser. */
  printToPdf?(html: string): Promise<Uint8Array>
  /** The page answered an `app:flush` request; false when no such request is waiting. */
  flushed?(id: number): boolean
  /** The desktop app's own settings (spellcheck). */
  settings?(): DesktopSettings
  updateSettings?(change: { spellcheck: boolean }): DesktopSettings
  /** Show a folder of the archive in the file manager; false when it could not. */
  openFolder?(path: string): Promise<boolean>
}

export interface HandlerOptions {
  /** Aborted when the app quits: imports stop between items and keep what they stored. */
  signal?: AbortSignal
  /** The capture endpoint for the browser extension, where this Quire runs one. */
  capture?: { pairingCode(): PairingCode }
}

export const BROWSER_ARCHIVE_MESSAGE = 'Start Quire with --archive DIR to use another folder.'

export function createHandlers(
  service: ArchiveService,
  emit: Emit,
  app?: AppActions,
  opts: HandlerOptions = {},
): Handlers {
  const changed = (reason: string) => emit('archive:changed', { reason })
  const signal = opts.signal ? { signal: opts.signal } : {}
  service.sync.onMerged((report) => {
    emit('sync:merged', syncMergedEvent(report))
    if (report.changed.length) changed('sync')
  })
  return {
    'archive:info': () => service.info(),
    'articles:sources': () => service.sources(),
    'articles:list': (q) => service.list(q),
    'articles:get': ({ id }) => service.get(id),
    'articles:update': async ({ id, patch }) => {
      const article = await service.update(id, patch)
      changed('update')
      return article
    },
    'articles:delete': async ({ ids }) => withChange(service.delete(ids), changed, 'delete'),
    'articles:restore': async ({ ids }) => withChange(service.restore(ids), changed, 'restore'),
    'trash:empty': async () => withChange(service.emptyTrash(), changed, 'trash'),
    'articles:setNote': async ({ id, note }) =>
      withChange(service.setNote(id, note), changed, 'note'),
    'annotations:create': async (input) =>
      withChange(service.createAnnotation(input), changed, 'annotations'),
    'annotations:update': async ({ articleId, id, ...change }) =>
      withChange(service.updateAnnotation(articleId, id, change), changed, 'annotations'),
    'annotations:delete': async ({ articleId, id }) =>
      withChange(service.deleteAnnotation(articleId, id), changed, 'annotations'),
    'annotations:restore': async ({ articleId, annotation }) =>
      withChange(service.restoreAnnotation(articleId, annotation), changed, 'annotations'),
    'annotations:list': (query) => service.listAnnotations(query),
    'annotations:candidates': ({ articleId }) => service.annotationCandidates(articleId),
    'annotations:reanchor': async ({ articleId, id, start, end }) =>
      withChange(service.reanchorAnnotation(articleId, id, start, end), changed, 'annotations'),
    'import:upload': async ({ files, tags }) => {
      const uploads = files.map((f) => ({
        name: f.name,
        bytes: Buffer.from(f.dataBase64, 'base64'),
      }))
      const report = await service.importUploads(uploads, {
        tags,
        onProgress: (p) => emit('import:progress', p),
        ...signal,
      })
      changed('import')
      return report
    },
    'articles:bulkUpdate': async ({ ids, change }) =>
      withChange(service.bulkUpdate(ids, change), changed, 'update'),
    'tags:list': () => service.tags(),
    'tags:rename': async ({ from, to }) => withChange(service.renameTag(from, to), changed, 'tags'),
    'tags:merge': async ({ from, into }) =>
      withChange(service.mergeTags(from, into), changed, 'tags'),
    'tags:setColor': async ({ name, color }) =>
      withChange(service.setTagColor(name, color), changed, 'tags'),
    'tags:delete': async ({ name }) => withChange(service.deleteTag(name), changed, 'tags'),
    'articles:search': (input) => service.search(input),
    'search:suggest': (input) => service.suggest(input),
    'searches:list': () => service.savedSearches(),
    'searches:save': async (input) => {
      const saved = await service.saveSearch(input)
      changed('searches')
      return saved
    },
    'searches:delete': async ({ id }) => withChange(service.deleteSearch(id), changed, 'searches'),
    'index:status': async () => service.indexStatus ?? { state: 'stopped', done: 0, total: 0 },
    'import:urls': async ({ urls, tags }) => {
      const report = await service.importUrls(urls, {
        tags,
        onProgress: (p) => emit('import:progress', p),
        ...signal,
      })
      changed('import')
      return report
    },
    'articles:fetch': async ({ ids }) => {
      const report = await service.fetchArticles(ids, {
        onProgress: (p) => emit('import:progress', p),
        ...signal,
      })
      changed('fetch')
      return report
    },
    'articles:reextract': async ({ ids }) => {
      const report = await service.reextract(ids ?? 'all', (p) => emit('import:progress', p))
      if (report.changed) changed('reextract')
      return report
    },
    'articles:getVersion': ({ id, n }) => service.getVersion(id, n),
    'articles:merge': async ({ ids }) => withChange(service.mergeArticles(ids), changed, 'merge'),
    'options:get': () => service.options(),
    'options:set': async (change) => withChange(service.setOptions(change), changed, 'options'),
    'feeds:list': () => service.feeds(),
    'feeds:subscribe': async ({ url, tags }) =>
      withChange(service.subscribeFeed(url, tags), changed, 'feeds'),
    'feeds:refresh': async ({ ids }) => withChange(service.refreshFeeds(ids), changed, 'feeds'),
    'feeds:unsubscribe': async ({ id }) =>
      withChange(service.unsubscribeFeed(id), changed, 'feeds'),
    'feeds:importOpml': async ({ text }) =>
      withChange(service.importOpml(new TextEncoder().encode(text)), changed, 'feeds'),
    'feeds:exportOpml': async () => ({ opml: await service.exportOpml() }),
    'export:preview': (input) => previewExport(service, input),
    'export:run': async (input) => {
      const print = app?.printToPdf ? (html: string) => app.printToPdf!(html) : undefined
      const onProgress = throttledProgress((p) => emit('export:progress', p), 250)
      const { bytes, ...file } = await runExport(service, input, print, { onProgress })
      return { ...file, dataBase64: Buffer.from(bytes).toString('base64') }
    },
    'sync:status': async () => syncStatusView(await service.sync.status()),
    'sync:revealUnmerged': async () => {
      if (!app?.openFolder) return { opened: false }
      const dir = join(service.root, (await service.sync.status()).unmergedFolder)
      await mkdir(dir, { recursive: true })
      return { opened: await app.openFolder(dir) }
    },
    'app:chooseArchive': async () => {
      if (!app) throw new QuireError('UNSUPPORTED', BROWSER_ARCHIVE_MESSAGE)
      return app.chooseArchive()
    },
    // The browser shell never asks the page to flush; an answer there is simply not known.
    'app:flushed': async ({ id }) => ({ known: app?.flushed?.(id) ?? false }),
    'capture:pairingCode': async () => {
      if (!opts.capture)
        throw new QuireError('UNSUPPORTED', 'This Quire does not listen for the browser extension.')
      return opts.capture.pairingCode()
    },
    'app:getSettings': async () => app?.settings?.() ?? { desktop: false, spellcheck: false },
    'app:setSettings': async (change) => {
      if (!app?.updateSettings) {
        throw new QuireError('UNSUPPORTED', 'Spelling is checked by your browser here.')
      }
      return app.updateSettings(change)
    },
  }
}

async function withChange<T>(p: Promise<T>, changed: (r: string) => void, reason: string) {
  const value = await p
  changed(reason)
  return value
}
