// The Tag manager: every tag with its count and colour; rename inline, merge two or more,
// recolour from a small palette, delete with a confirmation that says what it costs.
import { useState, type KeyboardEvent } from 'react'
import type { TagWithCount } from '../../../shared/model.ts'
import { plural } from '../ui/format/article-meta.ts'
import type { TagEdits } from './use-tag-edits.ts'
import type { Toasts as ToastState } from '../ui/use-toasts.ts'
import { Toasts } from '../ui/Toasts.tsx'
import { ConfirmDialog } from '../ui/ConfirmDialog.tsx'
import { Button, IconButton } from '../ui/Button.tsx'
import { Dialog, DialogActions, DialogHeader, DialogTitle } from '../ui/Dialog.tsx'

export const TAG_PALETTE = [
  '#d9534f',
  '#e8893c',
  '#d4a72c',
  '#4e9a5b',
  '#2f9c95',
  '#3f7fd6',
  '#7a5cc7',
  '#c2528b',
]

interface Props {
  tags: TagWithCount[]
  edits: TagEdits
  /** Shown inside the dialog: a modal dialog makes the window's own toasts unclickable. */
  toasts: ToastState
  onClose(): void
}

export function TagManager({ tags, edits, toasts, onClose }: Props) {
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set())
  const [renaming, setRenaming] = useState<string>()
  const [coloring, setColoring] = useState<string>()
  const [deleting, setDeleting] = useState<TagWithCount>()
  const [mergeInto, setMergeInto] = useState<string>()
  const names = tags.map((t) => t.name)

  const toggle = (name: string) =>
    setSelected((s) => {
      const next = new Set(s)
      if (next.has(name)) next.delete(name)
      else next.add(name)
      return next
    })

  const commitRename = (from: string, to: string) => {
    setRenaming(undefined)
    const name = to.trim()
    if (name && name !== from) void edits.rename(from, name, names)
  }

  const onRenameKey = (e: KeyboardEvent<HTMLInputElement>, from: string) => {
    if (e.key === 'Enter') {
      e.preventDefault()
      commitRename(from, e.currentTarget.value)
    } else if (e.key === 'Escape') {
      e.preventDefault()
      e.stopPropagation()
      setRenaming(undefined)
    }
  }

  const chosen = [...selected].filter((s) => names.includes(s))

  return (
    <Dialog className="dialog-wide tag-manager" onClose={onClose}>
      <DialogHeader className="tag-manager-head" closeLabel="Close">
        <DialogTitle>Manage tags</DialogTitle>
      </DialogHeader>
      {tags.length === 0 ? (
        <p className="dialog-message">No tags yet. Tag an article from the reader with T.</p>
      ) : (
        <ul className="tag-manager-list" aria-label="Tags">
          {tags.map((t) => (
            <li key={t.name} className="tag-manager-row" data-tag={t.name}>
              <input
                type="checkbox"
                aria-label={`Select ${t.name}`}
                checked={selected.has(t.name)}
                onChange={() => toggle(t.name)}
              />
              <button
                type="button"
                className="tag-swatch"
                style={{ '--tag-color': t.color }}
                aria-label={`Colour of ${t.name}`}
                aria-expanded={coloring === t.name}
                onClick={() => setColoring((c) => (c === t.name ? undefined : t.name))}
              />
              {renaming === t.name ? (
                <input
                  className="text-input tag-manager-name-input"
                  aria-label={`New name for ${t.name}`}
                  defaultValue={t.name}
                  autoFocus
                  maxLength={100}
                  onKeyDown={(e) => onRenameKey(e, t.name)}
                  onBlur={(e) => commitRename(t.name, e.currentTarget.value)}
                />
              ) : (
                <span className="tag-manager-name">{t.name}</span>
              )}
              <span className="tag-manager-count">{plural(t.count, 'article')}</span>
              <IconButton
                icon="edit"
                size={16}
                label={`Rename ${t.name}`}
                title="Rename"
                onClick={() => setRenaming(t.name)}
              />
              <IconButton
                icon="trash"
                size={16}
                danger
                label={`Delete ${t.name}`}
                title="Delete"
                onClick={() => setDeleting(t)}
              />
              {coloring === t.name && (
                <div className="tag-palette" role="group" aria-label={`Colours for ${t.name}`}>
                  {[...new Set([t.color.toLowerCase(), ...TAG_PALETTE])].map((c) => (
                    <button
                      key={c}
                      type="button"
                      className="tag-swatch"
                      style={{ '--tag-color': c }}
                      aria-label={`Colour ${c}`}
                      aria-pressed={c === t.color.toLowerCase()}
                      onClick={() => {
                        setColoring(undefined)
                        if (c !== t.color.toLowerCase()) void edits.setColor(t.name, c, t.color)
                      }}
                    />
                  ))}
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
      <DialogActions className="tag-manager-actions">
        {chosen.length >= 2 && (
          <>
            <label className="tag-manager-merge">
              <span>Merge {chosen.length} tags into</span>
              <select
                className="text-input"
                aria-label="Merge into"
                value={mergeInto ?? chosen[0]}
                onChange={(e) => setMergeInto(e.currentTarget.value)}
              >
                {chosen.map((n) => (
                  <option key={n} value={n}>
                    {n}
                  </option>
                ))}
              </select>
            </label>
            <Button
              variant="primary"
              onClick={() => {
                const into = mergeInto && chosen.includes(mergeInto) ? mergeInto : chosen[0]!
                setSelected(new Set())
                setMergeInto(undefined)
                void edits.merge(
                  chosen.filter((n) => n !== into),
                  into,
                )
              }}
            >
              Merge
            </Button>
          </>
        )}
        <Button onClick={onClose}>Done</Button>
      </DialogActions>
      <Toasts {...toasts} />
      <ConfirmDialog
        open={deleting !== undefined}
        title={`Delete the tag “${deleting?.name ?? ''}”?`}
        message={`${plural(deleting?.count ?? 0, 'article')} will lose the tag “${deleting?.name ?? ''}”.`}
        confirmLabel="Delete tag"
        destructive
        onCancel={() => setDeleting(undefined)}
        onConfirm={() => {
          setDeleting(undefined)
          if (deleting) void edits.remove(deleting.name, deleting.color)
        }}
      />
    </Dialog>
  )
}
