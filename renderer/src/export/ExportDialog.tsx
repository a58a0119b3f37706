// The export dialog: pick a format (each with a line on what it is for), see a live preview
// (Markdown with its template editor), and Export to a download or, for PDF in a browser,
// the print dialog. Esc or Cancel closes; errors stay in the dialog in words.
import { useMemo, useRef, useState } from 'react'
import type { ExportFormat, ExportTemplate } from '../../../shared/api.ts'
import { QuireError } from '../../../shared/errors.ts'
import type { EventPayload } from '../../../shared/events.ts'
import { useClient } from '../api/client-context.ts'
import { errorReason } from '../api/describe-error.ts'
import { Button } from '../ui/Button.tsx'
import { Dialog, DialogHeader, DialogTitle } from '../ui/Dialog.tsx'
import { plural } from '../ui/format/article-meta.ts'
import { bytesOf, downloadBase64, printHtml } from './deliver.ts'
import type { ExportTarget } from './export-request.ts'
import { exportFormats } from './formats.ts'
import { loadTemplate, saveTemplate } from './template-store.ts'
import { TemplateEditor } from './TemplateEditor.tsx'
import { useExportPreview } from './use-export-preview.ts'
import './export.css'

interface Props {
  target: ExportTarget
  onClose(): void
}

const FORMAT_KEY = 'quire.export.format'

export function ExportDialog({ target, onClose }: Props) {
  const client = useClient()
  const firstFocus = useRef<HTMLInputElement>(null)
  // The desktop app's bridge can print PDF files itself; a browser prints through its dialog.
  const desktop = typeof window !== 'undefined' && window.quire !== undefined
  const formats = useMemo(() => exportFormats(desktop), [desktop])
  const [format, setFormat] = useState<ExportFormat>(() => storedFormat(formats))
  const [template, setTemplate] = useState<ExportTemplate | undefined>(loadTemplate)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string>()
  const [done, setDone] = useState<string>()
  const [progress, setProgress] = useState<EventPayload<'export:progress'>>()
  const choice = formats.find((f) => f.id === format)!
  const preview = useExportPreview(client, {
    format,
    selection: target.selection,
    template: format === 'markdown' ? template : undefined,
  })
  const shown = preview.preview

  const choose = (next: ExportFormat) => {
    setFormat(next)
    setError(undefined)
    setDone(undefined)
    try {
      localStorage.setItem(FORMAT_KEY, next)
    } catch {
      // Remembered for this dialog only.
    }
  }

  const editTemplate = (next: ExportTemplate) => {
    setTemplate(next)
    saveTemplate(next)
  }
  const resetTemplate = () => {
    setTemplate(undefined)
    saveTemplate(undefined)
  }

  const run = async () => {
    setBusy(true)
    setError(undefined)
    setDone(undefined)
    setProgress(undefined)
    const stop = client.on('export:progress', (p) => setProgress(p))
    const request = {
      selection: target.selection,
      ...(format === 'markdown' && template ? { template } : {}),
    }
    try {
      if (format === 'pdf') {
        const printed = desktop ? await desktopPdf() : false
        if (!printed) {
          const file = await client.call('export:run', { ...request, format: 'html' })
          await printHtml(new TextDecoder().decode(bytesOf(file.dataBase64)))
          setDone('The print dialog is open: choose “Save as PDF” as the printer.')
        }
      } else {
        const file = await client.call('export:run', { ...request, format })
        downloadBase64(file.fileName, file.mime, file.dataBase64)
        setDone(`Saved ${file.fileName}.`)
      }
    } catch (err) {
      setError(`The export failed: ${errorReason(err).replace(/[.\s]+$/, '')}.`)
    } finally {
      stop()
      setBusy(false)
    }

    async function desktopPdf(): Promise<boolean> {
      try {
        const file = await client.call('export:run', { ...request, format: 'pdf' })
        downloadBase64(file.fileName, file.mime, file.dataBase64)
        setDone(`Saved ${file.fileName}.`)
        return true
      } catch (err) {
        if (err instanceof QuireError && err.code === 'UNSUPPORTED') return false
        throw err
      }
    }
  }

  const count = shown?.itemCount
  const summary =
    count === undefined
      ? 'Counting…'
      : choice.whole
        ? `The whole archive (${plural(count, 'article')})`
        : `${plural(count, 'article')}${shown?.capped ? ' (the first 100,000 only)' : ''}`

  return (
    <Dialog
      className="export-dialog"
      describedBy="export-what"
      initialFocus={firstFocus}
      dismissable={!busy}
      onClose={onClose}
    >
      <DialogHeader className="export-header" closeLabel="Close export">
        <div>
          <DialogTitle>Export</DialogTitle>
          <p id="export-what" className="export-what">
            {target.label}
          </p>
        </div>
      </DialogHeader>
      <div className="export-body">
        <fieldset className="export-formats">
          <legend className="export-formats-legend">Format</legend>
          {formats.map((f) => (
            <label key={f.id} className="export-format" data-format={f.id}>
              <input
                ref={f.id === format ? firstFocus : undefined}
                type="radio"
                name="export-format"
                value={f.id}
                checked={f.id === format}
                aria-describedby={`export-format-${f.id}`}
                onChange={() => choose(f.id)}
              />
              <span className="export-format-text">
                <span className="export-format-label">{f.label}</span>
                <span className="export-format-description" id={`export-format-${f.id}`}>
                  {f.description}
                </span>
              </span>
            </label>
          ))}
        </fieldset>
        <section className="export-main" aria-label="Preview">
          <div className="export-summary" data-testid="export-count">
            <span>{summary}</span>
            {shown && !choice.whole && format !== 'pdf' && (
              <span className="export-file" title={shown.fileName}>
                {shown.fileName}
              </span>
            )}
          </div>
          {format === 'markdown' && (
            <TemplateEditor
              value={template ?? preview.defaults ?? shown?.template}
              custom={template !== undefined}
              onChange={editTemplate}
              onReset={resetTemplate}
            />
          )}
          {preview.status === 'error' ? (
            <p className="field-error" role="alert">
              The preview failed: {preview.error}
            </p>
          ) : (
            <pre
              className="export-preview"
              data-testid="export-preview"
              aria-label="Preview of the export"
              aria-busy={preview.status === 'loading'}
              role="region"
              tabIndex={0}
            >
              {shown?.text || (preview.status === 'loading' ? '' : 'Nothing to show.')}
              {shown?.truncated ? '\n\n… (the preview stops here; the export has it all)' : ''}
            </pre>
          )}
        </section>
      </div>
      <footer className="export-footer">
        <div className="export-status">
          {error && (
            <p className="field-error" role="alert">
              {error}
            </p>
          )}
          {done && !error && (
            <p className="export-done" role="status">
              {done}
            </p>
          )}
        </div>
        <Button onClick={onClose}>Close</Button>
        <Button
          variant="primary"
          disabled={busy || count === 0}
          aria-busy={busy}
          onClick={() => void run()}
        >
          {busy
            ? progress && progress.total > 1
              ? `Exporting… ${progress.done.toLocaleString()} of ${progress.total.toLocaleString()}`
              : 'Exporting…'
            : format === 'pdf' && !desktop
              ? 'Print…'
              : 'Export'}
        </Button>
      </footer>
    </Dialog>
  )
}

function storedFormat(formats: { id: ExportFormat }[]): ExportFormat {
  try {
    const saved = localStorage.getItem(FORMAT_KEY)
    const known = formats.find((f) => f.id === saved)
    if (known) return known.id
  } catch {
    // No storage: the default.
  }
  return 'markdown'
}
