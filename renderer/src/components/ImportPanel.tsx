// The import's progress while it runs, then its summary with every failure and its reason.
import type { ImportState } from '../import/use-importer.ts'
import { summarise } from '../import/import-outcome.ts'
import { Icon } from './Icon.tsx'

interface Props {
  state: ImportState
  onDismiss(): void
  onOpen(id: string): void
}

export function ImportPanel({ state, onDismiss, onOpen }: Props) {
  if (state.phase === 'idle') return null
  if (state.phase === 'running') {
    const { done, total, current } = state.progress
    return (
      <section className="import-panel" aria-label="Import" data-testid="import-panel">
        <p className="import-panel-title">
          Importing {Math.min(done + 1, total).toLocaleString()} of {total.toLocaleString()}
        </p>
        <progress className="import-progress" value={done} max={Math.max(1, total)} />
        <p className="import-panel-file" title={current}>
          {current}
        </p>
      </section>
    )
  }
  const o = state.outcome
  const ok = o.failed === 0 && o.skipped === 0
  return (
    <section
      className={`import-panel ${ok ? 'is-ok' : 'has-failures'}`}
      aria-label="Import finished"
      data-testid="import-panel"
    >
      <div className="import-panel-head">
        <Icon name={ok ? 'check' : 'alert'} size={18} className="import-panel-icon" />
        <p className="import-panel-title">Import finished</p>
        <button
          type="button"
          className="toast-close"
          aria-label="Close the import summary"
          onClick={onDismiss}
        >
          <Icon name="close" size={14} />
        </button>
      </div>
      <p className="import-summary" data-testid="import-summary">
        {summarise(o)}
      </p>
      {o.failures.length > 0 && (
        <ul className="import-failures" aria-label="Files not imported">
          {o.failures.map((f, i) => (
            <li key={`${f.name}-${i}`}>
              <span className="import-failure-name">{f.name}</span>
              <span className="import-failure-reason">{f.reason}</span>
            </li>
          ))}
        </ul>
      )}
      {o.firstImportedId && (
        <button
          type="button"
          className="button button-quiet import-open"
          onClick={() => o.firstImportedId && onOpen(o.firstImportedId)}
        >
          {o.imported === 1 ? 'Open it' : 'Open the first one'}
        </button>
      )}
    </section>
  )
}
