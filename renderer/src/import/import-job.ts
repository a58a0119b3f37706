// Runs one import as a sequence of steps (upload calls), adding each answer to the outcome and
// stopping between steps when the person cancels: what was imported stays, the rest is counted
// as cancelled. Kept free of React so the cancel rule is tested on its own.
import type { ImportReport } from '../../../shared/model.ts'
import { errorReason } from '../api/describe-error.ts'
import {
  addCancelled,
  addFailures,
  addReport,
  emptyOutcome,
  type ImportFailure,
  type ImportOutcome,
} from './import-outcome.ts'

/** One call to the archive, for `names.length` items. */
export interface ImportStep {
  names: string[]
  /** Resolves with the archive's report and any items that never left (unreadable files). */
  run(): Promise<{ report?: ImportReport; failures?: ImportFailure[] }>
}

export interface JobProgress {
  done: number
  total: number
  current: string
}

export interface JobHooks {
  isCancelled(): boolean
  onProgress(progress: JobProgress): void
  /** Follows the archive's progress within a step; returns the unsubscribe. */
  follow?(listener: (p: { done: number; current: string }) => void): () => void
}

/** Every step in order; a step that throws fails its own items only. */
export async function runImportJob(
  steps: readonly ImportStep[],
  hooks: JobHooks,
  start: ImportOutcome = emptyOutcome(),
  alreadyDone = 0,
): Promise<ImportOutcome> {
  const total = alreadyDone + steps.reduce((n, s) => n + s.names.length, 0)
  let outcome = start
  let before = alreadyDone
  for (const [i, step] of steps.entries()) {
    if (hooks.isCancelled()) {
      const left = steps.slice(i).reduce((n, s) => n + s.names.length, 0)
      return addCancelled(outcome, left)
    }
    const base = before
    hooks.onProgress({ done: base, total, current: step.names[0] ?? '' })
    const off = hooks.follow?.((p) =>
      hooks.onProgress({ done: Math.min(total, base + p.done), total, current: p.current }),
    )
    try {
      const { report, failures } = await step.run()
      if (failures && failures.length > 0) outcome = addFailures(outcome, failures)
      if (report) outcome = addReport(outcome, report)
    } catch (err) {
      const reason = errorReason(err)
      outcome = addFailures(
        outcome,
        step.names.map((name) => ({ name, reason })),
      )
    } finally {
      off?.()
    }
    before += step.names.length
    hooks.onProgress({ done: before, total, current: step.names[step.names.length - 1] ?? '' })
  }
  return outcome
}

/** Splits a list into runs of `size`, keeping its order. */
export function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = []
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size))
  return out
}
