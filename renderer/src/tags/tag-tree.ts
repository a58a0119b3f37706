// Nested tags (`region/gaza`) as a tree for the sidebar: a parent that no article carries
// still appears, so its children have somewhere to hang.
import type { TagWithCount } from '../../../shared/model.ts'

export interface TagNode {
  /** The full name (`region/gaza`). */
  name: string
  /** The last part (`gaza`). */
  label: string
  /** The tag itself; undefined for a parent only its children carry. */
  tag: TagWithCount | undefined
  children: TagNode[]
}

export function tagTree(tags: readonly TagWithCount[]): TagNode[] {
  const roots: TagNode[] = []
  const byName = new Map<string, TagNode>()
  const node = (name: string): TagNode => {
    const found = byName.get(name)
    if (found) return found
    const cut = name.lastIndexOf('/')
    const created: TagNode = { name, label: name.slice(cut + 1), tag: undefined, children: [] }
    byName.set(name, created)
    const parent = cut > 0 ? node(name.slice(0, cut)) : undefined
    if (parent) parent.children.push(created)
    else roots.push(created)
    return created
  }
  for (const t of [...tags].sort((a, b) => a.name.localeCompare(b.name))) node(t.name).tag = t
  return roots
}
