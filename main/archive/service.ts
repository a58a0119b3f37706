// ArchiveService: every operation the UI or CLI can ask of an archive. Transports (IPC,
// HTTP, CLI) call these methods; nothing else touches the store.
import { readFile, stat } from 'node:fs/promises'
import { basename } from 'node:path'
import type { z } from 'zod'
import type {
  AnnotationChange,
  ArchiveInfo,
  ArticlePage,
  ArticlePatch,
  BulkChange,
  ArticleWithBody,
  FeedRefreshReport,
  ListQuerySchema,
  NewAnnotation,
  NotebookPage,
  NotebookQuerySchema,
  RepairCandidate,
  SearchInputSchema,
  SearchResults,
} from '../../shared/api.ts'
import { QuireError } from '../../shared/errors.ts'
import type {
  Annotation,
  ArchiveOptions,
  Article,
  Feed,
  ArticleSummary,
  ImportReport,
  SavedSearch,
  ImportResult,
  TagWithCount,
} from '../../shared/model.ts'
import { emptyQuery, isEmptyQuery } from '../../shared/search/query.ts'
import { collectSources } from './import/sources.ts'
import { runImport, type ImportItem, type PipelineContext } from './import/pipeline.ts'
import { DedupeIndex } from './import/dedupe-index.ts'
import { mergeDuplicate } from './import/merge-duplicate.ts'
import { siblingReader } from './import/sibling-reader.ts'
import { mergedArticles } from './merge-articles.ts'
import { AssetStore } from './store/asset-store.ts'
import { assetLocaliser, webNet } from './online.ts'
import { listArticles } from './query/list-articles.ts'
import { toSummary } from '../../shared/library-view.ts'
import {
  openArchiveStore,
  type ArchiveStore,
  type BackupInfo,
  type OpenOptions,
  type Recovery,
} from './store/archive-store.ts'
import { failUnsavedImports } from './store/write-failure.ts'
import { parseQueryOrThrow, upsertSavedSearch, type SavedSearchInput } from './saved-searches.ts'
import { applyBulk } from './tag-edits.ts'
import { patchedArticle } from './article-patch.ts'
import {
  deleteTag,
  listTags,
  mergeTags,
  setTagColor,
  type TagEditContext,
} from './tag-operations.ts'
import { ArchiveSearch, type IndexStatus } from './search/archive-search.ts'
import { SearchSuggestions } from './search/suggest.ts'
import type { SuggestInputSchema, Suggestion } from '../../shared/suggest.ts'
import type { IndexHost } from './search/index-host.ts'
import { htmlToText } from '../../shared/html-text.ts'
import { anchorAll } from './annotations.ts'
import {
  importReport,
  type ArchiveCore,
  type ImportOptions,
  type OnlineOptions,
} from './archive-core.ts'
import * as web from './web-imports.ts'
import * as notes from './annotation-operations.ts'
import * as feedOps from './feeds/feed-operations.ts'
import { listAnnotations } from './notebook.ts'
import {
  reextractArticles,
  type ReextractProgress,
  type ReextractReport,
} from './reextract/reextract-operation.ts'
import { snapshotOfStore, type ArchiveSnapshot } from './export/archive-snapshot.ts'
import {
  createBackupZip,
  type BackupZipOptions,
  type BackupZipResult,
} from './export/backup-zip.ts'

/** How often an open archive checks whether its daily backup is due. */
const BACKUP_CHECK_MS = 60 * 60 * 1000

export type { ImportOptions, OnlineOptions } from './archive-core.ts'

export interface IndexOptions {
  /** Where the index worker runs; by default a child process (the Electron app passes a
   * utility process running its bundled worker). */
  host?: IndexHost
  onStatus?: (s: IndexStatus) => void
}

type SearchInput = z.output<typeof SearchInputSchema>

export interface Upload {
  name: string
  bytes: Uint8Array
}

export class ArchiveService {
  readonly #store: ArchiveStore
  /** Content hashes, addresses and feed guids, for duplicates; built on the first import. */
  #dedupeIndex: DedupeIndex | null = null
  #queue: Promise<unknown> = Promise.resolve()
  /** The search index worker, started on first use or by startIndex(). */
  #search: ArchiveSearch | null = null
  #indexOptions: IndexOptions = {}
  #backupTimer: ReturnType<typeof setInterval> | null = null
  /** Network and asset access for imports; configure() changes it (tests bring fakes). */
  #online: OnlineOptions
  readonly #core: ArchiveCore
  /** Counted on first use, again after each change (#indexChanged). */
  readonly #suggestions = new SearchSuggestions(() => this.#store.catalog.all())

