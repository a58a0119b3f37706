// "Edit details": the article's title, subtitle, authors, source, published date and address.
// Shown while mounted; the archive's refusal (a bad address) stays in the dialog.
import { useState, type FormEvent } from 'react'
import type { ArticlePatch } from '../../../shared/api.ts'
import type { ArticleSummary } from '../../../shared/model.ts'
import { errorReason } from '../api/describe-error.ts'
import { Button } from '../ui/Button.tsx'
import { Dialog, DialogActions, DialogTitle } from '../ui/Dialog.tsx'

interface Props {
  article: ArticleSummary
  onSave(patch: ArticlePatch): Promise<void>
  onClose(): void
}

const FIELDS = [
  ['title', 'Title'],
  ['subtitle', 'Subtitle'],
  ['authors', 'Authors (comma-separated)'],
  ['source', 'Source'],
  ['publishedAt', 'Published (YYYY-MM-DD)'],
  ['url', 'Address (URL)'],
] as const
type Field = (typeof FIELDS)[number][0]

export function DetailsDialog({ article: a, onSave, onClose }: Props) {
  const [values, setValues] = useState<Record<Field, string>>({
    title: a.title,
    subtitle: a.subtitle ?? '',
    authors: a.authors.join(', '),
    source: a.source ?? '',
    publishedAt: a.publishedAt?.slice(0, 10) ?? '',
    url: a.url ?? '',
  })
  const [error, setError] = useState<string>()
  const [busy, setBusy] = useState(false)

  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault()
    if (!values.title.trim()) {
      setError('An article needs a title.')
      return
    }
    const date = values.publishedAt.trim()
    const patch: ArticlePatch = {
      title: values.title.trim(),
      subtitle: values.subtitle.trim(),
      authors: values.authors
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
      source: values.source.trim(),
      // An unchanged day keeps the original time of a full ISO date.
      publishedAt: date === '' ? null : date === a.publishedAt?.slice(0, 10) ? a.publishedAt : date,
      url: values.url.trim() === '' ? null : values.url.trim(),
    }
    setBusy(true)
    setError(undefined)
    onSave(patch).then(onClose, (err: unknown) => {
      setBusy(false)
      setError(`${errorReason(err).replace(/[.\s]+$/, '')}.`)
    })
  }

  return (
    <Dialog className="dialog-wide" onClose={onClose}>
      <form onSubmit={submit} noValidate>
        <DialogTitle>Edit details</DialogTitle>
        {FIELDS.map(([key, label]) => (
          <label key={key} className="field">
            <span className="field-label">{label}</span>
            <input
              className="text-input"
              value={values[key]}
              type={key === 'publishedAt' ? 'text' : key === 'url' ? 'url' : 'text'}
              onChange={(e) => {
                const value = e.currentTarget.value
                setValues((v) => ({ ...v, [key]: value }))
              }}
            />
          </label>
        ))}
        {error && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
        <DialogActions>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary" disabled={busy}>
            Save
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  )
}
