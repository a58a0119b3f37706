// quire.json on open: its schema version checked, migrations found, the file read (and
// rebuilt when damaged), and a lowdb document whose write() is a journal commit.
import { readFile } from 'node:fs/promises'
import { Low, type Adapter } from 'lowdb'
import { QuireError } from '../../../shared/errors.ts'
import { DamagedFileError } from './damaged-file-error.ts'
import type { JournalEntry } from './journal-format.ts'
import { JsonFileAdapter } from './json-file-adapter.ts'
import type { ArchiveLayout } from './layout.ts'
import { ManifestSchema, newManifest, type Manifest } from './manifest.ts'
import { stepsFrom, upgradeManifest, type MigrationStep } from './migrations.ts'
import type { Recover } from './recovery.ts'

/**
 * The manifest's lowdb adapter: reads quire.json; a write commits the manifest through the
 * journal (with any pending catalog change), so callers keep `await manifest.write()`.
 */
export class ManifestAdapter implements Adapter<Manifest> {
  readonly #file: JsonFileAdapter<Manifest>
  /** Set once the archive is open for writing; until then a write is refused. */
  commit: (() => Promise<void>) | null = null
  refuse: () => void = () => {
    throw new QuireError('READ_ONLY', 'This archive is read-only here.')
  }

  constructor(path: string, upgrade: (raw: unknown) => unknown) {
    this.#file = new JsonFileAdapter(path, ManifestSchema, upgrade)
  }

  read(): Promise<Manifest | null> {
    return this.#file.read()
  }

  async write(): Promise<void> {
    if (!this.commit) return this.refuse()
    await this.commit()
  }
}

export interface LoadedManifest {
  manifest: Low<Manifest>
  adapter: ManifestAdapter
  /** The schema version on disk; null for a new archive. */
  found: number | null
  steps: readonly MigrationStep[]
}

/** Read quire.json, rebuilding it when damaged (then its version is read again). */
export async function loadManifest(
  layout: ArchiveLayout,
  current: number,
  migrations: readonly MigrationStep[],
  now: () => Date,
  recover: Recover,
): Promise<LoadedManifest> {
  for (;;) {
    const found = await readSchemaVersion(layout.manifest)
    if (found !== null && found > current) {
      throw new QuireError(
        'UNSUPPORTED_FORMAT',
        `The archive at ${layout.root} was written by a newer Quire (schema ${found}); this version reads schema ${current} and older. Update Quire to open it.`,
      )
    }
    const steps = found === null ? [] : stepsFrom(found, migrations)
    const upgrade = (raw: unknown) =>
      steps.length && raw && typeof raw === 'object'
        ? upgradeManifest(raw as Record<string, unknown>, steps)
        : raw
    const adapter = new ManifestAdapter(layout.manifest, upgrade)
    const manifest = new Low<Manifest>(adapter, newManifest(current, now().toISOString()))
    try {
      await manifest.read()
      return { manifest, adapter, found, steps }
    } catch (err) {
      if (!(err instanceof DamagedFileError)) throw err
      // Rebuilt: go round and read the copy's version. Not rebuilt: the archive is now
      // read-only; its records are taken to be current, as the likeliest case.
      if (!(await recover(err))) return { manifest, adapter, found, steps: [] }
    }
  }
}

/**
 * The newest manifest the journal's tail holds, validated; null when it holds none (or
 * only ones that fail the schema: then quire.json stands).
 */
export function journaledManifest(
  tail: readonly JournalEntry[],
  stepsFor: (v: number) => readonly MigrationStep[],
): Manifest | null {
  for (let i = tail.length - 1; i >= 0; i--) {
    const raw = tail[i]!.manifest
    if (!raw) continue
    const steps = stepsFor(tail[i]!.v)
    const parsed = ManifestSchema.safeParse(steps.length ? upgradeManifest(raw, steps) : raw)
    if (parsed.success) return parsed.data
  }
  return null
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
