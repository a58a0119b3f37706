// Quire JSON: the whole archive as one JSON document, re-importable losslessly (same ids,
// timestamps, annotations, notes, tags and colours, saved searches). Asset bytes travel in
// the backup zip; here only their names (older exports could embed them as base64, still read).
import * as z from 'zod'
import { QuireError } from '../../../shared/errors.ts'
import { ArticleSchema, SavedSearchSchema, TagSchema } from '../../../shared/model.ts'
import { CURRENT_SCHEMA_VERSION, stepsFrom, upgradeRecord } from '../store/migrations.ts'
import { writeFileAtomic } from '../store/atomic-write.ts'
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
  /** Called after each article written, with the number written and the total. */
  onArticle?: (done: number, total: number) => void
}

/**
 * The Quire JSON text of a snapshot, a piece at a time (one article a line), so a big
 * archive streams to a file. The whole text parses as one QuireJson document.
 */
export async function* quireJsonText(
  snapshot: ArchiveSnapshot,
  total: number,
  opts: QuireJsonOptions = {},
): AsyncGenerator<string> {
  const head = {
    format: 'quire',
    version: QUIRE_JSON_VERSION,
    exportedAt: opts.exportedAt ?? new Date().toISOString(),
    schemaVersion: snapshot.schemaVersion,
    tags: snapshot.tags,
    savedSearches: snapshot.savedSearches,
  }
  yield JSON.stringify(head, null, 1).replace(/\n}$/, ',\n "articles": [')
  let done = 0
  for await (const batch of snapshot.batches()) {
    const lines: string[] = []
    for (const record of batch) {
      const body = await snapshot.readBody(record.id)
      lines.push(`${done ? ',' : ''}\n  ${JSON.stringify({ record, body })}`)
      done++
      opts.onArticle?.(done, total)
    }
    yield lines.join('')
  }
  yield `\n ],\n "assets": ${JSON.stringify(snapshot.assets)}\n}\n`
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
  const bodies = new Map(doc.articles.map((a) => [a.record.id, a.body]))
  return {
    schemaVersion: doc.schemaVersion,
    tags: doc.tags,
    savedSearches: doc.savedSearches,
    count: doc.articles.length,
    async *batches() {
      yield doc.articles.map((a) => a.record)
    },
    hasBody: (id) => (bodies.get(id) ?? null) !== null,
    readBody: async (id) => bodies.get(id) ?? null,
    readVersion: async () => null,
    // Names without bytes cannot be restored from this file alone (they are in the zip).
    assets: doc.assets.filter((n) => Object.hasOwn(data, n)),
    copyAsset: (name, dest) => writeFileAtomic(dest, Buffer.from(data[name]!, 'base64')),
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
