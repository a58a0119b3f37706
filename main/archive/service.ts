// ArchiveService: every operation the UI or CLI can ask of an archive. Transports (IPC,
// HTTP, CLI) call these methods; nothing else touches the store. A thin facade: it opens the
// archive, owns its lifecycle (daily backup, search index, close) and hands each operation to
// its area's operation module with the archive's core (core/archive-core.ts).
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { z } from 'zod'
import type {
  AnnotationChange,
  ArchiveInfo,
  ArticlePage,
  ArticlePatch,
  ArticleWithBody,
  BulkChange,
  FeedRefreshReport,
  ListQuerySchema,
  NewAnnotation,
  NotebookPage,
  NotebookQuerySchema,
  RepairCandidate,
  SearchInputSchema,
  SearchResults,
} from '../../shared/api.ts'
import type {
  Annotation,
  ArchiveOptions,
  Article,
  Feed,
  ImportReport,
  SavedSearch,
  TagWithCount,
} from '../../shared/model.ts'
import * as annotationOps from './annotations/annotation-operations.ts'
import * as articleOps from './articles/article-operations.ts'
import { fetchArticles } from './articles/fetch-articles.ts'
import { createCore } from './core/archive-core.ts'
import * as archiveOps from './core/archive-operations.ts'
import * as exportOps from './export/export-operations.ts'
import type { ArchiveSnapshot } from './export/archive-snapshot.ts'
import type { BackupZipOptions, BackupZipResult } from './export/backup-zip.ts'
import * as feedOps from './feeds/feed-operations.ts'
import {
  importCore,
  type ConfigurableImportCore,
  type ImportOptions,
  type OnlineOptions,
} from './import/import-core.ts'
import { importPaths, importUploads, importUrls, type Upload } from './import/import-operations.ts'
import { ArchiveSearch, type IndexStatus } from './search/archive-search.ts'
import type { IndexHost } from './search/index-host.ts'
import type { SavedSearchInput } from './search/saved-searches.ts'
import * as searchOps from './search/search-operations.ts'
import {
  openArchiveStore,
  type ArchiveStore,
  type BackupInfo,
  type OpenOptions,
  type Recovery,
  type SweepResult,
} from './store/archive-store.ts'
import { followWriter, type Following } from './store/follow-writer.ts'
import * as tagOps from './tags/tag-operations.ts'
import {
  reextractArticles,
  type ReextractProgress,
  type ReextractReport,
} from './reextract/reextract-operations.ts'

/** How often an open archive checks whether its daily backup is due. */
const BACKUP_CHECK_MS = 60 * 60 * 1000

export type { ImportOptions, OnlineOptions } from './import/import-core.ts'
export type { Upload } from './import/import-operations.ts'

export interface IndexOptions {
  /** Where the index worker runs; by default a child process (the Electron app passes a
   * utility process running its bundled worker). */
  host?: IndexHost
  onStatus?: (s: IndexStatus) => void
}

export class ArchiveService {
  #store: ArchiveStore
  /** How the archive was opened: again, when a read-only one takes over from its writer. */
  #openOptions: OpenOptions = {}
  /** Read-only because another Quire writes: following it (see store/follow-writer.ts). */
  #following: Following | null = null
  /** A read-only archive's own search index folder (temporary; removed on close). */
  #tempIndexDir: string | null = null
  #swept: Promise<SweepResult | null> = Promise.resolve(null)
  /** The store, the write queue and imports' network settings, for the operation modules. */
  readonly #core: ConfigurableImportCore
  /** The search index worker, started on first use or by startIndex(). */
  #search: ArchiveSearch | null = null
  #indexOptions: IndexOptions = {}
  #backupTimer: ReturnType<typeof setInterval> | null = null

  private constructor(store: ArchiveStore) {
    this.#store = store
    // A running index hears of every write; a stopped one catches up by shard stamps on start.
    const core = createCore(
      () => this.#store,
      (changed, removed) => void this.#search?.changed(changed, removed),
    )
    this.#core = importCore(core)
  }

