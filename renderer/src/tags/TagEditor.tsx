// The reader's inline tag editor: the article's tags as chips with ×, and a field that offers
// existing tags as you type (↑/↓ and Enter pick one; Enter on new text creates a tag).
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react'
import type { TagWithCount } from '../../../shared/model.ts'
import { tagSuggestions } from './tag-suggestions.ts'
import { Icon } from '../ui/Icon.tsx'
import { useClickOutside } from '../ui/use-click-outside.ts'

interface Props {
  tags: string[]
  all: TagWithCount[]
  onChange(tags: string[]): void
  onClose(): void
  /** Pick one tag (the bulk bar's Tag…) instead of editing a list of chips. */
  pick?: boolean
  /** What the chips are the tags of, for screen readers ("Tags on this highlight"). */
  chipsLabel?: string
}

export function TagEditor({
  tags,
  all,
  onChange,
  onClose,
  pick = false,
  chipsLabel = 'Tags on this article',
}: Props) {
  const [text, setText] = useState('')
  const [active, setActive] = useState(0)
  const input = useRef<HTMLInputElement>(null)
  const root = useRef<HTMLDivElement>(null)
  const suggestions = useMemo(() => tagSuggestions(text, all, tags), [text, all, tags])
  const colors = useMemo(() => new Map(all.map((t) => [t.name, t.color])), [all])
  const open = text.trim() !== '' && suggestions.length > 0

  useEffect(() => input.current?.focus(), [])

  useClickOutside(root, onClose)

  const add = (name: string) => {
    if (!tags.includes(name)) onChange([...tags, name])
    if (pick) return onClose()
    setText('')
    setActive(0)
    input.current?.focus()
  }

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    const keys: Record<string, () => void> = {
      ArrowDown: () => setActive((i) => (i + 1) % Math.max(1, suggestions.length)),
      ArrowUp: () => setActive((i) => (i <= 0 ? suggestions.length - 1 : i - 1)),
      Enter: () => {
        const pick = open ? suggestions[Math.min(active, suggestions.length - 1)] : undefined
        if (pick) add(pick.name)
      },
      Escape: onClose,
      Backspace: () => {
        if (text === '' && tags.length > 0) onChange(tags.slice(0, -1))
      },
    }
    const run = keys[e.key]
    if (!run) return
    if (e.key !== 'Backspace' || text === '') e.preventDefault()
    e.stopPropagation()
    run()
  }

  return (
    <div className="tag-editor" role="dialog" aria-label={pick ? 'Add a tag' : 'Tags'} ref={root}>
      <ul className="tag-editor-chips" aria-label={chipsLabel} hidden={pick}>
        {tags.length === 0 && <li className="tag-editor-none">No tags yet</li>}
        {tags.map((t) => (
          <li key={t} className="tag-chip tag-chip-removable">
            <span
              className="tag-dot"
              style={{ '--tag-color': colors.get(t) ?? 'var(--text-faint)' }}
            />
            {t}
            <button
              type="button"
              className="tag-chip-remove"
              aria-label={`Remove tag ${t}`}
              onClick={() => onChange(tags.filter((x) => x !== t))}
            >
              <Icon name="close" size={11} />
            </button>
          </li>
        ))}
      </ul>
      <input
        ref={input}
        className="text-input tag-editor-input"
        role="combobox"
        aria-label="Add a tag"
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls="tag-editor-options"
        aria-activedescendant={open ? `tag-option-${active}` : undefined}
        placeholder="Add a tag…"
        value={text}
        maxLength={100}
        onChange={(e) => {
          setText(e.currentTarget.value)
          setActive(0)
        }}
        onKeyDown={onKeyDown}
      />
      {open && (
        <ul id="tag-editor-options" className="tag-editor-options" role="listbox" aria-label="Tags">
          {suggestions.map((s, i) => (
            <li
              key={`${s.isNew ? 'new' : 'tag'}:${s.name}`}
              id={`tag-option-${i}`}
              role="option"
              aria-selected={i === active}
              className="tag-editor-option"
              onPointerDown={(e) => e.preventDefault()}
              onClick={() => add(s.name)}
            >
              {s.isNew ? (
                <>
                  <Icon name="tag" size={13} />
                  <span>Create “{s.name}”</span>
                </>
              ) : (
                <>
                  <span className="tag-dot" style={{ '--tag-color': colors.get(s.name) }} />
                  <span>{s.name}</span>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}
