// The one search index an open archive runs, started on first use: the archive's own, or for
// a read-only archive a temporary one of its own (the writer's index is the writer's), which
// goes when the archive closes or takes over from its writer. Also the search box's
// suggestions (suggest.ts), counted again after each change like the index.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Article } from '../../../shared/model.ts'
import type { ArchiveStore } from '../store/archive-store.ts'
import { ArchiveSearch, type IndexStatus } from './archive-search.ts'
import type { IndexHost } from './index-host.ts'
import { SearchSuggestions } from './suggest.ts'

export interface IndexOptions {
  /** Where the index worker runs; by default a child process (the Electron app passes a
   * utility process running its bundled worker). */
  host?: IndexHost
  onStatus?: (s: IndexStatus) => void
}

export class IndexSlot {
  readonly #store: () => ArchiveStore
  #search: ArchiveSearch | null = null
  #options: IndexOptions = {}
  /** A read-only archive's own index folder (temporary). */
  #tempDir: string | null = null
  /** Tags, sources and authors with their counts, for the search box's suggestions. */
  readonly suggestions: SearchSuggestions

  constructor(store: () => ArchiveStore) {
    this.#store = store
    this.suggestions = new SearchSuggestions(() => store().catalog.all())
  }

  /** The running index, or null before the first start. */
  get current(): ArchiveSearch | null {
    return this.#search
  }

  /** Start the index worker (syncing it with the catalog in the background) if not running. */
  start(opts?: IndexOptions): ArchiveSearch {
    if (opts) this.#options = opts
    const store = this.#store()
    if (!this.#search && store.readOnly) {
      this.#tempDir ??= mkdtempSync(join(tmpdir(), 'quire-index-'))
      const indexPath = join(this.#tempDir, 'search.sqlite')
      this.#search = new ArchiveSearch(store.layout, { ...this.#options, indexPath })
    }
    this.#search ??= new ArchiveSearch(store.layout, this.#options)
    return this.#search
  }

  /** Tell a running index what changed; a stopped one catches up by shard stamps on start. */
  changed(articles: Article[], removed: string[]): void {
    this.suggestions.changed()
    void this.#search?.changed(articles, removed)
  }

  /** A checkpoint wrote these shard files (see ArchiveSearch.checkpointed). */
  checkpointed(keys: string[]): Promise<void> {
    return this.#search?.checkpointed(keys) ?? Promise.resolve()
  }

  /** Stop the index (and remove a temporary one); true when one was running. */
  async close(): Promise<boolean> {
    // Closed on a change of store (a reader taking over from its writer), too.
    this.suggestions.changed()
    const wasRunning = this.#search !== null
    await this.#search?.close()
    this.#search = null
    if (this.#tempDir) rmSync(this.#tempDir, { recursive: true, force: true })
    this.#tempDir = null
    return wasRunning
  }
}
