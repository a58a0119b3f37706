// ArchiveService: every operation the UI or CLI can ask of an archive. Transports (IPC,
// HTTP, CLI) call these methods; nothing else touches the store.
import { readFile, stat } from 'node:fs/promises'
import { basename } from 'node:path'
import { randomBytes } from 'node:crypto'
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
import {
  runImport,
  type ImportItem,
  type ImportProgress,
  type PipelineContext,
} from './import/pipeline.ts'
import { DedupeIndex } from './import/dedupe-index.ts'
import { mergeDuplicate } from './import/merge-duplicate.ts'
import { siblingReader } from './import/sibling-reader.ts'
import { describeFailure, storeEntries } from './import/pipeline.ts'
import { storeArticle } from './import/store-article.ts'
import { ImportFailure, type ExtractedArticle } from './import/extracted.ts'
import { bodyHtml, contentHash } from './import/build-record.ts'
import { replacedBody } from './article-versions.ts'
import { mergedArticles } from './merge-articles.ts'
import { mapLimit } from './store/map-limit.ts'
import { AssetStore } from './store/asset-store.ts'
import { assetLocaliser, webNet } from './online.ts'
import { cleanTags } from './import/clean-tags.ts'
import { parseOpml, serializeOpml } from './import/feeds/opml.ts'
import { findFeedByUrl, newFeed } from './feeds/feed-list.ts'
import { refreshAll, subscribe, type FeedHost, type FeedNet } from './feeds/feed-sync.ts'
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
import type { IndexHost } from './search/index-host.ts'
import { htmlToText } from '../../shared/html-text.ts'
import { anchorAll, editedAnnotation, newAnnotation, withAnnotation } from './annotations.ts'
import { listAnnotations } from './notebook.ts'
import { reanchored, repairCandidates } from './orphan-repair.ts'
import { snapshotOfStore, type ArchiveSnapshot } from './export/archive-snapshot.ts'
import {
  createBackupZip,
  type BackupZipOptions,
  type BackupZipResult,
} from './export/backup-zip.ts'

/** How often an open archive checks whether its daily backup is due. */
const BACKUP_CHECK_MS = 60 * 60 * 1000

/** Pages fetched at once for URL imports and link records. */
const PAGE_FETCHES = 4

export interface ImportOptions {
  tags?: string[]
  onProgress?: (p: ImportProgress) => void
  /** Cancels the batch between items; what was imported stays. */
  signal?: AbortSignal
}