  /** Open (or create) the archive in `root`. Throws QuireError for unreadable archives. */
  static async open(root: string, opts?: OpenOptions): Promise<ArchiveService> {
    const service = new ArchiveService(await openArchiveStore(root, opts))
    service.#openOptions = opts ?? {}
    if (service.#store.lockedByOther) service.#follow()
    const core = service.#core
    // The daily backup goes first in the write queue: open stays fast (a backup of 100k
    // articles takes seconds), and no write of this session lands before it.
    void core.exclusive(() => service.#store.backupIfDue())
    // Then what earlier sessions left without an owner (a killed import's bodies, a killed
    // empty-trash's), before this session writes anything.
    service.#swept = core.exclusive(() => service.#store.sweep()).catch(() => null)
    // An app left open for days still makes its daily backup.
    service.#backupTimer = setInterval(
      () => void core.exclusive(() => service.#store.backupIfDue()),
      BACKUP_CHECK_MS,
    )
    service.#backupTimer.unref()
    return service
  }

  /** Network access, image storage and the local-network setting (see OnlineOptions). */
  configure(online: Partial<OnlineOptions>): void {
    this.#core.configure(online)
  }

  get root(): string {
    return this.#store.layout.root
  }

  /** The sweep of files no record owns, made after open (null when read-only). */
  get swept(): Promise<SweepResult | null> {
    return this.#swept
  }

  /** Why this archive takes no writes here, in words; null while it does. */
  get readOnlyReason(): string | null {
    return this.#store.readOnlyReason
  }

  /** Damaged files met on open and what was done about each; empty when all was well. */
  get recoveries(): Recovery[] {
    return this.#store.recoveries
  }

  /**
   * Start the index worker (syncing it with the catalog in the background) if not running.
   * A read-only archive gets a temporary index of its own: the writer's is the writer's.
   */
  startIndex(opts?: IndexOptions): ArchiveSearch {
    if (opts) this.#indexOptions = opts
    if (!this.#search && this.#store.readOnly) {
      this.#tempIndexDir ??= mkdtempSync(join(tmpdir(), 'quire-index-'))
      const indexPath = join(this.#tempIndexDir, 'search.sqlite')
      this.#search = new ArchiveSearch(this.#store.layout, { ...this.#indexOptions, indexPath })
    }
    this.#search ??= new ArchiveSearch(this.#store.layout, this.#indexOptions)
    return this.#search
  }

  /** Follow the Quire that holds the lock: its changes, then its lock (follow-writer.ts). */
  #follow(): void {
    this.#following = followWriter(this.root, this.#openOptions, {
      store: () => this.#store,
      exclusive: (fn) => this.#core.exclusive(fn),
      changed: (ids) => {
        const present = ids.flatMap((id) => this.#store.catalog.get(id) ?? [])
        this.#core.resetDuplicates()
        this.#core.indexChanged(
          present,
          ids.filter((id) => !this.#store.catalog.has(id)),
        )
      },
      promote: async (next) => {
        this.#store = next
        this.#core.resetDuplicates()
        // The temporary index goes; the archive's own takes over if one was running.
        const wasRunning = this.#search !== null
        await this.#search?.close()
        this.#search = null
        this.#dropTempIndex()
        if (wasRunning) this.startIndex()
        void this.#core.exclusive(() => this.#store.backupIfDue())
        this.#swept = this.#core.exclusive(() => this.#store.sweep()).catch(() => null)
      },
    })
  }

  /** Look for the writer's changes and its lock now (tests; a timer does it every 2 s). */
  async followWriter(): Promise<void> {
    await this.#following?.poll()
  }

  #dropTempIndex(): void {
    if (this.#tempIndexDir) rmSync(this.#tempIndexDir, { recursive: true, force: true })
    this.#tempIndexDir = null
  }

  get indexStatus(): IndexStatus | null {
    return this.#search?.status ?? null
  }

  /** Finish queued writes, stop the index, release the archive's lock. Idempotent. */
  async close(): Promise<void> {
    if (this.#backupTimer) clearInterval(this.#backupTimer)
    this.#backupTimer = null
    this.#following?.stop()
    await this.#core.idle()
    await this.#search?.close()
    this.#search = null
    this.#dropTempIndex()
    await this.#store.close()
  }

  // The archive as a whole (core/archive-operations.ts).

  /** A verified backup of quire.json + catalog/ now (one is also made daily on open). */
  backup(): Promise<BackupInfo> {
    return archiveOps.backup(this.#core)
  }

  info(): Promise<ArchiveInfo> {
    return archiveOps.info(this.#core)
  }

  /** The archive's options (quire.json), such as "allow local network sources". */
  options(): Promise<ArchiveOptions> {
    return archiveOps.options(this.#core)
  }

  setOptions(change: Partial<ArchiveOptions>): Promise<ArchiveOptions> {
    return archiveOps.setOptions(this.#core, change)
  }

  // Articles (articles/).

  /** A page of the library: from the search index once it is ready, else a catalog scan. */
  list(query: z.output<typeof ListQuerySchema>): Promise<ArticlePage> {
    return articleOps.list(this.#core, this.#search, query)
  }

  /** The sources in the archive outside the trash, most articles first (then by name). */
  sources(): Promise<{ name: string; count: number }[]> {
    return articleOps.sources(this.#core)
  }

  /** The record, its body, and where each annotation lands in the body as it is now. */
  get(id: string): Promise<ArticleWithBody> {
    return articleOps.get(this.#core, id)
  }

  /** An earlier body of an article (see fetchArticles), with the article as it is now. */
  getVersion(id: string, n: number): Promise<ArticleWithBody> {
    return articleOps.getVersion(this.#core, id, n)
  }

  update(id: string, patch: ArticlePatch): Promise<Article> {
    return articleOps.update(this.#core, id, patch)
  }

  /** One change to many articles: one catalog flush, one message to the index. */
  bulkUpdate(ids: string[], change: BulkChange): Promise<{ count: number }> {
    return articleOps.bulkUpdate(this.#core, ids, change)
  }

  /** Merge copies of one article into the first; the others go to the trash. */
  mergeArticles(ids: string[]): Promise<Article> {
    return articleOps.mergeArticles(this.#core, ids)
  }

  /** Move articles to the trash; they stay on disk until the trash is emptied. */
  delete(ids: string[]): Promise<{ count: number }> {
    return articleOps.setDeleted(this.#core, ids, true)
  }

  restore(ids: string[]): Promise<{ count: number }> {
    return articleOps.setDeleted(this.#core, ids, false)
  }

  /** Remove trashed articles and their bodies for good. */
  emptyTrash(): Promise<{ count: number }> {
    return articleOps.emptyTrash(this.#core)
  }

  /**
   * Fetch the text of link records (or fetch pages again): the earlier body is kept as a
   * version and annotations are carried onto the new text. One result per article.
   */
  fetchArticles(ids: string[], opts: ImportOptions = {}): Promise<ImportReport> {
    return fetchArticles(this.#core, ids, opts)
  }

  /**
   * Metadata extracted again with today's rules over every article (or the ones named),
   * keeping fields edited by hand; see reextract/reextract-record.ts.
   */
  reextract(
    ids: string[] | 'all',
    onProgress?: (p: ReextractProgress) => void,
  ): Promise<ReextractReport> {
    return reextractArticles(this.#core, ids, onProgress, (changed) =>
      this.#core.indexChanged(changed),
    )
  }

  // Search (search/).

  /** Ranked full-text search with the query language of shared/search. */
  search(input: z.output<typeof SearchInputSchema>): Promise<SearchResults> {
    return searchOps.search(this.#core, () => this.startIndex(), input)
  }

  savedSearches(): Promise<SavedSearch[]> {
    return searchOps.savedSearches(this.#core)
  }

  /** Save (or, with an id, update) a named search; refuses a query that does not parse. */
  saveSearch(input: SavedSearchInput): Promise<SavedSearch> {
    return searchOps.saveSearch(this.#core, input)
  }

  deleteSearch(id: string): Promise<{ count: number }> {
    return searchOps.deleteSearch(this.#core, id)
  }

  // Tags (tags/).

  tags(): Promise<TagWithCount[]> {
    return tagOps.listTags(this.#core)
  }

  /** Rename a tag on every article (nested children too); merges into `to` when it exists. */
  renameTag(from: string, to: string): Promise<{ count: number }> {
    return tagOps.renameTag(this.#core, from, to)
  }

  mergeTags(from: string[], into: string): Promise<{ count: number }> {
    return tagOps.mergeTags(this.#core, from, into)
  }

  deleteTag(name: string): Promise<{ count: number }> {
    return tagOps.deleteTag(this.#core, name)
  }

  setTagColor(name: string, color: string): Promise<{ count: number }> {
    return tagOps.setTagColor(this.#core, name, color)
  }

  // Annotations and notes (annotations/).

  /** Highlight a range of the body's normalised text. Throws INVALID_INPUT for a bad range. */
  createAnnotation(input: NewAnnotation): Promise<Annotation> {
    return annotationOps.createAnnotation(this.#core, input)
  }

  updateAnnotation(articleId: string, id: string, change: AnnotationChange): Promise<Annotation> {
    return annotationOps.updateAnnotation(this.#core, articleId, id, change)
  }

  deleteAnnotation(articleId: string, id: string): Promise<{ count: number }> {
    return annotationOps.deleteAnnotation(this.#core, articleId, id)
  }

  /** Undo of a delete: puts the annotation back as it was, same id, replacing any copy. */
  restoreAnnotation(articleId: string, annotation: Annotation): Promise<Annotation> {
    return annotationOps.restoreAnnotation(this.#core, articleId, annotation)
  }

  /** The note on the article as a whole (not on a highlight). */
  setNote(id: string, note: string): Promise<Article> {
    return annotationOps.setNote(this.#core, id, note)
  }

  /** The notebook: every annotation, filtered, grouped by article. */
  listAnnotations(query: z.output<typeof NotebookQuerySchema>): Promise<NotebookPage> {
    return annotationOps.notebook(this.#core, query)
  }

  /** The best passage for each orphaned annotation of an article. */
  annotationCandidates(articleId: string): Promise<RepairCandidate[]> {
    return annotationOps.annotationCandidates(this.#core, articleId)
  }

  /** A confirmed repair: the annotation anchored anew on `start`–`end` of the current text. */
  reanchorAnnotation(
    articleId: string,
    id: string,
    start: number,
    end: number,
  ): Promise<Annotation> {
    return annotationOps.reanchorAnnotation(this.#core, articleId, id, start, end)
  }

  // Imports (import/).

  /** Import files and folders from disk (CLI, app menu, drag and drop in Electron). */
  importPaths(paths: string[], opts: ImportOptions = {}): Promise<ImportReport> {
    return importPaths(this.#core, paths, opts)
  }

  /** Import files whose bytes arrived over IPC or HTTP (the renderer's drop and picker). */
  importUploads(uploads: Upload[], opts: ImportOptions = {}): Promise<ImportReport> {
    return importUploads(this.#core, uploads, opts)
  }

  /** Import web pages by address (the user typed or pasted them: local addresses allowed). */
  importUrls(urls: string[], opts: ImportOptions = {}): Promise<ImportReport> {
    return importUrls(this.#core, urls, opts)
  }

  // Feed subscriptions (feeds/).

  feeds(): Promise<Feed[]> {
    return feedOps.feeds(this.#core)
  }

  /** Subscribe to a feed the user typed in and import its items. */
  subscribeFeed(url: string, tags: string[] = []): Promise<FeedRefreshReport> {
    return feedOps.subscribeFeed(this.#core, url, tags)
  }

  /** Refresh all subscriptions (or the given ones): new items are imported. */
  refreshFeeds(ids?: string[]): Promise<FeedRefreshReport> {
    return feedOps.refreshFeeds(this.#core, ids)
  }

  /** Stop following a feed; the articles it brought stay. */
  unsubscribeFeed(id: string): Promise<{ count: number }> {
    return feedOps.unsubscribeFeed(this.#core, id)
  }

  /** Add the subscriptions of an OPML file (without fetching them: refresh does that). */
  importOpml(bytes: Uint8Array): Promise<{ added: number; feeds: Feed[] }> {
    return feedOps.importOpml(this.#core, bytes)
  }

  exportOpml(): Promise<string> {
    return feedOps.exportOpml(this.#core)
  }

  // Exports that need the archive to hold still (export/).

  /** Runs `use` on a snapshot of the archive inside the write queue (Quire JSON export). */
  snapshot<T>(use: (s: ArchiveSnapshot) => Promise<T>): Promise<T> {
    return exportOps.snapshot(this.#core, use)
  }

  /** The backup zip of this archive at `outPath`, made in the write queue (no torn copy). */
  backupZip(outPath: string, opts?: BackupZipOptions): Promise<BackupZipResult> {
    return exportOps.backupZip(this.#core, outPath, opts)
  }
}
