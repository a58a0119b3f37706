// Quire JSON: the whole archive as one JSON document, re-importable losslessly (same ids,
// timestamps, annotations, notes, tags and colours, saved searches). Asset bytes travel in
// the backup zip; here only their names, unless `includeAssets` embeds them as base64.
import { z } from 'zod'
import { QuireError } from '../../../shared/errors.ts'
import { ArticleSchema, SavedSearchSchema, TagSchema } from '../../../shared/model.ts'
import { CURRENT_SCHEMA_VERSION, stepsFrom, upgradeRecord } from '../store/migrations.ts'
import { AssetNameSchema, type ArchiveSnapshot } from './archive-snapshot.ts'

export const QUIRE_JSON_VERSION = 1

export const QuireJsonSchema = z
  .object({
    format: z.literal('quire'),
    version: z.literal(QUIRE_JSON_VERSION),
    exportedAt: z.string(),
    /** The archive schema the records follow. */
    schemaVersion: z.number().int().positive(),
    tags: z.array(TagSchema),
    savedSearches: z.array(SavedSearchSchema),
    articles: z.array(z.object({ record: ArticleSchema, body: z.string().nullable() }).strict()),
    assets: z.array(AssetNameSchema),
    /** Present only when the export embedded the asset bytes (base64). */
    assetData: z.record(AssetNameSchema, z.base64()).optional(),
  })
  .strict()
export type QuireJson = z.infer<typeof QuireJsonSchema>

export interface QuireJsonOptions {
  exportedAt?: string
  /** Embed asset bytes as base64 (a self-contained but larger file). */
  includeAssets?: boolean
}

export async function buildQuireJson(
  snapshot: ArchiveSnapshot,
  opts: QuireJsonOptions = {},
): Promise<QuireJson> {
  const doc: QuireJson = {
    format: 'quire',
    version: QUIRE_JSON_VERSION,
    exportedAt: opts.exportedAt ?? new Date().toISOString(),
    schemaVersion: snapshot.schemaVersion,
    tags: snapshot.tags,
    savedSearches: snapshot.savedSearches,
    articles: snapshot.articles,
    assets: snapshot.assets,
  }
  if (opts.includeAssets) {
    const data: Record<string, string> = {}
    for (const name of snapshot.assets) {
      data[name] = Buffer.from(await snapshot.readAsset(name)).toString('base64')
    }
    doc.assetData = data
  }
  return doc
}

/**
 * Parse and validate a Quire JSON text. Throws QuireError INVALID_INPUT naming `file` and
 * the first problem (path and reason), or UNSUPPORTED_FORMAT for a newer version.
 */
export function parseQuireJson(text: string, file: string): QuireJson {
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch (err) {
    throw new QuireError('INVALID_INPUT', `${file} is not JSON: ${(err as Error).message}`)
  }
  const head = raw as { format?: unknown; version?: unknown } | null
  if (head?.format !== 'quire') {
    throw new QuireError(
      'INVALID_INPUT',
      `${file} is not a Quire JSON export (no "format": "quire").`,
    )
  }
  if (typeof head.version === 'number' && head.version > QUIRE_JSON_VERSION) {
    throw new QuireError(
      'UNSUPPORTED_FORMAT',
      `${file} was written by a newer Quire (version ${head.version}); update Quire to import it.`,
    )
  }
  const parsed = QuireJsonSchema.safeParse(upgraded(raw as Record<string, unknown>, file))
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!
    throw new QuireError(
      'INVALID_INPUT',
      `${file} is not a valid Quire JSON export: at ${issue.path.join('.') || '(root)'}: ${issue.message}`,
    )
  }
  const seen = new Set<string>()
  for (const { record } of parsed.data.articles) {
    if (seen.has(record.id)) {
      throw new QuireError('INVALID_INPUT', `${file} holds article ${record.id} twice.`)
    }
    seen.add(record.id)
  }
  return parsed.data
}

/** A snapshot view of a parsed document, for applyArchiveSnapshot. */
export function snapshotOfQuireJson(doc: QuireJson): ArchiveSnapshot {
  const data = doc.assetData ?? {}
  return {
    schemaVersion: doc.schemaVersion,
    tags: doc.tags,
    savedSearches: doc.savedSearches,
    articles: doc.articles,
    // Names without bytes cannot be restored from this file alone (they are in the zip).
    assets: doc.assets.filter((n) => Object.hasOwn(data, n)),
    readAsset: async (name) => Buffer.from(data[name]!, 'base64'),
  }
}

/** Records of an older archive schema, run through the same migrations as the store's. */
function upgraded(raw: Record<string, unknown>, file: string): unknown {
  const version = raw.schemaVersion
  if (typeof version !== 'number' || !Array.isArray(raw.articles)) return raw
  if (version > CURRENT_SCHEMA_VERSION) {
    throw new QuireError(
      'UNSUPPORTED_FORMAT',
      `${file} holds an archive of schema ${version}; this Quire reads ${CURRENT_SCHEMA_VERSION} and older.`,
    )
  }
  const steps = stepsFrom(version)
  if (!steps.length) return raw
  const articles = raw.articles.map((a: { record?: Record<string, unknown> }) =>
    a && typeof a === 'object' && a.record ? { ...a, record: upgradeRecord(a.record, steps) } : a,
  )
  return { ...raw, articles, schemaVersion: CURRENT_SCHEMA_VERSION }
}
