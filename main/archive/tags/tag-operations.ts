// Tag-wide edits: rename, merge, delete and colour across the whole catalog and quire.json,
// and the tag list with counts. Each edit is one write in the archive's queue.
import type { TagWithCount } from '../../../shared/model.ts'
import type { ArchiveCore } from '../core/archive-core.ts'
import { isUnder, renamedColors, renamedTag, retag } from './tag-edits.ts'
import { tagColor } from './tag-color.ts'

/** Every tag in use outside the trash, with its count and colour (stored or derived). */
export async function listTags(core: ArchiveCore): Promise<TagWithCount[]> {
  const { store } = core
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

/** Rename a tag on every article (nested children too); merges into `to` when it exists. */
export async function renameTag(
  core: ArchiveCore,
  from: string,
  to: string,
): Promise<{ count: number }> {
  return mergeTags(core, [from], to)
}

/** Fold several tags (and their children) into one; colours move with the tags. */
export async function mergeTags(
  core: ArchiveCore,
  from: string[],
  into: string,
): Promise<{ count: number }> {
  return core.write(async () => {
    const sources = from.filter((f) => f !== into)
    const rename = (t: string) => sources.reduce((name, f) => renamedTag(name, f, into), t)
    const result = await core.rewrite([...core.store.catalog.all()], (a, now) =>
      retag(a, (tags) => tags.map(rename), now),
    )
    const manifest = core.store.manifest
    const colors = sources.reduce((c, f) => renamedColors(c, f, into), manifest.data.tags)
    if (JSON.stringify(colors) !== JSON.stringify(manifest.data.tags)) {
      manifest.data.tags = colors
      await manifest.write()
    }
    return result
  })
}

/** Remove a tag from every article; its colour is forgotten. */
export async function deleteTag(core: ArchiveCore, name: string): Promise<{ count: number }> {
  return core.write(async () => {
    const result = await core.rewrite([...core.store.catalog.all()], (a, now) =>
      retag(a, (tags) => tags.filter((t) => t !== name), now),
    )
    const manifest = core.store.manifest
    if (manifest.data.tags.some((t) => t.name === name)) {
      manifest.data.tags = manifest.data.tags.filter((t) => t.name !== name)
      await manifest.write()
    }
    return result
  })
}

/** Store a tag's colour in quire.json; the count is of articles that carry the tag. */
export async function setTagColor(
  core: ArchiveCore,
  name: string,
  color: string,
): Promise<{ count: number }> {
  return core.write(async () => {
    const manifest = core.store.manifest
    manifest.data.tags = [
      ...manifest.data.tags.filter((t) => t.name !== name),
      { name, color: color.toLowerCase() },
    ]
    await manifest.write()
    let count = 0
    for (const a of core.store.catalog.all()) if (a.tags.some((t) => isUnder(t, name))) count++
    return { count }
  })
}
