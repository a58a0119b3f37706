// "Add from the web": addresses, one per line (or pasted in a heap), and optional tags. Each
// line that is not an address is listed by its number as it is typed, and again in the import's
// summary. Import closes the dialog; progress, Cancel and the summary follow in the import panel.
import { useMemo, useRef, useState, type FormEvent } from 'react'
import { plural } from '../ui/format/article-meta.ts'
import { Button } from '../ui/Button.tsx'
import { Dialog, DialogActions, DialogTitle } from '../ui/Dialog.tsx'
import type { ImportFailure } from './import-outcome.ts'
import { MAX_URLS, describeRejected, parseTags, parseUrlList } from './url-list.ts'

/** Lines listed in the dialog; the summary after the import lists them all. */
const SHOWN_REJECTED = 4

interface Props {
  /** Text to start with (addresses pasted into the library). */
  initial?: string | undefined
  /** `invalid`: the lines that are not addresses, reported in the import's summary. */
  onImport(urls: string[], tags: string[], invalid: ImportFailure[]): void
  onClose(): void
}

export function WebImportDialog({ initial = '', onImport, onClose }: Props) {
  const area = useRef<HTMLTextAreaElement>(null)
  const [text, setText] = useState(initial)
  const [tags, setTags] = useState('')
  const [error, setError] = useState<string>()
  const parsed = useMemo(() => parseUrlList(text), [text])

  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault()
    if (parsed.urls.length === 0) {
      setError(
        parsed.rejected.length > 0
          ? `${describeRejected(parsed.rejected[0]!)}.`
          : 'Paste or type at least one web address (http:// or https://).',
      )
      area.current?.focus()
      return
    }
    if (parsed.urls.length > MAX_URLS) {
      setError(
        `That is ${parsed.urls.length.toLocaleString()} addresses; add at most ${MAX_URLS.toLocaleString()} at a time.`,
      )
      return
    }
    const invalid = parsed.rejected.map((r) => ({
      name: `Line ${r.line}: “${r.text}”`,
      reason: r.reason,
    }))
    onImport(parsed.urls, parseTags(tags), invalid)
    onClose()
  }

  const count =
    parsed.urls.length === 0
      ? 'No addresses yet.'
      : `${plural(parsed.urls.length, 'address', 'addresses')} to import` +
        (parsed.rejected.length > 0
          ? ` · ${plural(parsed.rejected.length, 'line')} skipped (not a web address)`
          : '')

  return (
    <Dialog className="web-import-dialog" initialFocus={area} onClose={onClose}>
      <form onSubmit={submit} noValidate>
        <DialogTitle>Add from the web</DialogTitle>
        <p className="dialog-message">
          Quire fetches each page now and keeps its text and images, so it reads offline.
        </p>
        <label className="field">
          <span className="field-label">Addresses, one per line</span>
          <textarea
            ref={area}
            className="text-input web-import-urls"
            value={text}
            spellCheck={false}
            placeholder={'https://example.com/a-story\nhttps://example.org/another'}
            aria-invalid={error ? true : undefined}
            aria-describedby="web-import-count web-import-error"
            onChange={(e) => {
              setText(e.currentTarget.value)
              setError(undefined)
            }}
            onKeyDown={(e) => {
              // Ctrl/Cmd+Enter imports from inside the box, as in other desktop apps.
              if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
                e.preventDefault()
                e.currentTarget.form?.requestSubmit()
              }
            }}
          />
        </label>
        <p id="web-import-count" className="web-import-count" aria-live="polite">
          {count}
        </p>
        {parsed.rejected.length > 0 && (
          <ul className="web-import-rejected" aria-label="Lines that are not web addresses">
            {parsed.rejected.slice(0, SHOWN_REJECTED).map((r) => (
              <li key={r.line}>{describeRejected(r)}</li>
            ))}
            {parsed.rejected.length > SHOWN_REJECTED && (
              <li>and {plural(parsed.rejected.length - SHOWN_REJECTED, 'more line')}</li>
            )}
          </ul>
        )}
        <label className="field">
          <span className="field-label">Tags (optional, separated by commas)</span>
          <input
            className="text-input"
            value={tags}
            placeholder="reading-list, research"
            onChange={(e) => setTags(e.currentTarget.value)}
          />
        </label>
        <p id="web-import-error" className="field-error" role="alert">
          {error}
        </p>
        <DialogActions>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary">
            {parsed.urls.length > 1 ? `Import ${parsed.urls.length.toLocaleString()}` : 'Import'}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  )
}
