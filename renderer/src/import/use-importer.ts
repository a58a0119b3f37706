// Imports the files a person picked or dropped: reads them, uploads them in batches through
// 'import:upload', follows 'import:progress', and keeps the outcome for the summary panel.
import { useCallback, useRef, useState } from 'react'
import type { QuireClient } from '../../../shared/api.ts'
import { errorReason } from '../api/describe-error.ts'
import { readFileAsBase64 } from './encode-file.ts'
import {
  addFailures,
  addReport,
  emptyOutcome,
  type ImportFailure,
  type ImportOutcome,
} from './import-outcome.ts'
import { planBatches } from './plan-batches.ts'

export interface ImportProgress {
  done: number
  total: number
  current: string
}

export type ImportState =
  | { phase: 'idle' }
  | { phase: 'running'; progress: ImportProgress }
  | { phase: 'done'; outcome: ImportOutcome }

export interface Importer {
  state: ImportState
  importFiles(files: readonly File[]): Promise<void>
  dismiss(): void
}

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
  // Imports started while one runs wait their turn, so progress stays meaningful.
  const queue = useRef<Promise<void>>(Promise.resolve())

  const run = useCallback(
    async (files: readonly File[]) => {
      const total = files.length
      const { batches, tooLarge } = planBatches(files)
      let outcome = addFailures(
        emptyOutcome(),
        tooLarge.map((f) => ({ name: f.name, reason: 'the file is too large to import' })),
      )
      let before = tooLarge.length
      setState({
        phase: 'running',
        progress: { done: before, total, current: files[0]?.name ?? '' },
      })
      for (const batch of batches) {
        const base = before
        const off = client.on('import:progress', (p) =>
          setState({
            phase: 'running',
            progress: { done: Math.min(total, base + p.done), total, current: p.current },
          }),
        )
        try {
          const { uploads, unreadable } = await encodeBatch(batch)
          outcome = addFailures(outcome, unreadable)
          if (uploads.length > 0) {
            outcome = addReport(outcome, await client.call('import:upload', { files: uploads }))
          }
        } catch (err) {
          const reason = errorReason(err)
          outcome = addFailures(
            outcome,
            batch.map((f) => ({ name: f.name, reason })),
          )
        } finally {
          off()
        }
        before += batch.length
        setState({
          phase: 'running',
          progress: { done: before, total, current: batch[batch.length - 1]?.name ?? '' },
        })
      }
      setState({ phase: 'done', outcome })
      onImported()
    },
    [client, onImported],
  )

  const importFiles = useCallback(
    (files: readonly File[]) => {
      if (files.length === 0) return queue.current
      queue.current = queue.current.then(() => run(files))
      return queue.current
    },
    [run],
  )

  const dismiss = useCallback(() => setState({ phase: 'idle' }), [])

  return { state, importFiles, dismiss }
}
