// A read-only archive (another Quire holds the lock) follows its writer: the writer's changes
// reach this process's search index and duplicate checks, and once the writer lets go this
// process opens the archive as its writer and carries on (store/follow-writer.ts).
import type { ArchiveCore } from './archive-core.ts'
import type { ArchiveStore, OpenOptions } from '../store/archive-store.ts'
import { followWriter, type Following } from '../store/follow-writer.ts'

export interface ReaderHooks {
  store(): ArchiveStore
  /** The writer let go: `next` is this process's writable store from now on. */
  becomeWriter(next: ArchiveStore): Promise<void>
}

/** `core` with the import area's duplicate index, forgotten when the catalog changes. */
type ReaderCore = ArchiveCore & { resetDuplicates(): void }

export function followAsReader(core: ReaderCore, opts: OpenOptions, hooks: ReaderHooks): Following {
  return followWriter(hooks.store().layout.root, opts, {
    store: hooks.store,
    exclusive: (fn) => core.exclusive(fn),
    changed: (ids) => {
      const catalog = hooks.store().catalog
      core.resetDuplicates()
      core.indexChanged(
        ids.flatMap((id) => catalog.get(id) ?? []),
        ids.filter((id) => !catalog.has(id)),
      )
    },
    promote: async (next) => {
      core.resetDuplicates()
      await hooks.becomeWriter(next)
    },
  })
}
