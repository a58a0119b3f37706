// The sidebar's tags as a tree: nested tags under their parent, collapsible, each with its
// colour dot and count.
import { useState } from 'react'
import type { TagNode } from './tag-tree.ts'
import { Icon } from '../ui/Icon.tsx'

interface Props {
  nodes: TagNode[]
  current: string | undefined
  onTag(name: string): void
  depth?: number
}

export function TagTree({ nodes, current, onTag, depth = 0 }: Props) {
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set())
  const toggle = (name: string) =>
    setCollapsed((c) => {
      const next = new Set(c)
      if (next.has(name)) next.delete(name)
      else next.add(name)
      return next
    })
  return (
    <ul className="nav-list">
      {nodes.map((n) => {
        const open = !collapsed.has(n.name)
        return (
          <li key={n.name} className="tag-tree-item">
            <div className="tag-tree-row" style={{ '--depth': depth }}>
              {n.children.length > 0 ? (
                <button
                  type="button"
                  className="tag-tree-toggle"
                  aria-label={open ? `Collapse ${n.name}` : `Expand ${n.name}`}
                  aria-expanded={open}
                  onClick={() => toggle(n.name)}
                >
                  <Icon name="chevron" size={12} className={open ? '' : 'is-collapsed'} />
                </button>
              ) : (
                <span className="tag-tree-toggle" aria-hidden="true" />
              )}
              <button
                type="button"
                className="nav-item"
                aria-current={current === n.name ? 'page' : undefined}
                title={n.name}
                onClick={() => onTag(n.name)}
              >
                <span
                  className="tag-dot"
                  style={{ '--tag-color': n.tag?.color ?? 'var(--text-faint)' }}
                />
                <span className="nav-label">{n.label}</span>
                {n.tag && <span className="nav-count">{n.tag.count.toLocaleString()}</span>}
              </button>
            </div>
            {open && n.children.length > 0 && (
              <TagTree nodes={n.children} current={current} onTag={onTag} depth={depth + 1} />
            )}
          </li>
        )
      })}
    </ul>
  )
}
