// The bar over the library list while rows are selected: how many, and what to do to them all.
import { useState } from 'react'
import type { ArticleSummary } from '../../../shared/model.ts'
import { useImportActions } from '../import/index.ts'
import type { BulkActions } from './use-bulk-actions.ts'
import { useTagList, TagEditor } from '../tags/index.ts'
import { ExportButton } from '../export/index.ts'
import { Icon } from '../ui/Icon.tsx'
import { Button, IconButton } from '../ui/Button.tsx'

interface Props {
  items: ArticleSummary[]
  actions: BulkActions
  onClear(): void
}

export function BulkBar({ items, actions, onClear }: Props) {
  const all = useTagList()
  const imports = useImportActions()
  // Only articles with a web address can be fetched (saved links, pages fetched before).
  const fetchable = items.filter((a) => a.url)
  const [open, setOpen] = useState<'tag' | 'untag'>()
  const present = [...new Set(items.flatMap((a) => a.tags))].sort()
  const colors = new Map(all.map((t) => [t.name, t.color]))
  return (
    <div className="bulk-bar" role="toolbar" aria-label="Selected articles">
      <div className="bulk-head">
        <span className="bulk-count" data-testid="bulk-count">
          {items.length} selected
        </span>
        <Button
          className="bulk-clear"
          aria-label="Clear selection"
          title="Clear selection (Esc)"
          onClick={onClear}
        >
          <Icon name="close" size={14} />
          <span>Clear</span>
        </Button>
      </div>
      <div className="bulk-anchor">
        <Button
          aria-expanded={open === 'tag'}
          onClick={() => setOpen(open === 'tag' ? undefined : 'tag')}
        >
          <span>Tag…</span>
        </Button>
        {open === 'tag' && (
          <TagEditor
            pick
            tags={[]}
            all={all}
            onChange={(tags) => tags[0] && actions.addTag(items, tags[0])}
            onClose={() => setOpen(undefined)}
          />
        )}
      </div>
      <div className="bulk-anchor">
        <Button
          aria-expanded={open === 'untag'}
          disabled={present.length === 0}
          onClick={() => setOpen(open === 'untag' ? undefined : 'untag')}
        >
          <span>Remove tag…</span>
        </Button>
        {open === 'untag' && (
          <ul className="bulk-menu" role="menu" aria-label="Remove tag">
            {present.map((t) => (
              <li key={t} role="none">
                <button
                  type="button"
                  role="menuitem"
                  className="bulk-menu-item"
                  onClick={() => {
                    setOpen(undefined)
                    actions.removeTag(items, t)
                  }}
                >
                  <span className="tag-dot" style={{ '--tag-color': colors.get(t) }} />
                  {t}
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
      {imports && (
        <Button
          disabled={fetchable.length === 0}
          title={
            fetchable.length === 0
              ? 'None of the selected articles has a web address'
              : 'Fetch the text of saved links, or fetch the pages again (the old text is kept)'
          }
          onClick={() =>
            imports.fetchArticles(
              fetchable.map((a) => a.id),
              fetchable.map((a) => a.url ?? a.title),
            )
          }
        >
          <span>Fetch text</span>
        </Button>
      )}
      {items.length >= 2 && (
        <Button
          title="Copies of one article: keep the first imported, with every copy's tags, notes and highlights; the others go to the Trash"
          onClick={() => actions.merge(items)}
        >
          <span>Merge</span>
        </Button>
      )}
      <IconButton
        icon="check"
        size={17}
        label="Mark read"
        title="Mark read"
        onClick={() => actions.markRead(items, true)}
      />
      <IconButton
        icon="circle"
        size={17}
        label="Mark unread"
        title="Mark unread"
        onClick={() => actions.markRead(items, false)}
      />
      <IconButton
        icon="archive"
        size={17}
        label="Archive selected"
        title="Archive (E)"
        onClick={() => actions.archive(items)}
      />
      <IconButton
        icon="star"
        size={17}
        label="Favourite selected"
        title="Favourite (S)"
        onClick={() => actions.favorite(items)}
      />
      <ExportButton
        small
        selection={{ kind: 'ids', ids: items.map((a) => a.id) }}
        label={`${items.length} selected article${items.length === 1 ? '' : 's'}`}
      />
      <IconButton
        icon="trash"
        size={17}
        danger
        label="Delete selected"
        title="Move to Trash (#)"
        onClick={() => actions.trash(items)}
      />
    </div>
  )
}
