// The dialog's live preview: asks the archive for one after the person stops changing the
// format or the template for a moment; an answer to an older request is dropped.
import { useEffect, useState } from 'react'
import type {
  ExportFormat,
  ExportPreview,
  ExportSelection,
  ExportTemplate,
  QuireClient,
} from '../../../shared/api.ts'
import { errorReason } from '../api/describe-error.ts'

export interface PreviewRequest {
  format: ExportFormat
  selection: ExportSelection
  template: ExportTemplate | undefined
}

export interface PreviewState {
  status: 'loading' | 'ready' | 'error'
  /** The latest answer (kept while the next one loads, so the pane does not flash). */
  preview?: ExportPreview
  error?: string
  /** Quire's own Markdown template, once an answer without a template has shown it. */
  defaults?: ExportTemplate
}

/** Waits this long after the last change (typing in the template) before asking. */
export const PREVIEW_DELAY_MS = 250

interface Answer {
  key: string
  preview?: ExportPreview
  error?: string
}

export function useExportPreview(client: QuireClient, request: PreviewRequest): PreviewState {
  const [answer, setAnswer] = useState<Answer>()
  const [last, setLast] = useState<ExportPreview>()
  const [defaults, setDefaults] = useState<ExportTemplate>()
  const key = JSON.stringify(request)
  useEffect(() => {
    const req = JSON.parse(key) as PreviewRequest
    let live = true
    const timer = setTimeout(() => {
      client
        .call('export:preview', {
          format: req.format,
          selection: req.selection,
          ...(req.template ? { template: req.template } : {}),
        })
        .then(
          (preview) => {
            if (!live) return
            setAnswer({ key, preview })
            setLast(preview)
            if (!req.template && preview.template) setDefaults(preview.template)
          },
          (err: unknown) => live && setAnswer({ key, error: errorReason(err) }),
        )
    }, PREVIEW_DELAY_MS)
    return () => {
      live = false
      clearTimeout(timer)
    }
  }, [client, key])
  if (answer?.key !== key) return { status: 'loading', preview: last, defaults }
  if (answer.error !== undefined)
    return { status: 'error', error: answer.error, preview: last, defaults }
  return { status: 'ready', preview: answer.preview, defaults }
}
