// The reader's sidebar: the article note, then the highlights in text order, then the orphaned
// ones (whose passage is no longer in the text) apart, with their repair. Notes are Markdown
// rendered inert (notes/Markdown), never HTML.
import type { AnnotationAnchor } from '../../../shared/api.ts'
import type { Annotation } from '../../../shared/model.ts'
import { ArticleNote } from './ArticleNote.tsx'
import type { Toasts } from '../ui/use-toasts.ts'
import { AnnotationItem } from './AnnotationItem.tsx'
import { OrphanRepair } from './OrphanRepair.tsx'
import { orderAnnotations } from './order.ts'
import type { AnnotationActions } from './use-annotations.ts'

interface Props {
  articleId: string
  /** The note on the whole article. */
  note: string
  noteEditing: boolean
  onNoteEditing(editing: boolean): void
  annotations: readonly Annotation[]
  anchors: readonly AnnotationAnchor[]
  actions: AnnotationActions
  /** The annotation whose note is being edited, if any. */
  editing: string | null
  onEdit(id: string | null): void
  onJump(id: string): void
  /** Opens the notebook (every annotation in the archive). */
  onNotebook?(): void
  toasts: Toasts
  onChanged(): void
}

export function AnnotationSidebar(props: Props) {
  const { annotations, anchors, actions, editing, onEdit, onJump } = props
  const { placed, orphaned } = orderAnnotations(annotations, anchors)
  return (
    <aside className="annotations" aria-label="Highlights and notes">
      <div className="annotations-head">
        <h2 className="annotations-title">Highlights and notes</h2>
        {props.onNotebook && (
          <button
            type="button"
            className="annotation-button"
            title="Notebook (B)"
            onClick={props.onNotebook}
          >
            Notebook
          </button>
        )}
      </div>
      <ArticleNote
        key={props.articleId}
        articleId={props.articleId}
        note={props.note}
        editing={props.noteEditing}
        onEditing={props.onNoteEditing}
        toasts={props.toasts}
        onChanged={props.onChanged}
      />
      <h3 className="annotations-group">Highlights</h3>
      {annotations.length === 0 && (
        <p className="annotations-empty">Select text in the article to highlight it.</p>
      )}
      <ul className="annotations-list">
        {placed.map((a) => (
          <AnnotationItem
            key={a.id}
            a={a}
            editing={editing === a.id}
            {...{ actions, onEdit, onJump }}
          />
        ))}
      </ul>
      {orphaned.length > 0 && (
        <OrphanRepair
          key={props.articleId}
          articleId={props.articleId}
          orphaned={orphaned}
          {...{ actions, editing, onEdit }}
        />
      )}
    </aside>
  )
}
