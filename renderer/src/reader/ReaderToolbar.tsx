// The reader's actions: back, tags (T), edit details, read/unread, favourite, archive, export,
// trash (restore in the Trash), then the reader's own controls (notes, reading settings). In a
// narrow reader, edit details, export and trash move into a "More" menu (styles/layout.css).
import { useCallback, useState, type ReactNode } from 'react'
import type { ArticleSummary } from '../../../shared/model.ts'
import type { ArticleActions } from '../library/index.ts'
import { useTagList, TagEditor } from '../tags/index.ts'
import { useShortcuts } from '../ui/use-shortcuts.ts'
import { ExportButton } from '../export/index.ts'
import { DetailsDialog } from './DetailsDialog.tsx'
import { ReaderMoreMenu } from './ReaderMoreMenu.tsx'
import { Icon } from '../ui/Icon.tsx'
import { Button, IconButton } from '../ui/Button.tsx'

interface Props {
  article: ArticleSummary | undefined
  actions: ArticleActions
  onBack(): void
  /** More controls at the start of the actions (the Versions menu of a fetched page). */
  extra?: ReactNode
  /** The reader's own controls at the right end (article note, highlights, reading settings). */
  trailing?: ReactNode
}

export function ReaderToolbar({ article: a, actions, onBack, extra, trailing }: Props) {
  const allTags = useTagList()
  const [tagging, setTagging] = useState(false)
  const [editing, setEditing] = useState(false)
  const live = a !== undefined && a.deletedAt === null
  const closeTags = useCallback(() => setTagging(false), [])
  useShortcuts({ t: live ? () => setTagging(true) : undefined })

  return (
    <div className="reader-toolbar folding-toolbar" role="toolbar" aria-label="Article actions">
      <button
        type="button"
        className="icon-button reader-back"
        aria-label="Back to the list"
        title="Back to the list (Esc)"
        onClick={onBack}
      >
        <Icon name="back" />
      </button>
      <div className="toolbar-spacer" />
      {extra}
      {a && a.deletedAt !== null && (
        <Button onClick={() => actions.restore(a)}>
          <Icon name="restore" size={16} />
          <span>Restore</span>
        </Button>
      )}
      {a && a.deletedAt === null && (
        <>
          <div className="tag-editor-anchor">
            <IconButton
              icon="tag"
              label="Tags"
              aria-expanded={tagging}
              title="Tags (T)"
              onClick={() => setTagging((t) => !t)}
            />
            {tagging && (
              <TagEditor
                key={a.id}
                tags={a.tags}
                all={allTags}
                onChange={(tags) => actions.setTags(a, tags)}
                onClose={closeTags}
              />
            )}
          </div>
          <IconButton
            icon="edit"
            className="toolbar-extra"
            label="Edit details"
            title="Edit details"
            onClick={() => setEditing(true)}
          />
          <button
            type="button"
            className="icon-button"
            aria-label={a.status === 'read' ? 'Mark as unread' : 'Mark as read'}
            title={a.status === 'read' ? 'Mark as unread (M)' : 'Mark as read (M)'}
            onClick={() => actions.toggleRead(a)}
          >
            <Icon name={a.status === 'read' ? 'check' : 'circle'} />
          </button>
          <button
            type="button"
            className="icon-button"
            aria-label="Favourite"
            aria-pressed={a.favorite}
            title={a.favorite ? 'Remove from Favourites (S)' : 'Add to Favourites (S)'}
            onClick={() => actions.toggleFavorite(a)}
          >
            <Icon name="star" filled={a.favorite} />
          </button>
          <button
            type="button"
            className="icon-button"
            aria-label="Archive"
            aria-pressed={a.archivedAt !== null}
            title={a.archivedAt !== null ? 'Move back to the Inbox (E)' : 'Archive (E)'}
            onClick={() => actions.toggleArchived(a)}
          >
            <Icon name="archive" />
          </button>
          <ExportButton
            className="toolbar-extra"
            selection={{ kind: 'ids', ids: [a.id] }}
            label={`“${a.title}”`}
          />
          <IconButton
            icon="trash"
            danger
            className="toolbar-extra"
            label="Move to Trash"
            title="Move to Trash (#)"
            onClick={() => actions.trash(a)}
          />
          <ReaderMoreMenu
            article={a}
            onDetails={() => setEditing(true)}
            onTrash={() => actions.trash(a)}
          />
          {editing && (
            <DetailsDialog
              key={a.id}
              article={a}
              onSave={(patch) => actions.saveDetails(a, patch)}
              onClose={() => setEditing(false)}
            />
          )}
        </>
      )}
      {trailing && <div className="reader-toolbar-own">{trailing}</div>}
    </div>
  )
}
