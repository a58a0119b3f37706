// The reader's list of highlights and notes, in text order, with the orphaned ones (whose
// passage is no longer in the text) apart. Notes are shown as plain text, never as HTML.
import { useEffect, useRef, useState } from 'react'
import type { AnnotationAnchor } from '../../../shared/api.ts'
import type { Annotation } from '../../../shared/model.ts'
import { HIGHLIGHT_COLORS, colorLabel } from './colors.ts'
import { orderAnnotations } from './order.ts'
import type { AnnotationActions } from './use-annotations.ts'

interface Props {
  annotations: readonly Annotation[]
  anchors: readonly AnnotationAnchor[]
  actions: AnnotationActions
  /** The annotation whose note is being edited, if any. */
  editing: string | null
  onEdit(id: string | null): void
  onJump(id: string): void
}

export function AnnotationSidebar({
  annotations,
  anchors,
  actions,
  editing,
  onEdit,
  onJump,
}: Props) {
  const { placed, orphaned } = orderAnnotations(annotations, anchors)
  return (
    <aside className="annotations" aria-label="Highlights and notes">
      <h2 className="annotations-title">Highlights and notes</h2>
      {annotations.length === 0 && (
        <p className="annotations-empty">Select text in the article to highlight it.</p>
      )}
      <ul className="annotations-list">
        {placed.map((a) => (
          <Item key={a.id} a={a} editing={editing === a.id} {...{ actions, onEdit, onJump }} />
        ))}
      </ul>
      {orphaned.length > 0 && (
        <section aria-label="Orphaned">
          <h3 className="annotations-group">Orphaned</h3>
          <p className="annotations-hint">Their passage is no longer in the article.</p>
          <ul className="annotations-list">
            {orphaned.map((a) => (
              <Item key={a.id} a={a} editing={editing === a.id} {...{ actions, onEdit }} />
            ))}
          </ul>
        </section>
      )}
    </aside>
  )
}

interface ItemProps {
  a: Annotation
  editing: boolean
  actions: AnnotationActions
  onEdit(id: string | null): void
  onJump?(id: string): void
}

function Item({ a, editing, actions, onEdit, onJump }: ItemProps) {
  const quote = a.target.quote.exact
  return (
    <li className={`annotation annotation-${a.color}`} data-testid="annotation">
      {onJump ? (
        <button type="button" className="annotation-quote" onClick={() => onJump(a.id)}>
          {quote}
        </button>
      ) : (
        <p className="annotation-quote">{quote}</p>
      )}
      {editing ? (
        <NoteEditor
          note={a.note}
          onSave={(note) => {
            actions.setNote(a.id, note)
            onEdit(null)
          }}
          onCancel={() => onEdit(null)}
        />
      ) : (
        a.note && <p className="annotation-note">{a.note}</p>
      )}
      <div className="annotation-actions">
        <div className="annotation-colors" role="radiogroup" aria-label="Colour">
          {HIGHLIGHT_COLORS.map((c) => (
            <button
              key={c}
              type="button"
              role="radio"
              aria-checked={c === a.color}
              aria-label={colorLabel(c)}
              className={`swatch swatch-${c}`}
              onClick={() => c !== a.color && actions.recolor(a.id, c)}
            />
          ))}
        </div>
        {!editing && (
          <button type="button" className="annotation-button" onClick={() => onEdit(a.id)}>
            {a.note ? 'Edit note' : 'Add note'}
          </button>
        )}
        <button type="button" className="annotation-button" onClick={() => actions.remove(a)}>
          Delete
        </button>
      </div>
    </li>
  )
}

function NoteEditor({
  note,
  onSave,
  onCancel,
}: {
  note: string
  onSave(note: string): void
  onCancel(): void
}) {
  const [text, setText] = useState(note)
  const ref = useRef<HTMLTextAreaElement>(null)
  useEffect(() => ref.current?.focus(), [])
  return (
    <form
      className="annotation-editor"
      onSubmit={(e) => {
        e.preventDefault()
        onSave(text)
      }}
    >
      <textarea
        ref={ref}
        aria-label="Note"
        value={text}
        rows={4}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.preventDefault()
            e.stopPropagation()
            onCancel()
          }
          if (e.key === 'Enter' && (e.metaKey || e.ctrlKey)) {
            e.preventDefault()
            onSave(text)
          }
        }}
      />
      <div className="annotation-actions">
        <button type="submit" className="annotation-button">
          Save note
        </button>
        <button type="button" className="annotation-button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  )
}
