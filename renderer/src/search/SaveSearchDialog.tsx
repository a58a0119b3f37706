// The dialog that names a search, to save it or to rename a saved one. Shown while mounted;
// the archive's refusal (a bad query, an empty name) stays in the dialog, next to the field.
import { useRef, useState, type FormEvent } from 'react'
import type { SavedSearch } from '../../../shared/model.ts'
import { errorReason } from '../api/describe-error.ts'
import type { SaveSearchInput } from './use-saved-searches.ts'
import { Button } from '../ui/Button.tsx'
import { Dialog, DialogActions, DialogTitle } from '../ui/Dialog.tsx'

/** What is being named: the running query, or a saved search to rename. */
export type NamingTarget = { kind: 'save'; query: string } | { kind: 'rename'; saved: SavedSearch }

interface Props {
  target: NamingTarget
  /** Resolves when saved; a rejection's reason is shown in the dialog. */
  onSave(input: SaveSearchInput): Promise<unknown>
  onClose(): void
}

export function SaveSearchDialog({ target, onSave, onClose }: Props) {
  const input = useRef<HTMLInputElement>(null)
  const renaming = target.kind === 'rename'
  const query = renaming ? target.saved.query : target.query
  const [name, setName] = useState(renaming ? target.saved.name : target.query.trim())
  const [error, setError] = useState<string>()
  const [busy, setBusy] = useState(false)

  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault()
    const trimmed = name.trim()
    if (!trimmed) {
      setError('Give the search a name.')
      input.current?.focus()
      return
    }
    setBusy(true)
    setError(undefined)
    const id = renaming ? { id: target.saved.id } : {}
    onSave({ ...id, name: trimmed, query }).then(
      () => onClose(),
      (err: unknown) => {
        setBusy(false)
        setError(`${errorReason(err).replace(/[.\s]+$/, '')}.`)
      },
    )
  }

  return (
    <Dialog initialFocus={input} onClose={onClose}>
      <form onSubmit={submit} noValidate>
        <DialogTitle>{renaming ? 'Rename saved search' : 'Save this search'}</DialogTitle>
        <label className="field">
          <span className="field-label">Name</span>
          <input
            ref={input}
            className="text-input"
            value={name}
            maxLength={200}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? 'save-search-error' : undefined}
            onChange={(e) => setName(e.currentTarget.value)}
          />
        </label>
        <p className="dialog-query">
          <span className="field-label">Query</span>
          <code>{query}</code>
        </p>
        {error && (
          <p id="save-search-error" className="field-error" role="alert">
            {error}
          </p>
        )}
        <DialogActions>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary" disabled={busy}>
            {renaming ? 'Rename' : 'Save'}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  )
}
