// ArchiveService: every operation the UI or CLI can ask of an archive. Transports (IPC,
// HTTP, CLI) call these methods; nothing else touches the store.
import { readFile, stat } from 'node:fs/promises'
import { basename } from 'node:path'
import type { z } from 'zod'
import type {
  ArchiveInfo,
  ArticlePage,
  ArticlePatch,
  ArticleWithBody,
  ListQuerySchema,
} from '../../shared/api.ts'
import { QuireError } from '../../shared/errors.ts'
import type { Article, ImportReport, ImportResult, TagWithCount } from '../../shared/model.ts'
import { collectSources } from './import/sources.ts'
import { runImport, type ImportItem, type ImportProgress } from './import/pipeline.ts'
import { listArticles } from './query/list-articles.ts'
import { openArchiveStore, type ArchiveStore, type OpenOptions } from './store/archive-store.ts'
import { tagColor } from './tag-color.ts'

export interface ImportOptions {
  tags?: string[]
  onProgress?: (p: ImportProgress) => void
}

export interface Upload {
  name: string
  bytes: Uint8Array
}

export class ArchiveService {
  readonly #store: ArchiveStore
  readonly #hashes = new Map<string, string>()
  #queue: Promise<unknown> = Promise.resolve()

  private constructor(store: ArchiveStore) {
    this.#store = store
    for (const a of store.catalog.all()) this.#hashes.set(a.contentHash, a.id)
  }

  /** Open (or create) the archive in `root`. Throws QuireError for unreadable archives. */
  static async open(root: string, opts?: OpenOptions): Promise<ArchiveService> {
    return new ArchiveService(await openArchiveStore(root, opts))
  }

  get root(): string {
    return this.#store.layout.root
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
      readOnly: false,
    }
  }

  async list(query: z.output<typeof ListQuerySchema>): Promise<ArticlePage> {
    return listArticles(this.#store.catalog.all(), query)
  }

  async get(id: string): Promise<ArticleWithBody> {
    const article = this.#require(id)
    const body = await this.#store.content.read(id)
    if (body === null) {
      throw new QuireError(
        'NOT_FOUND',
        `The text of "${article.title}" is missing from the archive (content/${id}.html).`,
      )
    }
    return { article, body }
  }

  /** Import files and folders from disk (CLI, app menu, drag and drop in Electron). */
  async importPaths(paths: string[], opts: ImportOptions = {}): Promise<ImportReport> {
    const { sources, results } = await collectSources(paths)
    const items: ImportItem[] = sources.map((s) => ({
      name: s.name,
      size: async () => (await stat(s.path)).size,
      read: async () => readFile(s.path),
    }))
    return report([...results, ...(await this.#import(items, opts))])
  }

  /** Import files whose bytes arrived over IPC or HTTP (the renderer's drop and picker). */
  async importUploads(uploads: Upload[], opts: ImportOptions = {}): Promise<ImportReport> {
    const items: ImportItem[] = uploads.map((u) => ({
      name: u.name,
      size: async () => u.bytes.byteLength,
      read: async () => u.bytes,
    }))
    return report(await this.#import(items, opts))
  }

  async update(id: string, patch: ArticlePatch): Promise<Article> {
    return this.#exclusive(async () => {
      const current = this.#require(id)
      const next: Article = { ...current, updatedAt: new Date().toISOString() }
      if (patch.title !== undefined) next.title = patch.title
      if (patch.tags !== undefined) next.tags = [...new Set(patch.tags)]
      if (patch.status !== undefined) next.status = patch.status
      if (patch.progress !== undefined) next.progress = patch.progress
      if (patch.favorite !== undefined) next.favorite = patch.favorite
      if (patch.archived !== undefined) {
        next.archivedAt = patch.archived ? (current.archivedAt ?? next.updatedAt) : null
      }
      this.#store.catalog.put(next)
      await this.#store.catalog.flush()
      return next
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
    return this.#exclusive(async () => {
      const trashed = [...this.#store.catalog.all()].filter((a) => a.deletedAt !== null)
      for (const a of trashed) {
        this.#store.catalog.remove(a.id)
        this.#hashes.delete(a.contentHash)
      }
      // Records go first: a crash between the two steps leaves unreferenced bodies, never
      // records without a body.
      await this.#store.catalog.flush()
      await Promise.all(trashed.map((a) => this.#store.content.remove(a.id)))
      return { count: trashed.length }
    })
  }

  async tags(): Promise<TagWithCount[]> {
    const counts = new Map<string, number>()
    for (const a of this.#store.catalog.all()) {
      if (a.deletedAt !== null) continue
      for (const t of a.tags) counts.set(t, (counts.get(t) ?? 0) + 1)
    }
    const colors = new Map(this.#store.manifest.data.tags.map((t) => [t.name, t.color]))
    return [...counts]
      .map(([name, count]) => ({ name, count, color: colors.get(name) ?? tagColor(name) }))
      .sort((a, b) => a.name.localeCompare(b.name))
  }

  #import(items: ImportItem[], opts: ImportOptions): Promise<ImportResult[]> {
    return this.#exclusive(() =>
      runImport(items, {
        catalog: this.#store.catalog,
        content: this.#store.content,
        hashes: this.#hashes,
        tags: opts.tags ?? [],
        now: () => new Date().toISOString(),
        ...(opts.onProgress ? { onProgress: opts.onProgress } : {}),
      }),
    )
  }

  #setDeleted(ids: string[], deleted: boolean): Promise<{ count: number }> {
    return this.#exclusive(async () => {
      const now = new Date().toISOString()
      let count = 0
      for (const id of new Set(ids)) {
        const a = this.#require(id)
        if ((a.deletedAt !== null) === deleted) continue
        this.#store.catalog.put({ ...a, deletedAt: deleted ? now : null, updatedAt: now })
        count++
      }
      await this.#store.catalog.flush()
      return { count }
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
