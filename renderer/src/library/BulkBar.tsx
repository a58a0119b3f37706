// The bar over the library list while rows are selected: how many, and what to do to them all.
import { useState } from 'react'
import type { ArticleSummary } from '../../../shared/model.ts'
import { useImportActions } from '../import/index.ts'
import type { BulkActions } from './use-bulk-actions.ts'
import { useTagList, TagEditor } from '../tags/index.ts'
import { ExportButton } from '../export/index.ts'
import { Icon } from '../ui/Icon.tsx'

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
        <button
          type="button"
          className="button button-quiet bulk-clear"
          aria-label="Clear selection"
          title="Clear selection (Esc)"
          onClick={onClear}
        >
          <Icon name="close" size={14} />
          <span>Clear</span>
        </button>
      </div>
      <div className="bulk-anchor">
        <button
          type="button"
          className="button button-quiet"
          aria-expanded={open === 'tag'}
          onClick={() => setOpen(open === 'tag' ? undefined : 'tag')}
        >
          <span>Tag…</span>
        </button>
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
        <button
          type="button"
          className="button button-quiet"
          aria-expanded={open === 'untag'}
          disabled={present.length === 0}
          onClick={() => setOpen(open === 'untag' ? undefined : 'untag')}
        >
          <span>Remove tag…</span>
        </button>
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
        <button
          type="button"
          className="button button-quiet"
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
        </button>
      )}
      {items.length >= 2 && (
        <button
          type="button"
          className="button button-quiet"
          title="Copies of one article: keep the first imported, with every copy's tags, notes and highlights; the others go to the Trash"
          onClick={() => actions.merge(items)}
        >
          <span>Merge</span>
        </button>
      )}
      <button
        type="button"
        className="icon-button"
        aria-label="Mark read"
        title="Mark read"
        onClick={() => actions.markRead(items, true)}
      >
        <Icon name="check" size={17} />
      </button>
      <button
        type="button"
        className="icon-button"
        aria-label="Mark unread"
        title="Mark unread"
        onClick={() => actions.markRead(items, false)}
      >
        <Icon name="circle" size={17} />
      </button>
      <button
        type="button"
        className="icon-button"
        aria-label="Archive selected"
        title="Archive (E)"
        onClick={() => actions.archive(items)}
      >
        <Icon name="archive" size={17} />
      </button>
      <button
        type="button"
        className="icon-button"
        aria-label="Favourite selected"
        title="Favourite (S)"
        onClick={() => actions.favorite(items)}
      >
        <Icon name="star" size={17} />
      </button>
      <ExportButton
        small
        selection={{ kind: 'ids', ids: items.map((a) => a.id) }}
        label={`${items.length} selected article${items.length === 1 ? '' : 's'}`}
      />
      <button
        type="button"
        className="icon-button icon-button-danger"
        aria-label="Delete selected"
        title="Move to Trash (#)"
        onClick={() => actions.trash(items)}
      >
        <Icon name="trash" size={17} />
      </button>
    </div>
  )
}
