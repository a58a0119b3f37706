// ArchiveService: every operation the UI or CLI can ask of an archive. Transports (IPC,
// HTTP, CLI) call these methods; nothing else touches the store. A thin facade: it opens the
// archive, owns its lifecycle (daily backup, search index, close) and hands each operation to
// its area's operation module with the archive's core (core/archive-core.ts).
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
import * as captureOps from './articles/capture-operations.ts'
import { createCore } from './core/archive-core.ts'
import * as archiveOps from './core/archive-operations.ts'
import { startHousekeeping, type Housekeeping } from './core/housekeeping.ts'
import { followAsReader } from './core/reader-session.ts'
import type { ArchiveSnapshot } from './export/archive-snapshot.ts'
import type { BackupZipOptions, BackupZipResult } from './export/backup-zip.ts'
import {
  importCore,
  type ConfigurableImportCore,
  type ImportOptions,
  type OnlineOptions,
} from './import/import-core.ts'
import type { Upload } from './import/import-operations.ts'
import type { ArchiveSearch, IndexStatus } from './search/archive-search.ts'
import { IndexSlot, type IndexOptions } from './search/index-slot.ts'
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
import type { Following } from './store/follow-writer.ts'
import * as tagOps from './tags/tag-operations.ts'
import { watchSynced, type SyncWatch } from './core/sync-watch.ts'
import type { ReextractProgress, ReextractReport } from './reextract/reextract-operations.ts'
// Loaded on first use: a start that lists or searches never parses extraction, undici, feeds.
const fetchOps = () => import('./articles/fetch-articles.ts')
const exportOps = () => import('./export/export-operations.ts')
const feedOps = () => import('./feeds/feed-operations.ts')
const importOps = () => import('./import/import-operations.ts')
const reextractOps = () => import('./reextract/reextract-operations.ts')

export type { ImportOptions, OnlineOptions } from './import/import-core.ts'
export type { Upload } from './import/import-operations.ts'
export type { IndexOptions } from './search/index-slot.ts'

export class ArchiveService {
  #store: ArchiveStore
  /** How the archive was opened: again, when a read-only one takes over from its writer. */
  #openOptions: OpenOptions = {}
  /** Read-only because another Quire writes: following it (see store/follow-writer.ts). */
  #following: Following | null = null
  #housekeeping: Housekeeping | null = null
  /** The store, the write queue and imports' network settings, for the operation modules. */
  readonly #core: ConfigurableImportCore
  /** The search index worker, started on first use or by startIndex(). */
  readonly #index = new IndexSlot(() => this.#store)
  /** What the sync engine brings while the archive is open (core/sync-watch.ts). */
  #syncWatch: SyncWatch | undefined

  private constructor(store: ArchiveStore) {
    this.#store = store
    const core = createCore(() => this.#store, this.#index.changed.bind(this.#index))
    this.#core = importCore(core)
  }

  /** Open (or create) the archive in `root`. Throws QuireError for unreadable archives. */
  static async open(root: string, opts?: OpenOptions): Promise<ArchiveService> {
    const service = new ArchiveService(await openArchiveStore(root, opts))
    service.#openOptions = opts ?? {}
    if (service.#store.lockedByOther) service.#follow()
    service.#housekeeping = startHousekeeping(service.#core, service.#index)
    service.#syncWatch = watchSynced(service.#core)
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
    return this.#housekeeping?.swept ?? Promise.resolve(null)
  }

  /** Why this archive takes no writes here, in words; null while it does. */
  get readOnlyReason(): string | null {
    return this.#store.readOnlyReason
  }

  /** Damaged files met on open and what was done about each; empty when all was well. */
  get recoveries(): Recovery[] {
    return this.#store.recoveries
  }

  /** Start the index worker if not running (a read-only archive's own: search/index-slot.ts). */
  startIndex(opts?: IndexOptions): ArchiveSearch {
    return this.#index.start(opts)
  }

  /** Follow the Quire that holds the lock: its changes, then its lock. */
  #follow(): void {
    this.#following = followAsReader(this.#core, this.#openOptions, {
      store: () => this.#store,
      becomeWriter: async (next) => {
        this.#store = next
        // The temporary index goes; the archive's own takes over if one was running.
        if (await this.#index.close()) this.startIndex()
        this.#housekeeping?.stop()
        this.#housekeeping = startHousekeeping(this.#core, this.#index)
      },
    })
  }

