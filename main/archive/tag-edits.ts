// Pure edits of article tags and tag colours: bulk changes, rename (nested children follow),
// merge and delete. The service applies them to the catalog and the manifest in one write.
import type { ArticlePatch, BulkChange } from '../../shared/api.ts'
import type { Article, EditableField, Tag } from '../../shared/model.ts'

/** `from` itself or one of its nested children (`region` covers `region/gaza`). */
export function isUnder(tag: string, from: string): boolean {
  return tag === from || tag.startsWith(`${from}/`)
}

/** The name a tag has after renaming `from` to `to`; other tags keep theirs. */
export function renamedTag(tag: string, from: string, to: string): string {
  return isUnder(tag, from) ? to + tag.slice(from.length) : tag
}

/** The article with its tags mapped (deduplicated), or null when nothing changed. */
export function retag(a: Article, map: (tags: string[]) => string[], now: string): Article | null {
  const tags = [...new Set(map(a.tags))]
  if (tags.length === a.tags.length && tags.every((t, i) => t === a.tags[i])) return null
  return { ...a, tags, updatedAt: now }
}

/** One bulk change applied to one article, or null when it already matched. */
export function applyBulk(a: Article, change: BulkChange, now: string): Article | null {
  const remove = new Set(change.removeTags ?? [])
  const tags = [...new Set([...a.tags.filter((t) => !remove.has(t)), ...(change.addTags ?? [])])]
  const next: Article = { ...a, tags }
  if (change.status !== undefined) next.status = change.status
  if (change.favorite !== undefined) next.favorite = change.favorite
  if (change.archived !== undefined) {
    next.archivedAt = change.archived ? (a.archivedAt ?? now) : null
  }
  const same =
    tags.length === a.tags.length &&
    tags.every((t, i) => t === a.tags[i]) &&
    next.status === a.status &&
    next.favorite === a.favorite &&
    next.archivedAt === a.archivedAt
  return same ? null : { ...next, updatedAt: now }
}

/**
 * Metadata fields of a patch applied to a copy of the article; empty values clear. Each field
 * changed is remembered as edited by hand, so re-extraction leaves it as the user set it.
 */
export function applyMetadata(next: Article, patch: ArticlePatch): void {
  const edited = new Set<EditableField>(next.edited ?? [])
  if (patch.authors !== undefined) {
    const authors = [...new Set(patch.authors)]
    if (authors.join('\u0000') !== next.authors.join('\u0000')) edited.add('authors')
    next.authors = authors
  }
  for (const key of ['subtitle', 'source', 'publishedAt', 'url'] as const) {
    const value = patch[key]
    if (value === undefined) continue
    if ((value ?? '') !== (next[key] ?? '')) edited.add(key)
    if (value === null || value === '') delete next[key]
    else next[key] = value
  }
  if (edited.size > (next.edited?.length ?? 0)) next.edited = [...edited]
}

/**
 * Tag colours after renaming `from` (and its children) to `to`: colours move with the tags;
 * where the new name already had a colour, that one stays.
 */
export function renamedColors(colors: Tag[], from: string, to: string): Tag[] {
  const out = new Map<string, string>()
  for (const t of colors) if (!isUnder(t.name, from)) out.set(t.name, t.color)
  for (const t of colors) {
    if (!isUnder(t.name, from)) continue
    const name = renamedTag(t.name, from, to)
    if (!out.has(name)) out.set(name, t.color)
  }
  return [...out].map(([name, color]) => ({ name, color }))
}
