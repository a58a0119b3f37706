// The archive core as imports need it: the core plus the dedupe index (built on the first
// import), the network and image storage, and the import batch that runs the pipeline inside
// a catalog batch. Used by the import, feed and article-fetch operations.
import { QuireError } from '../../../shared/errors.ts'
import type { ImportResult } from '../../../shared/model.ts'
import type { ArchiveCore } from '../core/archive-core.ts'
import { AssetStore } from '../store/asset-store.ts'
import { failUnsavedImports } from '../store/write-failure.ts'
import { DedupeIndex } from './dedupe-index.ts'
import { mergeDuplicate } from './merge-duplicate.ts'
import { assetLocaliser, webNet, type FeedNet } from './online.ts'
import type { ImportProgress, PipelineContext } from './pipeline.ts'

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

export interface ImportCore extends ArchiveCore {
  online(): OnlineOptions
  /** Feed items, their pages and images may come from private addresses only if allowed. */
  allowLocalNetwork(): boolean
  /** The network; throws IO when this Quire has none. */
  requireNet(): FeedNet
  /**
   * Runs an import inside a catalog batch, so a catalog write that fails (a full disk) fails
   * its items, not the report; then tells the index. Call inside write().
   */
  importBatch(
    run: (ctx: PipelineContext) => Promise<ImportResult[]>,
    opts: ImportOptions,
  ): Promise<ImportResult[]>
  /** Content hashes, addresses and feed guids, for duplicates; built on first use. */
  dedupe(): DedupeIndex
  /** Drops removed articles from the dedupe index, when one has been built. */
  forgetDuplicates(ids: Set<string>): void
  /** Forgets the dedupe index: another process changed the catalog (it is rebuilt on use). */
  resetDuplicates(): void
}

/** An ImportCore over `core`, whose network settings configure() changes. */
export interface ConfigurableImportCore extends ImportCore {
  /** Network access, image storage and the local-network setting (tests bring fakes). */
  configure(change: Partial<OnlineOptions>): void
}

/** `core` with imports: the real network, and images stored in the archive's assets/. */
export function importCore(core: ArchiveCore): ConfigurableImportCore {
  const assets = new AssetStore(core.store.layout, {
    assertWritable: () => core.store.assertWritable(),
  })
  let online: OnlineOptions = {
    net: webNet,
    localiseImages: assetLocaliser(assets),
    allowLocalNetwork: false,
  }
  let dedupeIndex: DedupeIndex | null = null
  const dedupe = () => (dedupeIndex ??= DedupeIndex.of(core.store.catalog.all()))

  return {
    // Not spread: `store` is a getter that follows the service's current store.
    get store() {
      return core.store
    },
    exclusive: (fn) => core.exclusive(fn),
    write: (fn) => core.write(fn),
    idle: () => core.idle(),
    require: (id) => core.require(id),
    body: (article) => core.body(article),
    bodyText: (article) => core.bodyText(article),
    bodyAndText: (article) => core.bodyAndText(article),
    save: (next) => core.save(next),
    rewrite: (articles, change) => core.rewrite(articles, change),
    indexChanged: (articles, removed) => core.indexChanged(articles, removed),
    onWrite: (fn) => core.onWrite(fn),
    configure(change) {
      online = { ...online, ...change }
    },
    // Read on every call: configure() replaces the options object.
    online: () => online,
    allowLocalNetwork: () =>
      online.allowLocalNetwork || core.store.manifest.data.options.allowLocalNetwork,
    requireNet() {
      const net = online.net
      if (!net) throw new QuireError('IO', 'This Quire cannot reach the network.')
      return net
    },
    dedupe,
    forgetDuplicates: (ids) => dedupeIndex?.forget(ids),
    resetDuplicates() {
      dedupeIndex = null
    },
    async importBatch(run, opts) {
      const store = core.store
      const tags = opts.tags ?? []
      const batch = await store.catalog.batch(() =>
        run({
          catalog: store.catalog,
          content: store.content,
          dedupe: dedupe(),
          tags,
          now: () => new Date().toISOString(),
          mergeInto: async (id, meta) => {
            const { catalog, content } = core.store
            const result = await mergeDuplicate(
              catalog,
              content,
              id,
              meta,
              tags,
              new Date().toISOString(),
            )
            await catalog.flush()
            return result
          },
          inFlight: new Map(),
          ...(online.localiseImages ? { localiseImages: online.localiseImages } : {}),
          ...(opts.onProgress ? { onProgress: opts.onProgress } : {}),
          ...(opts.signal ? { signal: opts.signal } : {}),
        }),
      )
      const results = batch.unsaved
        ? await failUnsavedImports(batch.value, batch.unsaved, store.content, dedupe())
        : batch.value
      const imported = results.flatMap((r) =>
        r.status === 'imported' || (r.status === 'duplicate' && r.merged)
          ? [store.catalog.get(r.id)!]
          : [],
      )
      if (imported.length) core.indexChanged(imported)
      return results
    },
  }
}
