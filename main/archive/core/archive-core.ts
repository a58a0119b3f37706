// What every area's operations run on: the open store, the write queue, and the record
// helpers (require, body, save, rewrite) that keep the catalog, the disk and the search index
// in step. ArchiveService makes one per open archive and hands it to the operation modules,
// which stay out of the service's file without reaching into its privates.
import { QuireError } from '../../../shared/errors.ts'
import type { Article } from '../../../shared/model.ts'
import type { ArchiveStore } from '../store/archive-store.ts'
import { WriteQueue } from './write-queue.ts'

export interface ArchiveCore {
  readonly store: ArchiveStore
  /** Runs `fn` alone, after the queued writes (a snapshot or backup that must not tear). */
  exclusive<T>(fn: () => Promise<T>): Promise<T>
  /** A write: queued after the others, refused with READ_ONLY when this process may not. */
  write<T>(fn: () => Promise<T>): Promise<T>
  /** Settles when the writes queued so far have finished. */
  idle(): Promise<void>
  /** The article, or NOT_FOUND. */
  require(id: string): Article
  /** The article's stored body; NOT_FOUND (naming the file) when it is missing. */
  body(article: Article): Promise<string>
  /** The article's body as plain text (what annotations anchor to); NOT_FOUND as body(). */
  bodyText(article: Article): Promise<string>
  /** The body and its plain text (the text kept for the highlights that follow); NOT_FOUND. */
  bodyAndText(article: Article): Promise<{ html: string; text: string }>
  /** One changed article: its shard flushed, the index told (notes are searchable). */
  save(next: Article): Promise<void>
  /**
   * Puts each changed article (`change` returns null for "unchanged"), flushes the touched
   * shards once and tells the index once. Call inside write().
   */
  rewrite(
    articles: Article[],
    change: (a: Article, now: string) => Article | null,
  ): Promise<{ count: number }>
  /** Tells a running search index what changed; a stopped one catches up when it starts. */
  indexChanged(articles: Article[], removed?: string[]): void
  /** `fn` runs after every write ends, in place of the last one set (housekeeping's). */
  onWrite(fn: (() => void) | null): void
}

/**
 * The core of the store `current()` returns: the same one, unless a read-only archive takes
 * over from its writer (store/follow-writer.ts) and the service switches stores. `onChanged`
 * hears of every article written or removed, for the search index.
 */
export function createCore(
  current: () => ArchiveStore,
  onChanged: (articles: Article[], removed: string[]) => void,
): ArchiveCore {
  let afterWrite: (() => void) | null = null
  const queue = new WriteQueue()
  const indexChanged = (articles: Article[], removed: string[] = []) => onChanged(articles, removed)
  const rewrite: ArchiveCore['rewrite'] = async (articles, change) => {
    const store = current()
    const now = new Date().toISOString()
    const changed: Article[] = []
    for (const a of articles) {
      const next = change(a, now)
      if (!next) continue
      store.catalog.put(next)
      changed.push(next)
    }
    if (changed.length === 0) return { count: 0 }
    await store.catalog.flush()
    indexChanged(changed)
    return { count: changed.length }
  }
  return {
    get store() {
      return current()
    },
    exclusive: (fn) => queue.run(fn),
    write: (fn) =>
      queue.run(async () => {
        const store = current()
        store.assertWritable()
        try {
          return await fn()
        } catch (err) {
          // A write that failed half-way leaves the records as they were committed.
          await store.rollback()
          throw err
        } finally {
          afterWrite?.()
        }
      }),
    idle: () => queue.idle(),
    require(id) {
      const a = current().catalog.get(id)
      if (!a) throw new QuireError('NOT_FOUND', `No article with id ${id} in this archive.`)
      return a
    },
    async body(article) {
      return found(article, await current().content.read(article.id))
    },
    async bodyText(article) {
      return found(article, await current().content.text(article.id))
    },
    async bodyAndText(article) {
      return found(article, await current().content.readWithText(article.id))
    },
    save: async (next) => {
      await rewrite([next], (a) => a)
    },
    rewrite,
    indexChanged,
    onWrite: (fn) => void (afterWrite = fn),
  }
}

function found<T>(article: Article, body: T | null): T {
  if (body !== null) return body
  throw new QuireError(
    'NOT_FOUND',
    `The text of "${article.title}" is missing from the archive (content/${article.id}.html).`,
  )
}
