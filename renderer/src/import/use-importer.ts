// Imports what a person picked, dropped, pasted or asked to fetch: files through
// 'import:upload', addresses through 'import:urls', link records through 'articles:fetch'.
// Each runs in small batches so progress stays meaningful and Cancel can stop between them;
// the last summary is kept so it can be opened again until the next import.
import { useCallback, useRef, useState } from 'react'
import type { QuireClient } from '../../../shared/api.ts'
import { errorReason } from '../api/describe-error.ts'
import { readFileAsBase64 } from './encode-file.ts'
import { chunk, runImportJob, type ImportStep, type JobProgress } from './import-job.ts'
import {
  addFailures,
  emptyOutcome,
  type ImportFailure,
  type ImportOutcome,
} from './import-outcome.ts'
import { planBatches } from './plan-batches.ts'

export type ImportProgress = JobProgress

/** What an import brings in: files, web pages by address, or the text of saved links. */
export type ImportKind = 'files' | 'urls' | 'fetch'

export type ImportState =
  | { phase: 'idle' }
  | { phase: 'running'; kind: ImportKind; progress: ImportProgress; cancelling: boolean }
  | { phase: 'done'; kind: ImportKind; outcome: ImportOutcome }

export interface Importer {
  state: ImportState
  importFiles(files: readonly File[]): Promise<void>
  /** `invalid`: lines the person typed that are not addresses, reported in the summary. */
  importUrls(
    urls: readonly string[],
    tags?: readonly string[],
    invalid?: readonly ImportFailure[],
  ): Promise<void>
  fetchArticles(ids: readonly string[], names?: readonly string[]): Promise<void>
  /** Stops after the batch in flight; the summary counts the rest as cancelled. */
  cancel(): void
  dismiss(): void
  /** Shows the last import's summary again (until the next import starts). */
  reopen(): void
  hasLast: boolean
}

/** Pages are fetched a few at a time by the archive; small calls let Cancel act quickly. */
export const URLS_PER_CALL = 4

async function encodeBatch(files: readonly File[]) {
  const uploads: { name: string; dataBase64: string }[] = []
  const unreadable: ImportFailure[] = []
  for (const file of files) {
    try {
      uploads.push({ name: file.name, dataBase64: await readFileAsBase64(file) })
    } catch (err) {
      unreadable.push({ name: file.name, reason: errorReason(err) })
    }
  }
  return { uploads, unreadable }
}

export function useImporter(client: QuireClient, onImported: () => void): Importer {
  const [state, setState] = useState<ImportState>({ phase: 'idle' })
  const [last, setLast] = useState<{ kind: ImportKind; outcome: ImportOutcome }>()
  // Imports started while one runs wait their turn, so progress stays meaningful.
  const queue = useRef<Promise<void>>(Promise.resolve())
  const cancelled = useRef(false)

  const run = useCallback(
    async (kind: ImportKind, steps: ImportStep[], start = emptyOutcome(), skipped = 0) => {
      cancelled.current = false
      setLast(undefined)
      const outcome = await runImportJob(
        steps,
        {
          isCancelled: () => cancelled.current,
          onProgress: (progress) =>
            setState({ phase: 'running', kind, progress, cancelling: cancelled.current }),
          follow: (listener) => client.on('import:progress', listener),
        },
        start,
        skipped,
      )
      setState({ phase: 'done', kind, outcome })
      setLast({ kind, outcome })
      onImported()
    },
    [client, onImported],
  )

  const enqueue = useCallback((job: () => Promise<void>) => {
    queue.current = queue.current.then(job)
    return queue.current
  }, [])

  const importFiles = useCallback(
    (files: readonly File[]) => {
      if (files.length === 0) return queue.current
      return enqueue(() => {
        const { batches, tooLarge } = planBatches(files)
        const start = addFailures(
          emptyOutcome(),
          tooLarge.map((f) => ({ name: f.name, reason: 'the file is too large to import' })),
        )
        const steps = batches.map((batch): ImportStep => ({
          names: batch.map((f) => f.name),
          run: async () => {
            const { uploads, unreadable } = await encodeBatch(batch)
            if (uploads.length === 0) return { failures: unreadable }
            const report = await client.call('import:upload', { files: uploads })
            return { report, failures: unreadable }
          },
        }))
        return run('files', steps, start, tooLarge.length)
      })
    },
    [client, enqueue, run],
  )

  const importUrls = useCallback(
    (
      urls: readonly string[],
      tags: readonly string[] = [],
      invalid: readonly ImportFailure[] = [],
    ) => {
      if (urls.length === 0) return queue.current
      const steps = chunk(urls, URLS_PER_CALL).map((part): ImportStep => ({
        names: part,
        run: async () => ({
          report: await client.call('import:urls', { urls: part, tags: [...tags] }),
        }),
      }))
      const start = addFailures(emptyOutcome(), [...invalid])
      return enqueue(() => run('urls', steps, start, invalid.length))
    },
    [client, enqueue, run],
  )

  const fetchArticles = useCallback(
    (ids: readonly string[], names: readonly string[] = ids) => {
      if (ids.length === 0) return queue.current
      const steps = chunk(
        ids.map((id, i) => ({ id, name: names[i] ?? id })),
        URLS_PER_CALL,
      ).map((part): ImportStep => ({
        names: part.map((p) => p.name),
        run: async () => ({
          report: await client.call('articles:fetch', { ids: part.map((p) => p.id) }),
        }),
      }))
      return enqueue(() => run('fetch', steps))
    },
    [client, enqueue, run],
  )

  const cancel = useCallback(() => {
    cancelled.current = true
    setState((s) => (s.phase === 'running' ? { ...s, cancelling: true } : s))
  }, [])

  const dismiss = useCallback(() => setState({ phase: 'idle' }), [])
  const reopen = useCallback(() => {
    if (last) setState({ phase: 'done', ...last })
  }, [last])

  return {
    state,
    importFiles,
    importUrls,
    fetchArticles,
    cancel,
    dismiss,
    reopen,
    hasLast: last !== undefined,
  }
}
