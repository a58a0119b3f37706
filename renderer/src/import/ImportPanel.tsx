// The import's progress while it runs (with Cancel), then its summary with every failure and
// its reason. The same panel serves files, web addresses and fetching saved links.
import type { ImportKind, ImportState } from './use-importer.ts'
import { summarise } from './import-outcome.ts'
import { Icon } from '../ui/Icon.tsx'
import { Button } from '../ui/Button.tsx'

interface Props {
  state: ImportState
  onDismiss(): void
  onOpen(id: string): void
  onCancel?(): void
  /** Fetches the text of the links this import kept for later (back online). */
  onFetch?(ids: string[], names: string[]): void
}

const WORDS: Record<ImportKind, { running: string; done: string; verb: string; list: string }> = {
  files: { running: 'Importing', done: 'Import', verb: 'imported', list: 'Files not imported' },
  urls: { running: 'Importing', done: 'Import', verb: 'imported', list: 'Pages not imported' },
  fetch: { running: 'Fetching', done: 'Fetch', verb: 'fetched', list: 'Articles not fetched' },
}

export function ImportPanel({ state, onDismiss, onOpen, onCancel, onFetch }: Props) {
  if (state.phase === 'idle') return null
  const words = WORDS[state.kind]
  if (state.phase === 'running') {
    const { done, total, current } = state.progress
    return (
      <section className="import-panel" aria-label="Import" data-testid="import-panel">
        <div className="import-panel-head">
          <p className="import-panel-title" role="status">
            {state.cancelling
              ? 'Cancelling after this batch…'
              : `${words.running} ${Math.min(done + 1, total).toLocaleString()} of ${total.toLocaleString()}`}
          </p>
          {onCancel && (
            <Button className="import-cancel" disabled={state.cancelling} onClick={onCancel}>
              Cancel
            </Button>
          )}
        </div>
        <progress
          className="import-progress"
          value={done}
          max={Math.max(1, total)}
          aria-label="Import progress"
        />
        <p className="import-panel-file" title={current}>
          {current}
        </p>
      </section>
    )
  }
  const o = state.outcome
  const ok = o.failed === 0 && o.skipped === 0 && o.cancelled === 0
  const title = o.cancelled > 0 ? `${words.done} cancelled` : `${words.done} finished`
  return (
    <section
      className={`import-panel ${ok ? 'is-ok' : 'has-failures'}`}
      aria-label={title}
      data-testid="import-panel"
    >
      <div className="import-panel-head">
        <Icon name={ok ? 'check' : 'alert'} size={18} className="import-panel-icon" />
        <p className="import-panel-title">{title}</p>
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
        {summarise(o, words.verb)}
      </p>
      {o.failures.length > 0 && (
        // Focusable: the list scrolls when long, and keyboard users must reach it.
        <ul className="import-failures" aria-label={words.list} tabIndex={0}>
          {o.failures.map((f, i) => (
            <li key={`${f.name}-${i}`}>
              <span className="import-failure-name">{f.name}</span>
              <span className="import-failure-reason">{f.reason}</span>
            </li>
          ))}
        </ul>
      )}
      {o.links.length > 0 && (
        <>
          <p className="import-links-note">
            These pages could not be reached now; their addresses are kept as links. Fetch their
            text when you are back online.
          </p>
          <ul
            className="import-failures import-links"
            aria-label="Kept as links, to fetch later"
            tabIndex={0}
          >
            {o.links.map((l) => (
              <li key={l.id}>
                <span className="import-failure-name">{l.name}</span>
                <span className="import-failure-reason">{l.reason}</span>
              </li>
            ))}
          </ul>
          {onFetch && (
            <Button
              className="import-open"
              onClick={() =>
                onFetch(
                  o.links.map((l) => l.id),
                  o.links.map((l) => l.name),
                )
              }
            >
              {o.links.length === 1 ? 'Fetch it now' : 'Fetch them now'}
            </Button>
          )}
        </>
      )}
      {o.firstImportedId && (
        <Button
          className="import-open"
          onClick={() => o.firstImportedId && onOpen(o.firstImportedId)}
        >
          {o.imported === 1 ? 'Open it' : 'Open the first one'}
        </Button>
      )}
    </section>
  )
}
