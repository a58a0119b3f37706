// The schema of one catalog shard (catalog/<00..ff>.json), validated article by article, with
// the strings that repeat across 100k records stored once.
//
// Why not z.record(ArticleSchema) on the whole shard: zod then keeps every article's parse
// temporaries alive until the shard is done, they outlive V8's young generation and the heap
// grows by as much again as the catalog itself while an archive opens. One article at a time,
// they die young. Errors keep the same path (articles.<id>.<field>).
import * as z from 'zod'
import { ArticleSchema, type Article } from '../../../shared/model.ts'

/** Distinct short values kept for sharing; a bound so hostile data cannot grow it forever. */
const MAX_SHARED = 20_000
const MAX_SHARED_LENGTH = 100
const shared = new Map<string, string>()

/** The one copy of a short string that recurs across records (a source, tag, status…). */
function share<T extends string | undefined>(s: T): T {
  if (s === undefined || s.length > MAX_SHARED_LENGTH) return s
  const known = shared.get(s)
  if (known !== undefined) return known as T
  if (shared.size < MAX_SHARED) shared.set(s, s)
  return s
}

/**
 * The same record with repeated strings shared. Equal timestamps (imported, updated and
 * published are often the same instant) become one string; the values are unchanged.
 */
export function compact(a: Article): Article {
  if (a.updatedAt === a.importedAt) a.updatedAt = a.importedAt
  if (a.publishedAt === a.importedAt) a.publishedAt = a.importedAt
  a.status = share(a.status)
  // Optional fields only when present: an explicit `undefined` would change the record's
  // shape (restore and backups compare records exactly).
  if (a.source !== undefined) a.source = share(a.source)
  if (a.language !== undefined) a.language = share(a.language)
  a.origin.kind = share(a.origin.kind)
  a.origin.format = share(a.origin.format)
  if (a.origin.service !== undefined) a.origin.service = share(a.origin.service)
  // In place: a new array per record was 100k arrays of garbage on an open at 100k.
  for (let i = 0; i < a.tags.length; i++) a.tags[i] = share(a.tags[i]!)
  for (const x of a.annotations) x.color = share(x.color)
  return a
}

/** A record deleted for good, kept so a synced copy of the shard does not bring it back. */
const TombstoneSchema = z.object({ at: z.string(), seen: z.array(z.string()) })

export const ShardSchema = z
  .object({
    articles: z.record(z.string(), z.unknown()),
    removed: z.record(z.string(), TombstoneSchema).optional(),
  })
  .transform((shard, ctx) => {
    const articles: Record<string, Article> = {}
    for (const [id, raw] of Object.entries(shard.articles)) {
      const parsed = ArticleSchema.safeParse(raw)
      if (!parsed.success) {
        for (const issue of parsed.error.issues) {
          ctx.addIssue({
            code: 'custom',
            message: issue.message,
            path: ['articles', id, ...issue.path],
          })
        }
        return z.NEVER
      }
      articles[id] = compact(parsed.data)
    }
    return shard.removed && Object.keys(shard.removed).length
      ? { articles, removed: shard.removed }
      : { articles }
  })

export type Shard = z.output<typeof ShardSchema>
