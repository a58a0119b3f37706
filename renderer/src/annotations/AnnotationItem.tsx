// One highlight in the sidebar: its quote (click to go to it), its note as Markdown, its tags,
// and the edits: colour, note (Markdown with preview), tags, delete.
import { useState, type ReactNode } from 'react'
import type { Annotation } from '../../../shared/model.ts'
import { TagEditor, useTagList } from '../tags/index.ts'
import { Markdown } from './Markdown.tsx'
import { NoteField } from './NoteField.tsx'
import { HIGHLIGHT_COLORS, colorLabel } from './colors.ts'
import type { AnnotationActions } from './use-annotations.ts'

interface Props {
  a: Annotation
  editing: boolean
  actions: AnnotationActions
  onEdit(id: string | null): void
  /** Absent for orphans: they have no passage to go to. */
  onJump?(id: string): void
  children?: ReactNode
}

export function AnnotationItem({ a, editing, actions, onEdit, onJump, children }: Props) {
  const quote = a.target.quote.exact
  const [tagging, setTagging] = useState(false)
  const all = useTagList()
  return (
    <li className={`annotation annotation-${a.color}`} data-testid="annotation" data-id={a.id}>
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
            if (note !== a.note) actions.setNote(a.id, note)
            onEdit(null)
          }}
          onCancel={() => onEdit(null)}
        />
      ) : (
        a.note && <Markdown source={a.note} className="annotation-note" />
      )}
      {a.tags.length > 0 && (
        <ul className="annotation-tags" aria-label="Tags">
          {a.tags.map((t) => (
            <li key={t} className="tag-chip">
              {t}
            </li>
          ))}
        </ul>
      )}
      {tagging && (
        <TagEditor
          tags={a.tags}
          all={all}
          onChange={(tags) => actions.setTags(a.id, tags)}
          onClose={() => setTagging(false)}
          chipsLabel="Tags on this highlight"
        />
      )}
      {children}
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
        <button
          type="button"
          className="annotation-button"
          aria-expanded={tagging}
          onClick={() => setTagging((v) => !v)}
        >
          Tags
        </button>
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
  return (
    <form
      className="annotation-editor"
      onSubmit={(e) => {
        e.preventDefault()
        onSave(text)
      }}
    >
      <NoteField
        label="Note"
        value={text}
        onChange={setText}
        onSubmit={() => onSave(text)}
        onCancel={onCancel}
        autoFocus
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