  private constructor(store: ArchiveStore) {
    this.#store = store
    const assets = new AssetStore(store.layout, { assertWritable: () => store.assertWritable() })
    this.#online = { net: webNet, localiseImages: assetLocaliser(assets), allowLocalNetwork: false }
    this.#core = this.#makeCore()
  }

  /** Open (or create) the archive in `root`. Throws QuireError for unreadable archives. */
  static async open(root: string, opts?: OpenOptions): Promise<ArchiveService> {
    const service = new ArchiveService(await openArchiveStore(root, opts))
    // The daily backup goes first in the write queue: open stays fast (a backup of 100k
    // articles takes seconds), and no write of this session lands before it.
    void service.#exclusive(() => service.#store.backupIfDue())
    // An app left open for days still makes its daily backup.
    service.#backupTimer = setInterval(
      () => void service.#exclusive(() => service.#store.backupIfDue()),
      BACKUP_CHECK_MS,
    )
    service.#backupTimer.unref()
    return service
  }

  /** Network access, image storage and the local-network setting (see OnlineOptions). */
  configure(online: Partial<OnlineOptions>): void {
    this.#online = { ...this.#online, ...online }
  }

  get root(): string {
    return this.#store.layout.root
  }

  /** Damaged files met on open and what was done about each; empty when all was well. */
  get recoveries(): Recovery[] {
    return this.#store.recoveries
  }

  /** A verified backup of quire.json + catalog/ now (one is also made daily on open). */
  async backup(): Promise<BackupInfo> {
    return this.#write(() => this.#store.backup())
  }

  async info(): Promise<ArchiveInfo> {
    let articleCount = 0
    let trashCount = 0
    for (const a of this.#store.catalog.all()) {
      if (a.deletedAt === null) articleCount++
      else trashCount++
    }
    return {
      name: basename(this.root),
      schemaVersion: this.#store.manifest.data.schemaVersion,
      articleCount,
      trashCount,
      readOnly: this.#store.readOnly,
    }
  }

  /**
   * A page of the library. Served by the search index once it is in step with the catalog;
   * until then (and for the substring `text` filter) by a scan of the in-memory catalog.
   */
  async list(query: z.output<typeof ListQuerySchema>): Promise<ArticlePage> {
    if (this.#search?.status.state !== 'ready' || query.text) {
      return listArticles(this.#store.catalog.all(), query)
    }
    const q = emptyQuery()
    if (query.tag) q.tags.push(query.tag)
    if (query.status) q.is[query.status] = true
    const page = await this.#search.search(
      q,
      query.view,
      query.sort,
      query.order,
      query.offset,
      query.limit,
    )
    return { items: this.#summaries(page.ids), total: page.total, offset: query.offset }
  }

  /** The sources in the archive outside the trash, most articles first (then by name). */
  async sources(): Promise<{ name: string; count: number }[]> {
    const counts = new Map<string, number>()
    for (const a of this.#store.catalog.all())
      if (a.source && !a.deletedAt) counts.set(a.source, (counts.get(a.source) ?? 0) + 1)
    return [...counts]
      .map(([name, count]) => ({ name, count }))
      .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name))
      .slice(0, 2000)
  }

  /** Tags, sources and authors for the search box's suggestions (search/suggest.ts). */
  async suggest(input: z.output<typeof SuggestInputSchema>): Promise<Suggestion[]> {
    return this.#suggestions.suggest(input.prefix, input.kinds, input.limit)
  }

  /** Ranked full-text search with the query language of shared/search. */
  async search(input: SearchInput): Promise<SearchResults> {
    const query = parseQueryOrThrow(input.query)
    const engine = this.startIndex()
    await engine.whenReady()
    if (engine.status.state === 'failed') {
      throw new QuireError('IO', `The search index could not be built: ${engine.status.message}`)
    }
    const sort = input.sort === 'relevance' && isEmptyQuery(query) ? 'imported' : input.sort
    const page = await engine.search(
      query,
      input.view,
      sort,
      input.order,
      input.offset,
      input.limit,
    )
    const items = this.#summaries(page.ids).map((a) =>
      page.snippets[a.id] ? { ...a, snippet: page.snippets[a.id]!.replace(/\s+/g, ' ') } : a,
    )
    return {
      items,
      total: page.total,
      offset: input.offset,
      ...(page.newestFirst ? { orderedBy: 'newest' as const } : {}),
    }
  }

  async savedSearches(): Promise<SavedSearch[]> {
    return this.#store.manifest.data.savedSearches
  }

  /** Save (or, with an id, update) a named search; refuses a query that does not parse. */
  async saveSearch(input: SavedSearchInput): Promise<SavedSearch> {
    parseQueryOrThrow(input.query)
    return this.#write(async () => {
      const manifest = this.#store.manifest
      const next = upsertSavedSearch(manifest.data.savedSearches, input, new Date().toISOString())
      manifest.data.savedSearches = next.list
      await manifest.write()
      return next.saved
    })
  }

  async deleteSearch(id: string): Promise<{ count: number }> {
    return this.#write(async () => {
      const list = this.#store.manifest.data.savedSearches
      const kept = list.filter((s) => s.id !== id)
      if (kept.length === list.length) return { count: 0 }
      this.#store.manifest.data.savedSearches = kept
      await this.#store.manifest.write()
      return { count: 1 }
    })
  }

  /** Start the index worker (syncing it with the catalog in the background) if not running. */
  startIndex(opts?: IndexOptions): ArchiveSearch {
    if (opts) this.#indexOptions = opts
    this.#search ??= new ArchiveSearch(this.#store.layout, this.#indexOptions)
    return this.#search
  }

  get indexStatus(): IndexStatus | null {
    return this.#search?.status ?? null
  }

  /** Finish queued writes, stop the index, release the archive's lock. Idempotent. */
  async close(): Promise<void> {
    if (this.#backupTimer) clearInterval(this.#backupTimer)
    this.#backupTimer = null
    await this.#queue
    await this.#search?.close()
    this.#search = null
    await this.#store.close()
  }

  #dedupe(): DedupeIndex {
    this.#dedupeIndex ??= DedupeIndex.of(this.#store.catalog.all())
    return this.#dedupeIndex
  }

  #summaries(ids: string[]): ArticleSummary[] {
    return ids.flatMap((id) => {
      const a = this.#store.catalog.get(id)
      return a ? [toSummary(a)] : []
    })
  }

  /** Tell a running index what changed; a stopped one catches up by shard stamps on start. */
  #indexChanged(articles: Article[], removed: string[] = []): void {
    this.#suggestions.changed()
    void this.#search?.changed(articles, removed)
  }

  /** The record, its body, and where each annotation lands in the body as it is now. */
  async get(id: string): Promise<ArticleWithBody> {
    const article = this.#require(id)
    const body = await this.#body(article)
    return { article, body, anchors: anchorAll(htmlToText(body), article.annotations) }
  }

  /** Highlight a range of the body's normalised text. Throws INVALID_INPUT for a bad range. */
  async createAnnotation(input: NewAnnotation): Promise<Annotation> {
    return notes.createAnnotation(this.#core, input)
  }

  async updateAnnotation(
    articleId: string,
    id: string,
    change: AnnotationChange,
  ): Promise<Annotation> {
    return notes.updateAnnotation(this.#core, articleId, id, change)
  }

  async deleteAnnotation(articleId: string, id: string): Promise<{ count: number }> {
    return notes.deleteAnnotation(this.#core, articleId, id)
  }

  /** Undo of a delete: puts the annotation back as it was, same id, replacing any copy. */
  async restoreAnnotation(articleId: string, annotation: Annotation): Promise<Annotation> {
    return notes.restoreAnnotation(this.#core, articleId, annotation)
  }

  /** The note on the article as a whole (not on a highlight). */
  async setNote(id: string, note: string): Promise<Article> {
    return notes.setNote(this.#core, id, note)
  }

  async #body(article: Article): Promise<string> {
    const body = await this.#store.content.read(article.id)
    if (body === null) {
      throw new QuireError(
        'NOT_FOUND',
        `The text of "${article.title}" is missing from the archive (content/${article.id}.html).`,
      )
    }
    return body
  }

  /** One article changed: its shard flushed, the index told (notes are searchable). */
  async #save(next: Article): Promise<void> {
    await this.#rewrite([next], (a) => a)
  }

  /** Import files and folders from disk (CLI, app menu, drag and drop in Electron). */
  async importPaths(paths: string[], opts: ImportOptions = {}): Promise<ImportReport> {
    const { sources, results } = await collectSources(paths)
    const items: ImportItem[] = sources.map((s) => ({
      name: s.name,
      size: async () => (await stat(s.path)).size,
      read: async () => readFile(s.path),
      readSibling: siblingReader(s.path),
      origin: 'file' as const,
    }))
    return importReport([...results, ...(await this.#import(items, opts))])
  }

  /** Import files whose bytes arrived over IPC or HTTP (the renderer's drop and picker). */
  async importUploads(uploads: Upload[], opts: ImportOptions = {}): Promise<ImportReport> {
    const items: ImportItem[] = uploads.map((u) => ({
      name: u.name,
      size: async () => u.bytes.byteLength,
      read: async () => u.bytes,
      origin: 'upload' as const,
    }))
    return importReport(await this.#import(items, opts))
  }

  async update(id: string, patch: ArticlePatch): Promise<Article> {
    return this.#write(async () => {
      const next = patchedArticle(this.#require(id), patch, new Date().toISOString())
      await this.#save(next)
      return next
    })
  }

  /**
   * Merge copies of one article: the first id is kept with the union of everyone's tags,
   * notes and highlights; the others go to the trash (restorable).
   */
  async mergeArticles(ids: string[]): Promise<Article> {
    return this.#write(async () => {
      const unique = [...new Set(ids)]
      if (unique.length < 2)
        throw new QuireError('INVALID_INPUT', 'Pick at least two articles to merge.')
      const sources = await Promise.all(
        unique.map(async (id) => {
          const article = this.#require(id)
          return { article, body: (await this.#store.content.read(id)) ?? '' }
        }),
      )
      const [keep, ...copies] = sources
      const { kept, trashed } = mergedArticles(keep!, copies, new Date().toISOString())
      await this.#rewrite([kept, ...trashed], (a) => a)
      return kept
    })
  }

  /** Move articles to the trash; they stay on disk until the trash is emptied. */
  async delete(ids: string[]): Promise<{ count: number }> {
    return this.#setDeleted(ids, true)
  }

  async restore(ids: string[]): Promise<{ count: number }> {
    return this.#setDeleted(ids, false)
  }

  /** Remove trashed articles and their bodies for good. */
  async emptyTrash(): Promise<{ count: number }> {
    return this.#write(async () => {
      const trashed = [...this.#store.catalog.all()].filter((a) => a.deletedAt !== null)
      for (const a of trashed) this.#store.catalog.remove(a.id)
      // Records go first: a crash between the two steps leaves unreferenced bodies, never
      // records without a body.
      await this.#store.catalog.flush()
      this.#dedupeIndex?.forget(new Set(trashed.map((a) => a.id)))
      this.#indexChanged(
        [],
        trashed.map((a) => a.id),
      )
      await Promise.all(
        trashed.map((a) => this.#store.content.remove(a.id, a.versions?.length ?? 0)),
      )
      return { count: trashed.length }
    })
  }

  async tags(): Promise<TagWithCount[]> {
    return listTags(this.#store)
  }

  /** One change to many articles: one catalog flush, one message to the index. */
  async bulkUpdate(ids: string[], change: BulkChange): Promise<{ count: number }> {
    return this.#write(async () => {
      const articles = [...new Set(ids)].map((id) => this.#require(id))
      return this.#rewrite(articles, (a, now) => applyBulk(a, change, now))
    })
  }

  /** Rename a tag on every article (nested children too); merges into `to` when it exists. */
  async renameTag(from: string, to: string): Promise<{ count: number }> {
    return this.mergeTags([from], to)
  }

  async mergeTags(from: string[], into: string): Promise<{ count: number }> {
    return this.#write(() => mergeTags(this.#tagEdits(), from, into))
  }

  async deleteTag(name: string): Promise<{ count: number }> {
    return this.#write(() => deleteTag(this.#tagEdits(), name))
  }

  async setTagColor(name: string, color: string): Promise<{ count: number }> {
    return this.#write(() => setTagColor(this.#tagEdits(), name, color))
  }

  #tagEdits(): TagEditContext {
    return { store: this.#store, rewrite: (articles, change) => this.#rewrite(articles, change) }
  }

  /** Put each changed article, flush the touched shards once and tell the index once. */
  async #rewrite(
    articles: Article[],
    change: (a: Article, now: string) => Article | null,
  ): Promise<{ count: number }> {
    const now = new Date().toISOString()
    const changed: Article[] = []
    for (const a of articles) {
      const next = change(a, now)
      if (!next) continue
      this.#store.catalog.put(next)
      changed.push(next)
    }
    if (changed.length === 0) return { count: 0 }
    await this.#store.catalog.flush()
    this.#indexChanged(changed)
    return { count: changed.length }
  }

  #import(items: ImportItem[], opts: ImportOptions): Promise<ImportResult[]> {
    return this.#write(() => this.#importBatch((ctx) => runImport(items, ctx), opts))
  }

  /**
   * Runs an import inside a catalog batch, so a catalog write that fails (a full disk) fails
   * its items, not the report; then tells the index. Call inside the write queue.
   */
  async #importBatch(
    run: (ctx: PipelineContext) => Promise<ImportResult[]>,
    opts: ImportOptions,
  ): Promise<ImportResult[]> {
    const tags = opts.tags ?? []
    const batch = await this.#store.catalog.batch(() =>
      run({
        catalog: this.#store.catalog,
        content: this.#store.content,
        dedupe: this.#dedupe(),
        tags,
        now: () => new Date().toISOString(),
        mergeInto: (id, meta) =>
          mergeDuplicate(
            this.#store.catalog,
            this.#store.content,
            id,
            meta,
            tags,
            new Date().toISOString(),
          ),
        inFlight: new Map(),
        ...(this.#online.localiseImages ? { localiseImages: this.#online.localiseImages } : {}),
        ...(opts.onProgress ? { onProgress: opts.onProgress } : {}),
        ...(opts.signal ? { signal: opts.signal } : {}),
      }),
    )
    const results = batch.unsaved
      ? await failUnsavedImports(batch.value, batch.unsaved, this.#store.content, this.#dedupe())
      : batch.value
    const imported = results.flatMap((r) =>
      r.status === 'imported' || (r.status === 'duplicate' && r.merged)
        ? [this.#store.catalog.get(r.id)!]
        : [],
    )
    if (imported.length) this.#indexChanged(imported)
    return results
  }

  #setDeleted(ids: string[], deleted: boolean): Promise<{ count: number }> {
    return this.#write(async () => {
      const now = new Date().toISOString()
      const changed: Article[] = []
      for (const id of new Set(ids)) {
        const a = this.#require(id)
        if ((a.deletedAt !== null) === deleted) continue
        const next = { ...a, deletedAt: deleted ? now : null, updatedAt: now }
        this.#store.catalog.put(next)
        changed.push(next)
      }
      await this.#store.catalog.flush()
      this.#indexChanged(changed)
      return { count: changed.length }
    })
  }

  #require(id: string): Article {
    const a = this.#store.catalog.get(id)
    if (!a) throw new QuireError('NOT_FOUND', `No article with id ${id} in this archive.`)
    return a
  }

  /** Writes run one at a time, so two edits never interleave their flushes. */
  #exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.#queue.then(fn, fn)
    this.#queue = run.catch(() => {})
    return run
  }

  /** A write: queued like any, refused with READ_ONLY when this process may not write. */
  #write<T>(fn: () => Promise<T>): Promise<T> {
    return this.#exclusive(async () => {
      this.#store.assertWritable()
      return fn()
    })
  }

  /** Import web pages by address (the user typed or pasted them: local addresses allowed). */
  async importUrls(urls: string[], opts: ImportOptions = {}): Promise<ImportReport> {
    return web.importUrls(this.#core, urls, opts)
  }

  /**
   * Fetch the text of link records (or fetch pages again): the earlier body is kept as a
   * version and annotations are carried onto the new text. One result per article.
   */
  async fetchArticles(ids: string[], opts: ImportOptions = {}): Promise<ImportReport> {
    return web.fetchArticles(this.#core, ids, opts)
  }

  /**
   * Metadata extracted again with today's rules over every article (or the ones named),
   * keeping fields edited by hand; see reextract/reextract-record.ts.
   */
  async reextract(
    ids: string[] | 'all',
    onProgress?: (p: ReextractProgress) => void,
  ): Promise<ReextractReport> {
    return reextractArticles(this.#core, ids, onProgress, (changed) => this.#indexChanged(changed))
  }

  /** An earlier body of an article (see fetchArticles), with the article as it is now. */
  async getVersion(id: string, n: number): Promise<ArticleWithBody> {
    return web.getVersion(this.#core, id, n)
  }

  /** The archive's options (quire.json), such as "allow local network sources". */
  async options(): Promise<ArchiveOptions> {
    return this.#store.manifest.data.options
  }

  async setOptions(change: Partial<ArchiveOptions>): Promise<ArchiveOptions> {
    return this.#write(async () => {
      const manifest = this.#store.manifest
      manifest.data.options = { ...manifest.data.options, ...change }
      await manifest.write()
      return manifest.data.options
    })
  }

  async feeds(): Promise<Feed[]> {
    return feedOps.feeds(this.#core)
  }

  /** Subscribe to a feed the user typed in and import its items. */
  async subscribeFeed(url: string, tags: string[] = []): Promise<FeedRefreshReport> {
    return feedOps.subscribeFeed(this.#core, url, tags)
  }

  /** Refresh all subscriptions (or the given ones): new items are imported. */
  async refreshFeeds(ids?: string[]): Promise<FeedRefreshReport> {
    return feedOps.refreshFeeds(this.#core, ids)
  }

  /** Stop following a feed; the articles it brought stay. */
  async unsubscribeFeed(id: string): Promise<{ count: number }> {
    return feedOps.unsubscribeFeed(this.#core, id)
  }

  /** Add the subscriptions of an OPML file (without fetching them: refresh does that). */
  async importOpml(bytes: Uint8Array): Promise<{ added: number; feeds: Feed[] }> {
    return feedOps.importOpml(this.#core, bytes)
  }

  async exportOpml(): Promise<string> {
    return feedOps.exportOpml(this.#core)
  }

  /** What the operation modules (web imports, feeds, annotations) may use of this service. */
  #makeCore(): ArchiveCore {
    return {
      store: this.#store,
      // Read on every call: configure() replaces the options object.
      online: () => this.#online,
      allowLocalNetwork: () =>
        this.#online.allowLocalNetwork || this.#store.manifest.data.options.allowLocalNetwork,
      requireNet: () => {
        const net = this.#online.net
        if (!net) throw new QuireError('IO', 'This Quire cannot reach the network.')
        return net
      },
      write: (fn) => this.#write(fn),
      importBatch: (run, opts) => this.#importBatch(run, opts),
      dedupe: () => this.#dedupe(),
      require: (id) => this.#require(id),
      save: (next) => this.#save(next),
      body: (article) => this.#body(article),
    }
  }

  /** The notebook: every annotation, filtered, grouped by article (main/archive/notebook). */
  async listAnnotations(query: z.output<typeof NotebookQuerySchema>): Promise<NotebookPage> {
    return listAnnotations(this.#store.catalog.all(), query)
  }

  /** The best passage for each orphaned annotation of an article (main/archive/orphan-repair). */
  async annotationCandidates(articleId: string): Promise<RepairCandidate[]> {
    return notes.annotationCandidates(this.#core, articleId)
  }

  /** A confirmed repair: the annotation anchored anew on `start`–`end` of the current text. */
  async reanchorAnnotation(
    articleId: string,
    id: string,
    start: number,
    end: number,
  ): Promise<Annotation> {
    return notes.reanchorAnnotation(this.#core, articleId, id, start, end)
  }

  /** Runs `use` on a snapshot of the archive inside the write queue (Quire JSON export). */
  async snapshot<T>(use: (s: ArchiveSnapshot) => Promise<T>): Promise<T> {
    return this.#exclusive(async () => use(await snapshotOfStore(this.#store)))
  }

  /** The backup zip of this archive at `outPath`, made in the write queue (no torn copy). */
  async backupZip(outPath: string, opts?: BackupZipOptions): Promise<BackupZipResult> {
    return this.#exclusive(() => createBackupZip(this.root, outPath, opts))
  }
}
