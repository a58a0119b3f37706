// Pure edits of article tags and tag colours: rename (nested children follow), merge and
// delete. tag-operations.ts applies them to the catalog and the manifest in one write.
import type { Article, Tag } from '../../../shared/model.ts'

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
