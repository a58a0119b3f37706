// Opens an archive folder: creates it when new, checks and migrates its schema, and hands
// back the manifest, catalog and content stores. Everything on disk goes through here.
import { mkdir, readFile } from 'node:fs/promises'
import { Low } from 'lowdb'
import { QuireError } from '../../../shared/errors.ts'
import { Catalog } from './catalog.ts'
import { ContentStore } from './content-store.ts'
import { JsonFileAdapter } from './json-file-adapter.ts'
import { archiveLayout, type ArchiveLayout } from './layout.ts'
import { ManifestSchema, newManifest, type Manifest } from './manifest.ts'
import {
  CURRENT_SCHEMA_VERSION,
  MIGRATIONS,
  stepsFrom,
  upgradeManifest,
  type MigrationStep,
} from './migrations.ts'

export interface ArchiveStore {
  layout: ArchiveLayout
  manifest: Low<Manifest>
  catalog: Catalog
  content: ContentStore
}

export interface OpenOptions {
  /** Injected by tests of the migration hook; defaults to the shipped steps. */
  migrations?: readonly MigrationStep[]
  currentVersion?: number
}

export async function openArchiveStore(
  root: string,
  opts: OpenOptions = {},
): Promise<ArchiveStore> {
  const layout = archiveLayout(root)
  const current = opts.currentVersion ?? CURRENT_SCHEMA_VERSION
  try {
    await mkdir(layout.root, { recursive: true })
  } catch (err) {
    throw new QuireError(
      'IO',
      `Cannot create the archive folder ${root}: ${(err as Error).message}`,
    )
  }

  const found = await readSchemaVersion(layout.manifest)
  if (found !== null && found > current) {
    throw new QuireError(
      'UNSUPPORTED_FORMAT',
      `The archive at ${root} was written by a newer Quire (schema ${found}); this version reads schema ${current} and older. Update Quire to open it.`,
    )
  }
  const steps = found === null ? [] : stepsFrom(found, opts.migrations ?? MIGRATIONS)

  const upgrade = (raw: unknown) =>
    steps.length && raw && typeof raw === 'object'
      ? upgradeManifest(raw as Record<string, unknown>, steps)
      : raw
  const manifest = new Low<Manifest>(
    new JsonFileAdapter(layout.manifest, ManifestSchema, upgrade),
    newManifest(current, new Date().toISOString()),
  )
  await manifest.read()

  const catalog = await Catalog.open(layout, steps)
  const content = new ContentStore(layout)
  await content.init()

  // Migrated (or new) archives are written back at once, records first, so a crash
  // mid-migration leaves the old version number and the steps run again.
  await catalog.flush()
  if (found === null || steps.length) {
    manifest.data.schemaVersion = current
    await manifest.write()
  }
  return { layout, manifest, catalog, content }
}

/** The manifest's schema version without validating the rest, or null for a new archive. */
async function readSchemaVersion(path: string): Promise<number | null> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw err
  }
  try {
    const v = (JSON.parse(text) as { schemaVersion?: unknown }).schemaVersion
    return typeof v === 'number' ? v : 0
  } catch {
    return 0 // unparsable: the manifest adapter reports it as damaged with the details
  }
}