  /** Sync: a look now (tests; a timer does it every 2 s), the sync state, merge events. */
  get sync(): Omit<SyncWatch, 'stop'> {
    if (!this.#syncWatch) throw new Error('The archive is not open')
    return this.#syncWatch
  }

  /** Look for the writer's changes and its lock now (tests; a timer does it every 2 s). */
  async followWriter(): Promise<void> {
    await this.#following?.poll()
  }

  get indexStatus(): IndexStatus | null {
    return this.#index.current?.status ?? null
  }

  /** Finish queued writes, stop the index, release the archive's lock. Idempotent. */
  async close(): Promise<void> {
    await this.#housekeeping?.close() // its last checkpoint while the index still runs
    this.#following?.stop()
    this.#syncWatch?.stop()
    await this.#core.idle()
    await this.#index.close()
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
    return articleOps.list(this.#core, this.#index.current, query)
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

  /** Fetch link records' text (or pages again), one result each; see fetch-articles.ts. */
  async fetchArticles(ids: string[], opts: ImportOptions = {}): Promise<ImportReport> {
    return (await fetchOps()).fetchArticles(this.#core, ids, opts)
  }

  /** The browser extension's captures, imported as saved pages (capture-operations.ts). */
  get captures(): captureOps.Captures {
    return captureOps.capturesOf(this.#core)
  }

  /** Metadata extracted again with today's rules; see reextract/reextract-record.ts. */
  async reextract(
    ids: string[] | 'all',
    onProgress?: (p: ReextractProgress) => void,
  ): Promise<ReextractReport> {
    return (await reextractOps()).reextractArticles(this.#core, ids, onProgress)
  }

  // Search (search/).

  /** Ranked full-text search with the query language of shared/search. */
  search(input: z.output<typeof SearchInputSchema>): Promise<SearchResults> {
    return searchOps.search(this.#core, () => this.startIndex(), input)
  }

  /** Tags, sources and authors whose name begins with what is typed in the search box. */
  suggest(input: searchOps.SuggestQuery): Promise<searchOps.Suggestion[]> {
    return searchOps.suggest(this.#index, input)
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
  async importPaths(paths: string[], opts: ImportOptions = {}): Promise<ImportReport> {
    return (await importOps()).importPaths(this.#core, paths, opts)
  }

  /** Import files whose bytes arrived over IPC or HTTP (the renderer's drop and picker). */
  async importUploads(uploads: Upload[], opts: ImportOptions = {}): Promise<ImportReport> {
    return (await importOps()).importUploads(this.#core, uploads, opts)
  }

  /** Import web pages by address (the user typed or pasted them: local addresses allowed). */
  async importUrls(urls: string[], opts: ImportOptions = {}): Promise<ImportReport> {
    return (await importOps()).importUrls(this.#core, urls, opts)
  }

  // Feed subscriptions (feeds/).

  async feeds(): Promise<Feed[]> {
    return (await feedOps()).feeds(this.#core)
  }

  /** Subscribe to a feed the user typed in and import its items. */
  async subscribeFeed(url: string, tags: string[] = []): Promise<FeedRefreshReport> {
    return (await feedOps()).subscribeFeed(this.#core, url, tags)
  }

  /** Refresh all subscriptions (or the given ones): new items are imported. */
  async refreshFeeds(ids?: string[]): Promise<FeedRefreshReport> {
    return (await feedOps()).refreshFeeds(this.#core, ids)
  }

  /** Stop following a feed; the articles it brought stay. */
  async unsubscribeFeed(id: string): Promise<{ count: number }> {
    return (await feedOps()).unsubscribeFeed(this.#core, id)
  }

  /** Add the subscriptions of an OPML file (without fetching them: refresh does that). */
  async importOpml(bytes: Uint8Array): Promise<{ added: number; feeds: Feed[] }> {
    return (await feedOps()).importOpml(this.#core, bytes)
  }

  async exportOpml(): Promise<string> {
    return (await feedOps()).exportOpml(this.#core)
  }

  // Exports that need the archive to hold still (export/).

  /** Runs `use` on a snapshot of the archive inside the write queue (Quire JSON export). */
  async snapshot<T>(use: (s: ArchiveSnapshot) => Promise<T>): Promise<T> {
    return (await exportOps()).snapshot(this.#core, use)
  }

  /** The backup zip of this archive at `outPath`, made in the write queue (no torn copy). */
  async backupZip(outPath: string, opts?: BackupZipOptions): Promise<BackupZipResult> {
    return (await exportOps()).backupZip(this.#core, outPath, opts)
  }
}
