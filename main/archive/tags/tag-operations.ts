// Tag-wide edits: rename, merge, delete and colour across the whole catalog and quire.json,
// and the tag list with counts. The service runs these inside its write queue.
import type { Article, TagWithCount } from '../../../shared/model.ts'
import type { ArchiveStore } from '../store/archive-store.ts'
import { isUnder, renamedColors, renamedTag, retag } from './tag-edits.ts'
import { tagColor } from './tag-color.ts'

export interface TagEditContext {
  store: ArchiveStore
  /** Puts each changed article, flushes the touched shards once and tells the index once. */
  rewrite(
    articles: Article[],
    change: (a: Article, now: string) => Article | null,
  ): Promise<{ count: number }>
}

/** Every tag in use outside the trash, with its count and colour (stored or derived). */
export function listTags(store: ArchiveStore): TagWithCount[] {
  const counts = new Map<string, number>()
  for (const a of store.catalog.all()) {
    if (a.deletedAt !== null) continue
    for (const t of a.tags) counts.set(t, (counts.get(t) ?? 0) + 1)
  }
  const colors = new Map(store.manifest.data.tags.map((t) => [t.name, t.color]))
  return [...counts]
    .map(([name, count]) => ({ name, count, color: colors.get(name) ?? tagColor(name) }))
    .sort((a, b) => a.name.localeCompare(b.name))
}

/** Fold several tags (and their children) into one; colours move with the tags. */
export async function mergeTags(
  ctx: TagEditContext,
  from: string[],
  into: string,
): Promise<{ count: number }> {
  const sources = from.filter((f) => f !== into)
  const rename = (t: string) => sources.reduce((name, f) => renamedTag(name, f, into), t)
  const result = await ctx.rewrite([...ctx.store.catalog.all()], (a, now) =>
    retag(a, (tags) => tags.map(rename), now),
  )
  const manifest = ctx.store.manifest
  const colors = sources.reduce((c, f) => renamedColors(c, f, into), manifest.data.tags)
  if (JSON.stringify(colors) !== JSON.stringify(manifest.data.tags)) {
    manifest.data.tags = colors
    await manifest.write()
  }
  return result
}

/** Remove a tag from every article; its colour is forgotten. */
export async function deleteTag(ctx: TagEditContext, name: string): Promise<{ count: number }> {
  const result = await ctx.rewrite([...ctx.store.catalog.all()], (a, now) =>
    retag(a, (tags) => tags.filter((t) => t !== name), now),
  )
  const manifest = ctx.store.manifest
  if (manifest.data.tags.some((t) => t.name === name)) {
    manifest.data.tags = manifest.data.tags.filter((t) => t.name !== name)
    await manifest.write()
  }
  return result
}

/** Store a tag's colour in quire.json; the count is of articles that carry the tag. */
export async function setTagColor(
  ctx: TagEditContext,
  name: string,
  color: string,
): Promise<{ count: number }> {
  const manifest = ctx.store.manifest
  manifest.data.tags = [
    ...manifest.data.tags.filter((t) => t.name !== name),
    { name, color: color.toLowerCase() },
  ]
  await manifest.write()
  let count = 0
  for (const a of ctx.store.catalog.all()) if (a.tags.some((t) => isUnder(t, name))) count++
  return { count }
}
