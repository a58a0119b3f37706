// Operations on the archive as a whole: what it holds, its options in quire.json, and a
// verified backup of its records on demand.
import { basename } from 'node:path'
import type { ArchiveInfo } from '../../../shared/api.ts'
import type { ArchiveOptions } from '../../../shared/model.ts'
import type { BackupInfo } from '../store/archive-store.ts'
import { displayPath } from '../store/display-path.ts'
import type { ArchiveCore } from './archive-core.ts'

export async function info(core: ArchiveCore): Promise<ArchiveInfo> {
  const { store } = core
  let articleCount = 0
  let trashCount = 0
  for (const a of store.catalog.all()) {
    if (a.deletedAt === null) articleCount++
    else trashCount++
  }
  return {
    name: basename(store.layout.root),
    location: displayPath(store.layout.root),
    schemaVersion: store.manifest.data.schemaVersion,
    articleCount,
    trashCount,
    readOnly: store.readOnly,
  }
}

/** A verified backup of quire.json + catalog/ now (one is also made daily on open). */
export async function backup(core: ArchiveCore): Promise<BackupInfo> {
  return core.write(() => core.store.backup())
}

/** The archive's options (quire.json), such as "allow local network sources". */
export async function options(core: ArchiveCore): Promise<ArchiveOptions> {
  return core.store.manifest.data.options
}

export async function setOptions(
  core: ArchiveCore,
  change: Partial<ArchiveOptions>,
): Promise<ArchiveOptions> {
  return core.write(async () => {
    const manifest = core.store.manifest
    manifest.data.options = { ...manifest.data.options, ...change }
    await manifest.write()
    return manifest.data.options
  })
}