/** What imports from the network need, and the user's "allow local network sources". */
export interface OnlineOptions {
  net?: FeedNet
  localiseImages?: PipelineContext['localiseImages']
  allowLocalNetwork: boolean
}

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

  private constructor(store: ArchiveStore) {
    this.#store = store
    const assets = new AssetStore(store.layout, { assertWritable: () => store.assertWritable() })
    this.#online = { net: webNet, localiseImages: assetLocaliser(assets), allowLocalNetwork: false }
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
    return { items, total: page.total, offset: input.offset }
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
    return this.#write(async () => {
      const article = this.#require(input.articleId)
      const text = htmlToText(await this.#body(article))
      const now = new Date().toISOString()
      const annotation = newAnnotation(text, input, randomBytes(8).toString('hex'), now)
      await this.#save(withAnnotation(article, annotation, now))
      return annotation
    })
  }

  async updateAnnotation(
    articleId: string,
    id: string,
    change: AnnotationChange,
  ): Promise<Annotation> {
    return this.#write(async () => {
      const article = this.#require(articleId)
      const current = article.annotations.find((a) => a.id === id)
      if (!current)
        throw new QuireError('NOT_FOUND', `No annotation with id ${id} on this article.`)
      const now = new Date().toISOString()
      const next = editedAnnotation(current, change, now)
      await this.#save(withAnnotation(article, next, now))
      return next
    })
  }

  async deleteAnnotation(articleId: string, id: string): Promise<{ count: number }> {
    return this.#write(async () => {
      const article = this.#require(articleId)
      const annotations = article.annotations.filter((a) => a.id !== id)
      if (annotations.length === article.annotations.length) return { count: 0 }
      await this.#save({ ...article, annotations, updatedAt: new Date().toISOString() })
      return { count: 1 }
    })
  }

  /** Undo of a delete: puts the annotation back as it was, same id, replacing any copy. */
  async restoreAnnotation(articleId: string, annotation: Annotation): Promise<Annotation> {
    return this.#write(async () => {
      const article = this.#require(articleId)
      await this.#save(withAnnotation(article, annotation, new Date().toISOString()))
      return annotation
    })
  }

  /** The note on the article as a whole (not on a highlight). */
  async setNote(id: string, note: string): Promise<Article> {
    return this.#write(async () => {
      const next = { ...this.#require(id), note, updatedAt: new Date().toISOString() }
      await this.#save(next)
      return next
    })
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
    return report([...results, ...(await this.#import(items, opts))])
  }

  /** Import files whose bytes arrived over IPC or HTTP (the renderer's drop and picker). */
  async importUploads(uploads: Upload[], opts: ImportOptions = {}): Promise<ImportReport> {
    const items: ImportItem[] = uploads.map((u) => ({
      name: u.name,
      size: async () => u.bytes.byteLength,
      read: async () => u.bytes,
      origin: 'upload' as const,
    }))
    return report(await this.#import(items, opts))
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
    this.#store.assertWritable()
    const net = this.#requireNet()
    const fetched: { url: string; article?: ExtractedArticle; error?: unknown }[] = []
    let done = 0
    await mapLimit([...new Set(urls)], PAGE_FETCHES, async (url) => {
      if (opts.signal?.aborted) return
      try {
        fetched.push({
          url,
          article: (await net.fetchArticle(url, { allowPrivate: true })) ?? undefined,
        })
      } catch (error) {
        fetched.push({ url, error })
      }
      opts.onProgress?.({ done: ++done, total: urls.length, current: url })
    })
    const results = await this.#write(() =>
      this.#importBatch(async (ctx) => {
        const out: ImportResult[] = []
        for (const f of fetched) {
          if (!f.article) {
            const error = f.error
              ? describeFailure(f.error)
              : { code: 'EMPTY' as const, message: 'the page has no article text' }
            out.push({ status: 'failed', source: f.url, error })
            continue
          }
          const origin = { kind: 'url' as const, name: f.url, format: f.article.format }
          const extracted = { ...f.article, url: f.article.url ?? f.url }
          out.push(
            await storeArticle(
              extracted,
              { source: f.url, origin, remoteImages: { allowPrivate: true } },
              ctx,
            ),
          )
        }
        return out
      }, opts),
    )
    return report(results)
  }

  /**
   * Fetch the text of link records (or fetch pages again): the earlier body is kept as a
   * version and annotations are carried onto the new text. One result per article.
   */
  async fetchArticles(ids: string[], opts: ImportOptions = {}): Promise<ImportReport> {
    this.#store.assertWritable()
    const net = this.#requireNet()
    const articles = [...new Set(ids)].map((id) => this.#require(id))
    const results: ImportResult[] = []
    let done = 0
    await mapLimit(articles, PAGE_FETCHES, async (a) => {
      const source = a.url ?? a.title
      if (opts.signal?.aborted) {
        results.push({ status: 'skipped', source, reason: 'cancelled' })
        return
      }
      try {
        if (!a.url) throw new ImportFailure('INVALID_INPUT', 'the article has no web address')
        const allowPrivate = this.#allowLocalNetwork()
        const extracted = await net.fetchArticle(a.url, { allowPrivate })
        if (!extracted) throw new ImportFailure('EMPTY', 'the page has no article text')
        await this.#write(() => this.#replaceBody(a.id, extracted, { allowPrivate }))
        results.push({ status: 'imported', source, id: a.id, title: this.#require(a.id).title })
      } catch (err) {
        results.push({ status: 'failed', source, error: describeFailure(err) })
      }
      opts.onProgress?.({ done: ++done, total: articles.length, current: source })
    })
    return report(results)
  }

  /** An earlier body of an article (see fetchArticles), with the article as it is now. */
  async getVersion(id: string, n: number): Promise<ArticleWithBody> {
    const article = this.#require(id)
    const body = await this.#store.content.readVersion(id, n)
    if (body === null) throw new QuireError('NOT_FOUND', `"${article.title}" has no version ${n}.`)
    return { article, body, anchors: anchorAll(htmlToText(body), article.annotations) }
  }

  async #replaceBody(
    id: string,
    extracted: ExtractedArticle,
    remote: { allowPrivate: boolean },
  ): Promise<void> {
    const article = this.#require(id)
    const old = (await this.#store.content.read(id)) ?? ''
    let html = extracted.bodyHtml ?? bodyHtml(extracted.paragraphs)
    if (extracted.images?.length && this.#online.localiseImages) {
      html = await this.#online.localiseImages(html, extracted.images, { remote })
    }
    const hash = contentHash(extracted)
    const now = new Date().toISOString()
    const next = replacedBody(article, old, { extracted, html, hash, now })
    // The old body is safe on disk before the new one replaces it.
    if (next.keepAs) await this.#store.content.writeVersion(id, next.keepAs, old)
    await this.#store.content.write(id, html)
    this.#dedupe().claim(id, { hash, urls: [extracted.url, extracted.canonicalUrl] })
    await this.#save(next.article)
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

  /** Feed items, their pages and images may come from private addresses only if allowed. */
  #allowLocalNetwork(): boolean {
    return this.#online.allowLocalNetwork || this.#store.manifest.data.options.allowLocalNetwork
  }

  #requireNet(): FeedNet {
    const net = this.#online.net
    if (!net) throw new QuireError('IO', 'This Quire cannot reach the network.')
    return net
  }

  async feeds(): Promise<Feed[]> {
    return this.#store.manifest.data.feeds
  }

  /** Subscribe to a feed the user typed in and import its items. */
  async subscribeFeed(url: string, tags: string[] = []): Promise<FeedRefreshReport> {
    this.#store.assertWritable()
    const done = await subscribe(this.#feedHost(tags), url, tags)
    return { feeds: [done.feed], report: report(done.results) }
  }

  /** Refresh all subscriptions (or the given ones): new items are imported. */
  async refreshFeeds(ids?: string[]): Promise<FeedRefreshReport> {
    this.#store.assertWritable()
    const done = await refreshAll(this.#feedHost([]), ids)
    return { feeds: done.map((d) => d.feed), report: report(done.flatMap((d) => d.results)) }
  }

  /** Stop following a feed; the articles it brought stay. */
  async unsubscribeFeed(id: string): Promise<{ count: number }> {
    return this.#write(async () => {
      const list = this.#store.manifest.data.feeds
      const kept = list.filter((f) => f.id !== id)
      if (kept.length === list.length) return { count: 0 }
      this.#store.manifest.data.feeds = kept
      await this.#store.manifest.write()
      return { count: 1 }
    })
  }

  /** Add the subscriptions of an OPML file (without fetching them: refresh does that). */
  async importOpml(bytes: Uint8Array): Promise<{ added: number; feeds: Feed[] }> {
    const subs = parseOpml(bytes)
    return this.#write(async () => {
      let list = this.#store.manifest.data.feeds
      let added = 0
      const now = new Date().toISOString()
      for (const sub of subs) {
        if (findFeedByUrl(list, sub.xmlUrl)) continue
        const tags = sub.category ? cleanTags([sub.category.split(/\s*\/\s*/).join('/')]) : []
        list = [
          ...list,
          {
            ...newFeed(sub.xmlUrl, sub.title, now, tags),
            ...(sub.htmlUrl ? { siteUrl: sub.htmlUrl } : {}),
          },
        ]
        added++
      }
      this.#store.manifest.data.feeds = list
      await this.#store.manifest.write()
      return { added, feeds: list }
    })
  }

  async exportOpml(): Promise<string> {
    return serializeOpml(
      this.#store.manifest.data.feeds.map((f) => ({
        title: f.title,
        xmlUrl: f.url,
        ...(f.siteUrl ? { htmlUrl: f.siteUrl } : {}),
      })),
    )
  }

  #feedHost(tags: string[]): FeedHost {
    const net = this.#requireNet()
    return {
      feeds: () => this.#store.manifest.data.feeds,
      saveFeeds: (list) =>
        this.#write(async () => {
          this.#store.manifest.data.feeds = list
          await this.#store.manifest.write()
        }),
      isKnown: (entry, feedId) =>
        this.#dedupe().find({
          urls: [entry.url],
          ...(entry.guid ? { guid: `${feedId}\u0000${entry.guid}` } : {}),
        }) !== undefined,
      storeEntries: (entries, feed) =>
        this.#write(() =>
          this.#importBatch(
            (ctx) =>
              storeEntries(
                entries,
                {
                  fileName: feed.title,
                  importerId: 'feed',
                  feedId: feed.id,
                  remoteImages: { allowPrivate: this.#allowLocalNetwork() },
                },
                ctx,
              ),
            { tags: [...tags, ...feed.tags] },
          ),
        ),
      net,
      allowLocalNetwork: this.#allowLocalNetwork(),
      now: () => new Date().toISOString(),
    }
  }

  /** The notebook: every annotation, filtered, grouped by article (main/archive/notebook). */
  async listAnnotations(query: z.output<typeof NotebookQuerySchema>): Promise<NotebookPage> {
    return listAnnotations(this.#store.catalog.all(), query)
  }

  /** The best passage for each orphaned annotation of an article (main/archive/orphan-repair). */
  async annotationCandidates(articleId: string): Promise<RepairCandidate[]> {
    const article = this.#require(articleId)
    return repairCandidates(htmlToText(await this.#body(article)), article.annotations)
  }

  /** A confirmed repair: the annotation anchored anew on `start`–`end` of the current text. */
  async reanchorAnnotation(articleId: string, id: string, start: number, end: number) {
    return this.#write(async () => {
      const article = this.#require(articleId)
      const current = article.annotations.find((a) => a.id === id)
      if (!current)
        throw new QuireError('NOT_FOUND', `No annotation with id ${id} on this article.`)
      const now = new Date().toISOString()
      const next = reanchored(current, htmlToText(await this.#body(article)), start, end, now)
      await this.#save(withAnnotation(article, next, now))
      return next
    })
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

function report(results: ImportResult[]): ImportReport {
  const count = (s: ImportResult['status']) => results.filter((r) => r.status === s).length
  return {
    results,
    imported: count('imported'),
    duplicates: count('duplicate'),
    skipped: count('skipped'),
    failed: count('failed'),
  }
}
