// The note on the article as a whole, at the top of the reader's sidebar: shown as Markdown,
// edited with a preview, saved as you type (and with Save), its state always in view.
import { useClient } from '../api/client-context.ts'
import type { Toasts } from '../ui/use-toasts.ts'
import { Markdown } from './Markdown.tsx'
import { NoteField } from './NoteField.tsx'
import { useArticleNote, type NoteSaveState } from './use-article-note.ts'
import './notes.css'

interface Props {
  articleId: string
  note: string
  editing: boolean
  onEditing(editing: boolean): void
  toasts: Toasts
  onChanged(): void
}

const STATE_LABEL: Record<NoteSaveState, string> = {
  saved: 'Saved',
  dirty: 'Unsaved changes',
  saving: 'Saving…',
  error: 'Not saved',
}

export function ArticleNote({ articleId, note, editing, onEditing, toasts, onChanged }: Props) {
  const client = useClient()
  const edit = useArticleNote(client, articleId, note, toasts, onChanged)
  return (
    <section className="article-note" aria-labelledby="article-note-title">
      <div className="article-note-head">
        <h3 id="article-note-title" className="annotations-group">
          Article note
        </h3>
        {!editing && (
          <button type="button" className="annotation-button" onClick={() => onEditing(true)}>
            {edit.text.trim() ? 'Edit' : 'Write a note'}
          </button>
        )}
      </div>
      {editing ? (
        <>
          <NoteField
            label="Article note"
            value={edit.text}
            onChange={edit.setText}
            onSubmit={() => void edit.save()}
            onCancel={() => {
              void edit.save()
              onEditing(false)
            }}
            autoFocus
            rows={6}
          />
          <div className="annotation-actions">
            <span
              className={`note-state note-state-${edit.state}`}
              role="status"
              data-testid="article-note-state"
            >
              {STATE_LABEL[edit.state]}
            </span>
            <button
              type="button"
              className="annotation-button"
              disabled={edit.state === 'saved' || edit.state === 'saving'}
              onClick={() => void edit.save()}
            >
              Save
            </button>
            <button
              type="button"
              className="annotation-button"
              onClick={() => {
                void edit.save()
                onEditing(false)
              }}
            >
              Done
            </button>
          </div>
          {edit.error && (
            <p className="note-error" role="alert">
              {edit.error}
            </p>
          )}
        </>
      ) : edit.text.trim() ? (
        <Markdown source={edit.text} className="article-note-text" testId="article-note" />
      ) : (
        <p className="annotations-hint">No note on this article yet.</p>
      )}
    </section>
  )
}
