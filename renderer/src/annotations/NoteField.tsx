// A Markdown note field with Write and Preview tabs; the preview is notes/Markdown (inert).
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react'
import { Markdown } from './Markdown.tsx'

interface Props {
  label: string
  value: string
  onChange(value: string): void
  /** Ctrl/⌘+Enter. */
  onSubmit?(): void
  /** Esc. */
  onCancel?(): void
  autoFocus?: boolean
  rows?: number
}

export function NoteField({
  label,
  value,
  onChange,
  onSubmit,
  onCancel,
  autoFocus,
  rows = 4,
}: Props) {
  const [preview, setPreview] = useState(false)
  const ref = useRef<HTMLTextAreaElement>(null)
  const id = useId()
  useEffect(() => {
    if (autoFocus) ref.current?.focus()
  }, [autoFocus])

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape' && onCancel) {
      e.preventDefault()
      e.stopPropagation()
      onCancel()
    }
    if (e.key === 'Enter' && (e.metaKey || e.ctrlKey) && onSubmit) {
      e.preventDefault()
      onSubmit()
    }
  }

  return (
    <div className="note-field" onKeyDown={onKeyDown}>
      <div className="note-tabs" role="group" aria-label={`${label}: view`}>
        <button
          type="button"
          className="note-tab"
          aria-pressed={!preview}
          onClick={() => {
            setPreview(false)
            requestAnimationFrame(() => ref.current?.focus())
          }}
        >
          Write
        </button>
        <button
          type="button"
          className="note-tab"
          aria-pressed={preview}
          onClick={() => setPreview(true)}
        >
          Preview
        </button>
        <span className="note-hint" id={`${id}-hint`}>
          Markdown
        </span>
      </div>
      {preview ? (
        <div className="note-preview" aria-label={`${label} preview`} role="region">
          {value.trim() ? (
            <Markdown source={value} />
          ) : (
            <p className="note-preview-empty">Nothing to preview.</p>
          )}
        </div>
      ) : (
        <textarea
          ref={ref}
          aria-label={label}
          aria-describedby={`${id}-hint`}
          value={value}
          rows={rows}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </div>
  )
}
